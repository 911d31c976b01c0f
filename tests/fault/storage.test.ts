import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type Actor, addCard, asParticipantId, initBoard } from '@kinmap/model';
import { createSqliteStore, openDatabase } from '@kinmap/server';
import { CloseCode, createRooms } from '@kinmap/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { waitFor } from '../integration/helpers.js';
import { createBoard, freePort, type ServerProcess, startServerProcess } from '../support/serverProcess.js';
import { connectEditingClient, tokensOfDoc } from './editingClient.js';

const DATABASE = 'kinmap.sqlite';
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real server with its JSON log lines collected. */
async function loggedServer(dataDir: string, port: number, first: boolean) {
  const output = new PassThrough();
  const lines: Array<Record<string, unknown>> = [];
  let rest = '';
  output.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString();
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) if (line.startsWith('{')) lines.push(JSON.parse(line));
  });
  const server = await startServerProcess({ dataDir, port, output, ...(first ? {} : { staff: null }) });
  cleanups.push(() => server.kill());
  return { server, lines, raw: () => lines.map((line) => JSON.stringify(line)).join('\n') };
}

/** A fresh device of the board's facilitator that has never seen the board: shows what the server serves. */
async function freshDevice(server: ServerProcess, board: { id: string; memberId: string; cookie: string }) {
  const member = { memberId: board.memberId, cookie: board.cookie, role: 'facilitator' as const };
  const device = connectEditingClient({ name: 'c9', serverUrl: server.url, boardId: board.id, member });
  cleanups.push(() => device.destroy());
  await waitFor(() => device.provider.synced, 'the fresh device to sync', 30_000);
  return device;
}

/** Always a new card (the client's random choice; ≥ 0.4 never edits an old one). */
const newCard = () => 0.99;

/** Rewrites the stored row whose blob holds `token` (server stopped), as a damaged disk would. */
function damageRowHolding(
  file: string,
  table: 'updates' | 'snapshots',
  token: string,
  edit: (data: Buffer) => Buffer,
) {
  const db = openDatabase(file);
  const key = table === 'updates' ? 'seq' : 'through_seq';
  const rows = db.prepare(`SELECT ${key} AS seq, data FROM ${table}`).all() as {
    seq: number;
    data: Buffer;
  }[];
  const row = rows.find((r) => r.data.includes(token));
  if (!row) throw new Error(`no stored row holds ${token}`);
  const damaged = edit(row.data);
  db.prepare(`UPDATE ${table} SET data = ? WHERE ${key} = ?`).run(damaged, row.seq);
  db.close();
  return { seq: row.seq, bytes: damaged.byteLength };
}

describe('a corrupt or truncated record in storage (real server)', () => {
  async function boardWithFiveCards() {
    const dataDir = mkdtempSync(join(tmpdir(), 'kinmap-corrupt-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const run = await loggedServer(dataDir, port, true);
    const board = await createBoard(run.server, 'Corruption');
    const member = { memberId: board.memberId, cookie: board.cookie, role: 'facilitator' as const };
    const author = connectEditingClient({ name: 'c0', serverUrl: run.server.url, boardId: board.id, member });
    cleanups.push(() => author.destroy());
    await waitFor(() => author.provider.synced, 'the first sync', 30_000);
    // Five cards, one update each; none builds on another.
    for (let i = 0; i < 5; i++) author.edit(newCard);
    const seen = await freshDevice(run.server, board);
    await waitFor(() => tokensOfDoc(seen.doc).size === 5, 'the cards to be stored and seen', 30_000);
    seen.destroy();
    author.provider.disconnect();
    return { dataDir, port, run, board, author };
  }

  it('[S9] quarantines a truncated update, serves the last good state, and the author’s device restores its card', async () => {
    const { dataDir, port, run: first, board, author } = await boardWithFiveCards();
    // A crash leaves the log as it is (a clean stop would fold it into a snapshot).
    await first.server.kill();
    const damaged = damageRowHolding(join(dataDir, DATABASE), 'updates', 'c0-2', (data) =>
      data.subarray(0, Math.floor(data.byteLength / 2)),
    );

    const run = await loggedServer(dataDir, port, false);
    const fresh = await freshDevice(run.server, board);
    // Yjs integrates a client's updates in order: the author's later cards wait (kept, not shown)
    // for the missing one.
    expect([...tokensOfDoc(fresh.doc)].sort()).toEqual(['c0-0', 'c0-1']);
    expect(run.lines.filter((line) => line.event === 'store.quarantined')).toEqual([
      expect.objectContaining({
        level: 'error',
        boardId: board.id,
        kind: 'update',
        seq: damaged.seq,
        bytes: damaged.bytes,
        reason: 'checksum',
      }),
    ]);
    expect(run.raw()).not.toContain('c0-');
    const db = openDatabase(join(dataDir, DATABASE));
    expect(db.prepare('SELECT board_id, seq, reason FROM quarantined_updates').all()).toEqual([
      { board_id: board.id, seq: damaged.seq, reason: 'checksum' },
    ]);
    db.close();
    // The author's device still holds its card: its next sync sends what the board lacks.
    author.provider.connect();
    await waitFor(
      () => tokensOfDoc(fresh.doc).size === 5,
      'the restored cards to reach the other device',
      30_000,
    );
    expect(author.finalCloses).toEqual([]);
  });

  it('[S9] quarantines a corrupt snapshot and serves the updates stored after it', async () => {
    const { dataDir, port, run: first, board } = await boardWithFiveCards();
    // A clean stop folds the five cards into the board's snapshot.
    await first.server.stop();
    let run = await loggedServer(dataDir, port, false);
    // A device that joins later (its own Yjs client) adds two cards after the snapshot.
    const member = { memberId: board.memberId, cookie: board.cookie, role: 'facilitator' as const };
    const later = connectEditingClient({ name: 'c1', serverUrl: run.server.url, boardId: board.id, member });
    cleanups.push(() => later.destroy());
    await waitFor(() => later.provider.synced, 'the later device to sync', 30_000);
    for (let i = 0; i < 2; i++) later.edit(newCard);
    const seen = await freshDevice(run.server, board);
    await waitFor(() => tokensOfDoc(seen.doc).size === 7, 'the two new cards to be stored', 30_000);
    seen.destroy();
    later.provider.disconnect();
    await run.server.kill();
    const damaged = damageRowHolding(join(dataDir, DATABASE), 'snapshots', 'c0-2', (data) => {
      const copy = Buffer.from(data);
      copy[copy.indexOf('c0-2')] = 0x78;
      return copy;
    });

    run = await loggedServer(dataDir, port, false);
    const fresh = await freshDevice(run.server, board);
    // What the snapshot held is gone from the board; what was stored after it is served.
    expect([...tokensOfDoc(fresh.doc)].sort()).toEqual(['c1-0', 'c1-1']);
    expect(run.lines.filter((line) => line.event === 'store.quarantined')).toEqual([
      expect.objectContaining({ boardId: board.id, kind: 'snapshot', seq: damaged.seq, reason: 'checksum' }),
    ]);
  });
});

/**
 * The room and the SQLite store of the server, behind a bare WebSocket server (no accounts: this is
 * about storage), so the test holds the database handle and can fill it: `max_page_count` makes
 * SQLite answer SQLITE_FULL exactly as a full disk would.
 */
async function roomsOnDatabase(file: string) {
  const db = openDatabase(file);
  const store = createSqliteStore({ db });
  const events: string[] = [];
  const logger = { info() {}, warn() {}, error: (event: string) => events.push(event) };
  const rooms = createRooms({ store, logger });
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (ws, request) => {
    const [, boardId = '', participantId = ''] = (request.url ?? '').split('/');
    const access = {
      connectionId: randomUUID(),
      role: 'facilitator' as const,
      canWriteDoc: true,
      participantId: asParticipantId(participantId),
    };
    const socket = {
      send: (data: Uint8Array) => ws.send(data),
      close: (code?: number, reason?: string) => ws.close(code, reason),
      get bufferedAmount() {
        return ws.bufferedAmount;
      },
    };
    const connection = rooms.connect(boardId, socket, access);
    ws.on('message', (data: Buffer) => connection.message(new Uint8Array(data)));
    ws.on('close', () => connection.close());
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
  cleanups.push(async () => {
    for (const ws of wss.clients) ws.terminate();
    await new Promise((resolve) => http.close(resolve));
    await rooms.shutdown();
    await store.close();
    db.close();
  });
  return { db, store, url, events };
}

function device(url: string, boardId: string, participantId: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url}/${boardId}`, participantId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  const closes: Array<{ code: number; reason: string }> = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  const actor: Actor = { participantId: asParticipantId(participantId), role: 'facilitator' };
  cleanups.push(() => {
    provider.destroy();
    doc.destroy();
  });
  const texts = () => tokensOfDoc(doc);
  return { doc, provider, closes, actor, texts };
}

describe('storage full (real SQLITE_FULL)', () => {
  it('[S2] refuses the writer with 4500 and broadcasts nothing unstored; the board stays readable, and the change is stored once there is room', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinmap-full-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const { db, store, url, events } = await roomsOnDatabase(join(dir, DATABASE));
    const boardId = 'fullBoard1';
    const seed = new Y.Doc();
    initBoard(seed, { title: 'Full disk', createdAt: 1 });
    await store.append(boardId, Y.encodeStateAsUpdate(seed));
    const writer = device(url, boardId, 'writer');
    const reader = device(url, boardId, 'reader');
    await waitFor(() => writer.provider.synced && reader.provider.synced, 'the first sync', 30_000);
    addCard(writer.doc, writer.actor, { category: 'harm', text: 'c0-0' });
    await waitFor(() => reader.texts().has('c0-0'), 'a stored card to reach the reader', 30_000);

    // The disk is full: the file may not grow by a page.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    addCard(writer.doc, writer.actor, { category: 'harm', text: `c0-1 ${'x'.repeat(12_000)}` });
    await waitFor(
      () => writer.closes.length >= 2,
      'the writer to be refused, reconnect and be refused again',
      30_000,
    );
    expect(writer.closes.slice(0, 2)).toEqual([
      { code: CloseCode.storageFailure, reason: 'storage failure: the change was not saved' },
      { code: CloseCode.storageFailure, reason: 'storage failure: the change was not saved' },
    ]);
    expect(events).toContain('update.append_failed');
    // Nothing that was not stored reached anyone; the reader stays connected, a newcomer can sync.
    expect(reader.texts().has('c0-1')).toBe(false);
    expect(reader.closes).toEqual([]);
    const newcomer = device(url, boardId, 'newcomer');
    await waitFor(() => newcomer.provider.synced, 'a newcomer to sync while the disk is full', 30_000);
    expect([...newcomer.texts()]).toEqual(['c0-0']);
    const stored = new Y.Doc();
    for (const update of (await store.load(boardId)).updates) Y.applyUpdate(stored, update);
    expect([...tokensOfDoc(stored)]).toEqual(['c0-0']);

    // Room again: the writer's next reconnect re-sends the change, which is stored and broadcast.
    db.pragma('max_page_count = 1073741823');
    await waitFor(
      () => reader.texts().has('c0-1') && newcomer.texts().has('c0-1'),
      'the change after recovery',
      30_000,
    );
    const after = new Y.Doc();
    for (const update of (await store.load(boardId)).updates) Y.applyUpdate(after, update);
    expect([...tokensOfDoc(after)].sort()).toEqual(['c0-0', 'c0-1']);
    expect(reader.closes).toEqual([]);
  });
});
