import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addCard, asParticipantId, editCardText, getCardText, readBoard } from '@kinmap/model';
import { createSqliteStore, DATABASE_FILE } from '@kinmap/server';
import * as Y from 'yjs';
import {
  createBoard,
  inviteMember,
  type MemberDevice,
  type ServerProcess,
  startServerProcess,
  ticketSyncUrl,
} from '../support/serverProcess.js';
import { percentile, round } from './stats.js';
import { WireClient } from './wireClient.js';

export interface ColdLoadParams {
  readonly cards: number;
  readonly updates: number;
  readonly newClients: number;
}

export interface ColdLoadResult {
  readonly params: ColdLoadParams;
  /** The first client after a server start: the board is read from SQLite, then sent. */
  readonly firstClientMs: number;
  /** Each later new client while the board is loaded: connect -> the full state has arrived (one frame). */
  readonly newClientReceivedMs: { p50: number; p95: number };
  /** The same clients: connect -> the full state is applied to their Y.Doc (client-side decoding included). */
  readonly newClientAppliedMs: { p50: number; p95: number };
  readonly stateBytes: number;
  readonly cardsSeen: number;
}

const actor = { participantId: asParticipantId('bench-author'), role: 'practitioner' } as const;

/** Writes a board with `cards` cards and an `updates`-long history straight into the store, as typing would. */
async function seedHistory(dataDir: string, boardId: string, params: ColdLoadParams): Promise<void> {
  const store = createSqliteStore({ file: join(dataDir, DATABASE_FILE) });
  const doc = new Y.Doc();
  for (const update of (await store.load(boardId)).updates) Y.applyUpdate(doc, update);
  const pending: Promise<number>[] = [];
  doc.on('update', (update: Uint8Array) => pending.push(store.append(boardId, update)));
  const cardIds = [];
  for (let i = 0; i < params.cards; i++) {
    const added = addCard(doc, actor, { category: 'harm', text: `Card ${i}: ` });
    if (added.ok) cardIds.push(added.value.cardId);
  }
  for (let i = params.cards; i < params.updates; i++) {
    const cardId = cardIds[i % cardIds.length];
    // Typing appends, as people type: each card grows by one character per update.
    const text = cardId ? getCardText(doc, cardId) : null;
    if (cardId && text) editCardText(doc, actor, cardId, { index: text.length, deleteCount: 0, insert: 'a' });
  }
  await Promise.all(pending);
  await store.close();
  doc.destroy();
}

/** A family member's new device: its ticket is asked for first, then the clock starts at connect. */
async function timeNewClient(
  server: ServerProcess,
  boardId: string,
  family: MemberDevice,
): Promise<{ client: WireClient; ms: number; started: number }> {
  const url = await ticketSyncUrl(server, boardId, family);
  const started = performance.now();
  const client = new WireClient({ url, applyDoc: true });
  await client.whenSynced();
  return { client, ms: performance.now() - started, started };
}

export async function runColdLoad(dataDir: string, params: ColdLoadParams): Promise<ColdLoadResult> {
  let server = await startServerProcess({ dataDir });
  const board = await createBoard(server, 'Cold load');
  // Sessions are stored, so the family member's device stays signed in across the restarts.
  const family = await inviteMember(server.url, board, 'family', 'Alex');
  await server.stop();
  await seedHistory(dataDir, board.id, params);
  server = await startServerProcess({ dataDir });
  const { client: first, ms: firstClientMs } = await timeNewClient(server, board.id, family);
  const cardsSeen = Object.keys(readBoard(first.doc).cards).length;
  const stateBytes = Y.encodeStateAsUpdate(first.doc).byteLength;
  const received: number[] = [];
  const applied: number[] = [];
  for (let i = 0; i < params.newClients; i++) {
    const { client, ms, started } = await timeNewClient(server, board.id, family);
    applied.push(ms);
    received.push(client.stateArrivedAt - started);
    client.close();
  }
  first.close();
  await server.stop();
  return {
    params,
    firstClientMs: round(firstClientMs),
    newClientReceivedMs: { p50: round(percentile(received, 50)), p95: round(percentile(received, 95)) },
    newClientAppliedMs: { p50: round(percentile(applied, 50)), p95: round(percentile(applied, 95)) },
    stateBytes,
    cardsSeen,
  };
}
