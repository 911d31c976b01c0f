import { roomDocumentOf } from '@kinmap/protocol';
import type { RoomConnection } from '@kinmap/sync';
import type { AuditLog } from '../audit/auditLog.js';
import { isBoardId } from '../boards/boardRegistry.js';
import type { RoomEntrance } from './upgrade.js';

/**
 * [AD2] A member's socket opening and closing are audit events (join, leave). Wrapping the rooms
 * keeps this out of the upgrade's code path.
 */
export function withPresenceAudit(rooms: RoomEntrance, audit: Pick<AuditLog, 'record'>): RoomEntrance {
  return {
    connect(roomId, socket, access) {
      const connection = rooms.connect(roomId, socket, access);
      const { boardId, document } = roomDocumentOf(roomId);
      const memberId = access.participantId ?? null;
      // One join per person per socket: the restricted room's socket is the same person's second view.
      if (memberId === null || document !== 'shared' || !isBoardId(boardId)) return connection;
      const detail = { role: access.role, connectionId: access.connectionId };
      audit.record({ boardId, actorMemberId: memberId, kind: 'join', detail });
      let open = true;
      const wrapped: RoomConnection = {
        message: (data) => connection.message(data),
        close() {
          connection.close();
          if (!open) return;
          open = false;
          audit.record({ boardId, actorMemberId: memberId, kind: 'leave', detail });
        },
      };
      return wrapped;
    },
  };
}
