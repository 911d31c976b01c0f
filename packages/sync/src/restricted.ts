import type { BoardDocument } from '@kinmap/model';

/**
 * Each board has two rooms: the shared one (everyone on the board) and the restricted one, which
 * holds professionals-only cards and which only facilitators and practitioners may join (the server
 * refuses everyone else before the handshake). A room's id is also its key in the DocStore.
 */
const RESTRICTED_SUFFIX = ':restricted';

/**
 * The room (and store key) of a board's restricted document.
 * @example restrictedRoomId('b1') // 'b1:restricted'
 */
export function restrictedRoomId(boardId: string): string {
  return `${boardId}${RESTRICTED_SUFFIX}`;
}

/** Which board and which of its documents a room id names. */
export function roomDocumentOf(roomId: string): { boardId: string; document: BoardDocument } {
  return roomId.endsWith(RESTRICTED_SUFFIX)
    ? { boardId: roomId.slice(0, -RESTRICTED_SUFFIX.length), document: 'restricted' }
    : { boardId: roomId, document: 'shared' };
}
