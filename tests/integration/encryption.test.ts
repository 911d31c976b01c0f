import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Actor, addCard, readBoard } from '@kinmap/model';
import { DATABASE_FILE, DataKeyError, openDatabase, type RunningServer } from '@kinmap/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import {
  boardWithFamily,
  connectByTicket,
  Fixture,
  must,
  startWith,
  syncedByTicket,
  waitFor,
} from './helpers.js';

const CARD_TEXT = 'Quokka-river-7781 worry';
const TITLE = 'Case Wombat-3392';

/** Every byte the server left on disk for its database (the file and any WAL beside it). */
function databaseBytes(dataDir: string): Buffer {
  const file = join(dataDir, DATABASE_FILE);
  const parts = [file, `${file}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path));
  return Buffer.concat(parts);
}

/**
 * [AD5]/[AD6] Encryption at rest on the real server: with a key, no card text or title reaches the
 * SQLite file; a wrong key refuses the start; a tampered board fails to load while the server stays up.
 */
describe('encryption at rest', () => {
  const fixtures: Fixture[] = [];
  const providers: WebsocketProvider[] = [];
  const servers: RunningServer[] = [];
  afterEach(async () => {
    for (const provider of providers.splice(0)) provider.destroy();
    for (const server of servers.splice(0)) await server.close();
    for (const fixture of fixtures.splice(0)) await fixture.cleanup();
  });

  /** Writes a card through a real room, then stops the server (compacting, checkpointing the WAL). */
  async function sessionWithCard(dataKey: Buffer | null) {
    const fixture = new Fixture();
    fixtures.push(fixture);
    const server = await startWith(fixture.dataDir, { dataKey });
    const { boardId, facilitator } = await boardWithFamily(server, TITLE);
    const chair = await syncedByTicket(server, boardId, facilitator);
    const sam: Actor = { participantId: facilitator.memberId as never, role: 'facilitator' };
    must(addCard(chair.doc, sam, { category: 'harm', text: CARD_TEXT }));
    const check = await syncedByTicket(server, boardId, facilitator);
    await waitFor(
      () => Object.values(readBoard(check.doc).cards).some((c) => c.text === CARD_TEXT),
      'stored card',
    );
    chair.provider.destroy();
    check.provider.destroy();
    await server.close();
    return { fixture, boardId, facilitator };
  }

  it('[AD5] with a key, the raw database holds no card text and no title; without one it would', async () => {
    const keyed = await sessionWithCard(randomBytes(32));
    const bytes = databaseBytes(keyed.fixture.dataDir);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(Buffer.from(CARD_TEXT, 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from(TITLE, 'utf8'))).toBe(false);
    // The same session without a key: the check above would have seen the text (it is not vacuous).
    const plain = await sessionWithCard(null);
    expect(databaseBytes(plain.fixture.dataDir).includes(Buffer.from(CARD_TEXT, 'utf8'))).toBe(true);
  });

  it('[AD5] the first start with a key seals a board written before it, leaving no plaintext in the file', async () => {
    const { fixture, boardId, facilitator } = await sessionWithCard(null);
    expect(databaseBytes(fixture.dataDir).includes(Buffer.from(CARD_TEXT, 'utf8'))).toBe(true);
    const server = await startWith(fixture.dataDir, { dataKey: randomBytes(32) });
    servers.push(server);
    const sealedAtStart = databaseBytes(fixture.dataDir);
    expect(sealedAtStart.includes(Buffer.from(CARD_TEXT, 'utf8'))).toBe(false);
    expect(sealedAtStart.includes(Buffer.from(TITLE, 'utf8'))).toBe(false);
    // And the board still opens, with its card.
    const chair = await syncedByTicket(server, boardId, facilitator);
    providers.push(chair.provider);
    expect(Object.values(readBoard(chair.doc).cards).map((card) => card.text)).toEqual([CARD_TEXT]);
  });

  it('[AD6] refuses to start with another key, or with none, on an encrypted data directory', async () => {
    const key = randomBytes(32);
    const { fixture } = await sessionWithCard(key);
    await expect(startWith(fixture.dataDir, { dataKey: randomBytes(32) })).rejects.toThrow(DataKeyError);
    await expect(startWith(fixture.dataDir, { dataKey: null })).rejects.toThrow(
      /encrypted: set KINMAP_DATA_KEY/,
    );
    const again = await startWith(fixture.dataDir, { dataKey: key });
    servers.push(again);
    expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
  });

  it('[AD5] a tampered sealed snapshot is quarantined with a logged error; the board still opens', async () => {
    const key = randomBytes(32);
    const { fixture, boardId, facilitator } = await sessionWithCard(key);
    const db = openDatabase(join(fixture.dataDir, DATABASE_FILE));
    const row = db.prepare('SELECT data FROM snapshots WHERE board_id = ?').get(boardId) as { data: Buffer };
    row.data[40] = (row.data[40] ?? 0) ^ 0xff;
    db.prepare('UPDATE snapshots SET data = ? WHERE board_id = ?').run(row.data, boardId);
    db.close();

    const errors: string[] = [];
    const logger = { info() {}, warn() {}, error: (event: string) => void errors.push(event) };
    const server = await startWith(fixture.dataDir, { dataKey: key, logger });
    servers.push(server);
    const client = await connectByTicket(server, boardId, facilitator);
    providers.push(client.provider);
    const closes: number[] = [];
    client.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    // From the last good state (here: nothing after the snapshot), not a 4500 for everyone.
    await waitFor(() => client.provider.synced, 'the board to open');
    expect(errors).toEqual(['store.quarantined']);
    expect(closes).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
