import { type ParticipantId, registerParticipant } from '@kinmap/model';
import type { Logger, Rooms } from '@kinmap/sync';
import type { AccessControl } from './access.js';

/**
 * [AC17] Clients may not write the board's `participants`: the server writes each member's name and
 * role there, from the member record, when the member connects. Nothing is written when the entry is
 * already right, so reconnecting costs a scratch copy of the board and no update.
 */
export async function registerMember(
  rooms: Pick<Rooms, 'change'>,
  access: Pick<AccessControl, 'members'>,
  boardId: string,
  memberId: string,
  logger: Logger,
): Promise<void> {
  const member = access.members.get(memberId);
  if (!member || member.boardId !== boardId || member.revokedAt !== null) return;
  const participant = {
    id: member.id as ParticipantId,
    displayName: member.displayName,
    role: member.role,
  };
  try {
    const result = await rooms.change(boardId, (doc) => registerParticipant(doc, participant));
    const refused = !result.ok ? result.reason : result.value.ok ? null : result.value.reason;
    if (refused !== null) logger.warn('participant.register_failed', { boardId, memberId, reason: refused });
  } catch (error) {
    logger.error('participant.register_failed', {
      boardId,
      memberId,
      name: error instanceof Error ? error.name : 'unknown',
    });
  }
}
