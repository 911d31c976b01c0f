import { isParticipantRegistered, type ParticipantId, registerParticipant } from '@kinmap/model';
import type { Logger, Rooms } from '@kinmap/sync';
import type { AccessControl } from '../access/accessControl.js';

/**
 * [AC17] Clients may not write the board's `participants`: the server writes each member's name and
 * role there, from the member record, when the member connects. When the entry is already right
 * (every reconnect) the live board says so and nothing is built or written.
 */
export async function registerMember(
  rooms: Pick<Rooms, 'changeUnless'>,
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
    const result = await rooms.changeUnless(
      boardId,
      (doc) => isParticipantRegistered(doc, participant),
      (doc) => registerParticipant(doc, participant),
    );
    const refused = !result.ok ? result.reason : result.value?.ok === false ? result.value.reason : null;
    if (refused !== null) logger.warn('participant.register_failed', { boardId, memberId, reason: refused });
  } catch (error) {
    logger.error('participant.register_failed', {
      boardId,
      memberId,
      name: error instanceof Error ? error.name : 'unknown',
    });
  }
}
