import type { VersionMeta } from '@kinmap/model';
import { ConfirmButton } from '../lib/ConfirmButton';
import { t } from '../lib/messages';
import type { Restore } from './useRestore';

/** "Restore version N": asks first, then brings the whole board back from that version. */
export function RestoreBoardButton({
  version,
  restore,
}: {
  readonly version: Pick<VersionMeta, 'id' | 'number'>;
  readonly restore: Restore;
}) {
  return (
    <ConfirmButton
      label={t('versions.restore.board', { number: version.number })}
      question={t('versions.restore.boardQuestion', { number: version.number })}
      yes={t('versions.restore.boardYes')}
      no={t('versions.restore.boardNo')}
      disabled={restore.busy}
      onConfirm={() => void restore.restoreBoard(version.id, version.number)}
    />
  );
}

/** What the last restore did: a status when it worked, an alert when it failed. */
export function RestoreOutcome({ restore }: { readonly restore: Restore }) {
  return (
    <>
      <p role="status">{restore.said && !restore.said.problem ? restore.said.text : ''}</p>
      <p role="alert">{restore.said?.problem ? restore.said.text : ''}</p>
    </>
  );
}
