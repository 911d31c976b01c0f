import { may } from '@kinmap/model';
import type { ApiResult, BoardAccess } from '../lib/api';
import { type LocalBoard, type LocalBoards, localBoards } from './localBoards';

export interface LocalFallback {
  /** The copy to open instead of the server's answer. */
  readonly open: LocalBoard | null;
  /** The copy that was just wiped held changes the server never had (the person is told). */
  readonly lostUnsaved: boolean;
}

const NOTHING: LocalFallback = { open: null, lostUnsaved: false };

/**
 * What this device's copy of a board is worth once the board's route has answered. Refused
 * (401/403) or gone (404): the copy is wiped and nothing opens (a staff copy outlives a 401). No answer at all (offline, or the
 * server is down): the copy opens, as the person who last opened it here; their changes wait on the
 * device until the server takes them, or refuses them. Otherwise the server's answer stands.
 * Access that ended while changes waited here (revoked while offline, then opened online) is
 * reported, so the person learns those changes were not saved.
 */
export function localFallback(
  boardId: string,
  access: ApiResult<BoardAccess>,
  boards: LocalBoards = localBoards,
): LocalFallback {
  if (access.ok) return NOTHING;
  // Staff sign in with an account whose session can simply expire (removal from a board is a 403):
  // their copy waits for them to sign in again, so offline work is not thrown away.
  // [AU16] Staff roles are held through an account.
  const role = boards.find(boardId)?.role;
  if (access.reason === 'unauthorized' && role !== undefined && may(role, 'AU16')) return NOTHING;
  switch (access.reason) {
    case 'unauthorized':
    case 'forbidden':
    case 'not-found': {
      const lost =
        access.reason !== 'not-found' &&
        boards.list().some((e) => e.boardId === boardId && e.unsaved.length > 0);
      void boards.forgetBoard(boardId);
      return { open: null, lostUnsaved: lost };
    }
    case 'failed':
      return { open: boards.find(boardId), lostUnsaved: false };
    default:
      return NOTHING;
  }
}
