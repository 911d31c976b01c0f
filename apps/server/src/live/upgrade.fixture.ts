import type { ConnectionActor, RoomConnection, SocketLike } from '@kinmap/sync';
import { WebSocket } from 'ws';
import type { Authenticator } from '../access/authenticator.js';

// Test-only: stand-ins for the rooms and the authenticator, and WebSocket helpers, for upgrade.test.ts.

export interface Joined {
  boardId: string;
  socket: SocketLike;
  access: ConnectionActor;
  messages: Uint8Array[];
  closed: number;
}

/** Rooms stand-in: records who joined and what they sent. */
export function recordingRooms() {
  const joined: Joined[] = [];
  return {
    joined,
    connect(boardId: string, socket: SocketLike, access: ConnectionActor): RoomConnection {
      const entry: Joined = { boardId, socket, access, messages: [], closed: 0 };
      joined.push(entry);
      return { message: (data) => entry.messages.push(data), close: () => void entry.closed++ };
    },
  };
}

/** Tickets stand-in: `edit` opens board1 as a family member, `view` as a viewer. */
export const authenticate: Authenticator = ({ boardId, ticket }) => {
  if (boardId !== 'board1') return { ok: false, reason: 'unknown-board' };
  if (!ticket) return { ok: false, reason: 'not-signed-in' };
  const granted = { ok: true, boardId: boardId as never, sessionId: null, via: 'ticket' } as const;
  if (ticket === 'edit') return { ...granted, role: 'family', memberId: 'mum' };
  if (ticket === 'view') return { ...granted, role: 'viewer', memberId: 'gran' };
  return { ok: false, reason: 'ticket-refused' };
};

export async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function refusalStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => reject(new Error('the upgrade was accepted')));
    ws.on('error', () => {});
  });
}

export function openClient(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

export function closeEvent(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
}
