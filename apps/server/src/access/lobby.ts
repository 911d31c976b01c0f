import { randomInt } from 'node:crypto';
import { newId } from '@kinmap/model';
import { LOBBY_CODE_ALPHABET, LOBBY_CODE_LENGTH, LOBBY_CODE_MINUTES } from '@kinmap/protocol';
import { hashSecret, isSecretShaped, newSecret } from './secrets.js';

/**
 * The wall's join code and the people waiting behind it (SPEC [AU20]–[AU22]), kept in memory: a
 * code lives 30 minutes, a request 15 (30 once admitted), so nothing here outlives a meeting and a
 * restart simply ends them (the facilitator shows a new code). A request holds a name and nothing
 * else; it reaches no board data. Admitting one attaches a one-person invite's secret, which only
 * the asker's device (holding the request's token) can read.
 */
export interface LobbyCodeRecord {
  readonly boardId: string;
  readonly code: string;
  readonly openedByMemberId: string;
  readonly expiresAt: number;
}

export type LobbyRequestStatus = 'waiting' | 'admitted' | 'declined';

export interface LobbyRequestRecord {
  readonly id: string;
  readonly boardId: string;
  readonly name: string;
  readonly about: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly status: LobbyRequestStatus;
  /** The one-person invite's secret, once admitted. */
  readonly inviteSecret: string | null;
}

export type AskResult =
  | { readonly ok: true; readonly request: LobbyRequestRecord; readonly token: string }
  | { readonly ok: false; readonly reason: 'no-code' | 'full' };

export interface Lobby {
  /** A fresh code for the board (any earlier one stops working), valid for 30 minutes. */
  open(boardId: string, memberId: string): LobbyCodeRecord;
  /** Hides the code: no new requests; people already waiting still wait for an answer. */
  close(boardId: string): boolean;
  /** The board's open code, or null. */
  codeOf(boardId: string): LobbyCodeRecord | null;
  /** A request behind an open code; `full` when the board already has its most people waiting. */
  ask(code: string, name: string, about: string): AskResult;
  /** The request a token holds, or null (unknown, malformed or expired). */
  byToken(token: string): LobbyRequestRecord | null;
  /** A waiting request of this board, or null. */
  waiting(boardId: string, requestId: string): LobbyRequestRecord | null;
  /** The board's waiting requests, oldest first. */
  waitingOf(boardId: string): LobbyRequestRecord[];
  /** Marks a waiting request admitted with its invite's secret; false if it is not waiting. */
  admit(boardId: string, requestId: string, inviteSecret: string): boolean;
  /** Marks a waiting request declined; false if it is not waiting. */
  decline(boardId: string, requestId: string): boolean;
}

export interface LobbyOptions {
  readonly now?: () => number;
  /** People waiting at once per board (then `full`). */
  readonly maxWaiting?: number;
  /** Requests kept per board in any state (answered ones until they expire). */
  readonly maxRecords?: number;
  /** Boards with a code or requests at once: a bound on memory, whatever the callers do. */
  readonly maxBoards?: number;
}

const WAIT_MS = 15 * 60_000;
const ADMITTED_MS = 30 * 60_000;

function newCode(): string {
  let code = '';
  for (let i = 0; i < LOBBY_CODE_LENGTH; i++)
    code += LOBBY_CODE_ALPHABET[randomInt(LOBBY_CODE_ALPHABET.length)];
  return code;
}

interface Entry {
  request: LobbyRequestRecord;
  tokenHash: string;
}

/** @example const lobby = createLobby(); const { code } = lobby.open(boardId, memberId); */
export function createLobby({
  now = Date.now,
  maxWaiting = 20,
  maxRecords = 60,
  maxBoards = 10_000,
}: LobbyOptions = {}): Lobby {
  const codes = new Map<string, LobbyCodeRecord>();
  const boardOfCode = new Map<string, string>();
  /** board id → request id → entry */
  const requests = new Map<string, Map<string, Entry>>();
  /** token hash (hex) → [board id, request id] */
  const byTokenHash = new Map<string, readonly [string, string]>();

  const sweep = () => {
    const t = now();
    for (const [boardId, code] of codes) {
      if (code.expiresAt <= t) {
        codes.delete(boardId);
        boardOfCode.delete(code.code);
      }
    }
    for (const [boardId, entries] of requests) {
      for (const [id, entry] of entries) {
        if (entry.request.expiresAt <= t) {
          entries.delete(id);
          byTokenHash.delete(entry.tokenHash);
        }
      }
      if (entries.size === 0) requests.delete(boardId);
    }
  };
  const update = (boardId: string, requestId: string, change: Partial<LobbyRequestRecord>): boolean => {
    sweep();
    const entry = requests.get(boardId)?.get(requestId);
    if (entry?.request.status !== 'waiting') return false;
    entry.request = { ...entry.request, ...change };
    return true;
  };

  return {
    open(boardId, memberId) {
      sweep();
      const previous = codes.get(boardId);
      if (previous) boardOfCode.delete(previous.code);
      let code = newCode();
      while (boardOfCode.has(code)) code = newCode();
      const record = {
        boardId,
        code,
        openedByMemberId: memberId,
        expiresAt: now() + LOBBY_CODE_MINUTES * 60_000,
      };
      if (!previous && codes.size >= maxBoards) {
        const oldest = codes.values().next().value;
        if (oldest !== undefined) {
          codes.delete(oldest.boardId);
          boardOfCode.delete(oldest.code);
        }
      }
      codes.set(boardId, record);
      boardOfCode.set(code, boardId);
      return record;
    },
    close(boardId) {
      const code = codes.get(boardId);
      if (!code) return false;
      codes.delete(boardId);
      boardOfCode.delete(code.code);
      return true;
    },
    codeOf(boardId) {
      sweep();
      return codes.get(boardId) ?? null;
    },
    ask(code, name, about) {
      sweep();
      const boardId = boardOfCode.get(code);
      if (boardId === undefined) return { ok: false, reason: 'no-code' };
      let entries = requests.get(boardId);
      if (entries) {
        const list = [...entries.values()];
        if (list.filter((e) => e.request.status === 'waiting').length >= maxWaiting) {
          return { ok: false, reason: 'full' };
        }
        if (list.length >= maxRecords) return { ok: false, reason: 'full' };
      } else {
        if (requests.size >= maxBoards) return { ok: false, reason: 'full' };
        entries = new Map();
        requests.set(boardId, entries);
      }
      const { secret, hash } = newSecret();
      const request: LobbyRequestRecord = {
        id: newId(),
        boardId,
        name,
        about,
        createdAt: now(),
        expiresAt: now() + WAIT_MS,
        status: 'waiting',
        inviteSecret: null,
      };
      const tokenHash = hash.toString('hex');
      entries.set(request.id, { request, tokenHash });
      byTokenHash.set(tokenHash, [boardId, request.id]);
      return { ok: true, request, token: secret };
    },
    byToken(token) {
      if (!isSecretShaped(token)) return null;
      sweep();
      const key = byTokenHash.get(hashSecret(token).toString('hex'));
      if (!key) return null;
      return requests.get(key[0])?.get(key[1])?.request ?? null;
    },
    waiting(boardId, requestId) {
      sweep();
      const request = requests.get(boardId)?.get(requestId)?.request;
      return request?.status === 'waiting' ? request : null;
    },
    waitingOf(boardId) {
      sweep();
      return [...(requests.get(boardId)?.values() ?? [])]
        .map((entry) => entry.request)
        .filter((request) => request.status === 'waiting')
        .sort((a, b) => a.createdAt - b.createdAt);
    },
    admit(boardId, requestId, inviteSecret) {
      return update(boardId, requestId, { status: 'admitted', inviteSecret, expiresAt: now() + ADMITTED_MS });
    },
    decline(boardId, requestId) {
      return update(boardId, requestId, { status: 'declined' });
    },
  };
}
