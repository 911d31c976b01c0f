import type { RoomDocument } from '@kinmap/model';

/**
 * Each board has two rooms: the shared one (everyone on the board) and the restricted one, which
 * holds professionals-only cards and which only facilitators and practitioners may join (the server
 * refuses everyone else before the handshake). The client names a room by its URL path
 * (`/sync/<boardId>` or `/sync/<boardId>/restricted`); the server's room id, also its key in the
 * DocStore, is `<boardId>` or `<boardId>:restricted`.
 */
const RESTRICTED_SUFFIX = ':restricted';
/**
 * A child's tool (issue 14) is a room of its own, so the server can keep it from everyone the child
 * has not chosen: `/sync/<boardId>/child/<toolId>`, room id and store key `<boardId>:child:<toolId>`.
 */
const CHILD_INFIX = ':child:';

/** Where the official client connects: `<SYNC_PATH>/<room name>`. */
export const SYNC_PATH = '/sync';

/** `/sync/<boardId>` or `/sync/<boardId>/restricted`; the board id is not empty and has no `/`. */
const SYNC_ROOM_PATH = /^\/sync\/([^/]+)(?:(\/restricted)|\/child\/([A-Za-z0-9_-]{1,128}))?$/;

/**
 * The room (and store key) of a board's restricted document.
 * @example restrictedRoomId('b1') // 'b1:restricted'
 */
export function restrictedRoomId(boardId: string): string {
  return `${boardId}${RESTRICTED_SUFFIX}`;
}

/**
 * The room (and store key) of a child's tool.
 * @example childToolRoomId('b1', 't1') // 'b1:child:t1'
 */
export function childToolRoomId(boardId: string, toolId: string): string {
  return `${boardId}${CHILD_INFIX}${toolId}`;
}

/**
 * The official client's room name for a child's tool: its socket goes to `/sync/<boardId>/child/<toolId>`.
 * @example childToolRoomName('b1', 't1') // 'b1/child/t1'
 */
export function childToolRoomName(boardId: string, toolId: string): string {
  return `${boardId}/child/${toolId}`;
}

/** Which board and which of its documents a room id names (and the tool, for a child's tool). */
export function roomDocumentOf(roomId: string): { boardId: string; document: RoomDocument; toolId?: string } {
  const child = roomId.indexOf(CHILD_INFIX);
  if (child > 0) {
    return {
      boardId: roomId.slice(0, child),
      document: 'child',
      toolId: roomId.slice(child + CHILD_INFIX.length),
    };
  }
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

/** What a sync URL names: the board (still URL-encoded), and its restricted room or a child's tool. */
export interface SyncPath {
  readonly boardId: string;
  readonly restricted: boolean;
  /** A child's tool's id (an id's characters only), or null for the board's own rooms. */
  readonly toolId: string | null;
}

/**
 * The board and document a sync URL path names, or null for any other path.
 * @example parseSyncPath('/sync/b1/restricted') // { boardId: 'b1', restricted: true, toolId: null }
 */
export function parseSyncPath(pathname: string): SyncPath | null {
  const match = SYNC_ROOM_PATH.exec(pathname);
  const boardId = match?.[1];
  if (!match || boardId === undefined) return null;
  return { boardId, restricted: match[2] !== undefined, toolId: match[3] ?? null };
}
