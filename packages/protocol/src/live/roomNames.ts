import type { BoardDocument } from '@kinmap/model';

/**
 * Each board has two rooms: the shared one (everyone on the board) and the restricted one, which
 * holds professionals-only cards and which only facilitators and practitioners may join (the server
 * refuses everyone else before the handshake). The client names a room by its URL path
 * (`/sync/<boardId>` or `/sync/<boardId>/restricted`); the server's room id, also its key in the
 * DocStore, is `<boardId>` or `<boardId>:restricted`.
 */
const RESTRICTED_SUFFIX = ':restricted';

/** Where the official client connects: `<SYNC_PATH>/<room name>`. */
export const SYNC_PATH = '/sync';

/** `/sync/<boardId>` or `/sync/<boardId>/restricted`; the board id is not empty and has no `/`. */
const SYNC_ROOM_PATH = /^\/sync\/([^/]+)(\/restricted)?$/;

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

/**
 * The restricted room's name for the official client (`<serverUrl>/<room>`): its socket goes to
 * `/sync/<boardId>/restricted`.
 * @example restrictedRoomName('b1') // 'b1/restricted'
 */
export function restrictedRoomName(boardId: string): string {
  return `${boardId}/restricted`;
}

/**
 * The board (still URL-encoded) and document a sync URL path names, or null for any other path.
 * @example parseSyncPath('/sync/b1/restricted') // { boardId: 'b1', restricted: true }
 */
export function parseSyncPath(pathname: string): { boardId: string; restricted: boolean } | null {
  const match = SYNC_ROOM_PATH.exec(pathname);
  const boardId = match?.[1];
  return match && boardId !== undefined ? { boardId, restricted: match[2] !== undefined } : null;
}
