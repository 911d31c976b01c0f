import type { ParticipantId, Role } from '@kinmap/model';
import * as decoding from 'lib0/decoding';
import { MessageType, SyncStep } from '../protocol.js';
import type { ConnectionActor, Logger, RoomConnection, SocketLike } from '../roomContracts.js';
import { createSocketPair, type SocketPair } from './socketPair.js';
import type { TestClient } from './testClient.js';

/** Wires a fresh socket pair's server end to a room connection, as a transport would. */
export function connectSocketPair(connect: (socket: SocketLike) => RoomConnection): {
  pair: SocketPair;
  connection: RoomConnection;
} {
  const pair = createSocketPair();
  const connection = connect(pair.server);
  pair.server.onmessage = (data) => connection.message(data);
  pair.server.onclose = () => connection.close();
  return { pair, connection };
}

/** Connects a test client through a new socket pair and starts its handshake. */
export function joinClient(
  client: TestClient,
  connect: (socket: SocketLike) => RoomConnection,
): { pair: SocketPair; connection: RoomConnection } {
  const joined = connectSocketPair(connect);
  client.attach(joined.pair.client);
  return joined;
}

export const writerAccess = (connectionId: string): ConnectionActor => ({
  connectionId,
  role: 'family',
  canWriteDoc: true,
});
/** A signed-in member's connection: the permission guard knows their role and id. */
export const memberAccess = (connectionId: string, role: Role, participantId: string): ConnectionActor => ({
  connectionId,
  role,
  canWriteDoc: role !== 'viewer',
  participantId: participantId as ParticipantId,
});
export const viewerAccess = (connectionId: string): ConnectionActor => ({
  connectionId,
  role: 'viewer',
  canWriteDoc: false,
});

/**
 * Moves every queued frame and lets the room's queued storage work and setImmediate-scheduled
 * awareness flushes run, until nothing moves any more. Uses real timers (macrotasks).
 */
export async function settle(pairs: readonly SocketPair[], drained: () => Promise<void> = async () => {}) {
  for (let round = 0; round < 1_000; round++) {
    let moved = 0;
    for (const pair of pairs) moved += pair.flush();
    await drained();
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (moved === 0 && pairs.every((pair) => pair.pending() === 0)) return;
  }
  throw new Error('never settled');
}

/** What kind of frame a server sent: 'step1' | 'step2' | 'update' | 'awareness' | 'query' | 'other'. */
export function frameKind(data: Uint8Array): string {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.awareness) return 'awareness';
  if (type === MessageType.queryAwareness) return 'query';
  if (type !== MessageType.sync) return 'other';
  const step = decoding.readVarUint(decoder);
  return step === SyncStep.step1 ? 'step1' : step === SyncStep.step2 ? 'step2' : 'update';
}

export const countFrames = (frames: readonly Uint8Array[], kind: string): number =>
  frames.filter((frame) => frameKind(frame) === kind).length;

/** A logger that keeps events for assertions (and proves no content is logged). */
export function createRecordingLogger(): Logger & {
  events: Array<{ level: string; event: string; fields: Record<string, string | number | boolean> }>;
} {
  const events: Array<{ level: string; event: string; fields: Record<string, string | number | boolean> }> =
    [];
  const record =
    (level: string) =>
    (event: string, fields: Record<string, string | number | boolean> = {}) => {
      events.push({ level, event, fields });
    };
  return { events, info: record('info'), warn: record('warn'), error: record('error') };
}
