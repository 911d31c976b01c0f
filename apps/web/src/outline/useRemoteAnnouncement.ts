import { createBoardReader, originKind, type Role } from '@kinmap/model';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { BoardSession } from '../board/useBoard';
import { visibleBoard } from '../board/visibility';
import { announcement, remoteChanges } from './announce';

export interface Announcement {
  readonly text: string;
  /** Changes with every announcement, so the same words twice in a row are still spoken. */
  readonly serial: number;
}

/**
 * A short sentence about what other people just changed on the board, for a polite live region.
 * Only changes that came over the network after the first sync count: the board arriving is not
 * news, and this person's own changes are not announced back to them.
 */
export function useRemoteAnnouncement(session: BoardSession | null, role: Role): Announcement {
  const [said, setSaid] = useState<Announcement>({ text: '', serial: 0 });

  useEffect(() => {
    if (!session) return;
    const { doc, provider } = session;
    // Read incrementally (created before the listener below, so it has seen each change first).
    const reader = createBoardReader(doc);
    let before = visibleBoard(reader.read().state, role);
    const onTransaction = (transaction: Y.Transaction) => {
      if (transaction.changed.size === 0) return;
      const after = visibleBoard(reader.read().state, role);
      const fromOthers = originKind(transaction.origin) !== 'local' && provider.synced;
      const text = fromOthers ? announcement(remoteChanges(before, after)) : '';
      before = after;
      if (text !== '') setSaid((previous) => ({ text, serial: previous.serial + 1 }));
    };
    doc.on('afterTransaction', onTransaction);
    return () => {
      doc.off('afterTransaction', onTransaction);
      reader.destroy();
    };
  }, [session, role]);

  return said;
}
