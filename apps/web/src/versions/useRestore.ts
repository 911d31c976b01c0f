import { useCallback, useState } from 'react';
import { t } from '../lib/messages';
import { failureMessage } from './useVersionsData';
import { restoreFromVersion } from './versionsApi';

type RestoreDone = 'versions.restore.cardDone' | 'versions.restore.boardDone';

export interface Restore {
  readonly busy: boolean;
  /** What the last restore did, in words, and whether it failed. */
  readonly said: { readonly text: string; readonly problem: boolean } | null;
  readonly restoreCard: (versionId: string, versionNumber: number, cardId: string) => Promise<void>;
  readonly restoreBoard: (versionId: string, versionNumber: number) => Promise<void>;
}

/**
 * Bringing a card or the whole board back from a version through the server, which writes it as
 * this person's change; the live board then updates through the sync like any other change.
 */
export function useRestore(boardId: string): Restore {
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Restore['said']>(null);
  const run = useCallback(
    async (versionId: string, cardId: string | null, done: RestoreDone, number: number) => {
      setBusy(true);
      const result = await restoreFromVersion(boardId, versionId, cardId);
      setBusy(false);
      setSaid(
        result.ok
          ? { text: t(done, { number }), problem: false }
          : { text: t(failureMessage(result)), problem: true },
      );
    },
    [boardId],
  );
  return {
    busy,
    said,
    restoreCard: (versionId, number, cardId) => run(versionId, cardId, 'versions.restore.cardDone', number),
    restoreBoard: (versionId, number) => run(versionId, null, 'versions.restore.boardDone', number),
  };
}
