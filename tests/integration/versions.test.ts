import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addCard, asCardId, readBoard, setCardText } from '@kinmap/model';
import { DATABASE_FILE, type RunningServer } from '@kinmap/server';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  boardWithMembers,
  Fixture,
  must,
  type Person,
  post,
  signInStaff,
  syncedByTicket,
  syncUrl,
  ticketFor,
  waitFor,
} from './helpers.js';

/**
 * Issue 5, "Restore … as a new, attributed change", end to end: the real server, official
 * y-websocket clients. A restore goes through the room, so every connected client sees it live
 * (SPEC [VE6]); closing a meeting reads the board as the server has it ([VE5]).
 */

let fixture: Fixture;
afterEach(async () => {
  await fixture.cleanup();
});

const cardText = (doc: Y.Doc, cardId: string) => readBoard(doc).cards[cardId]?.text;

/** An official client of the board's restricted room (professionals only). */
async function restrictedClient(server: RunningServer, boardId: string, who: Person) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(server), `${boardId}/restricted`, doc, {
    params: { ticket: await ticketFor(server, boardId, who) },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 60_000,
  });
  await waitFor(() => provider.synced && doc.getMap('meta').has('schemaVersion'), 'the restricted room');
  return { doc, provider };
}

describe('versions with live clients', () => {
  it('[VE6] a whole-board restore reaches every connected client live, in both documents', async () => {
    fixture = new Fixture();
    const server = await fixture.start();
    const { boardId, facilitator, family, practitioner } = await boardWithMembers(server, 'Case 5001', [
      'family',
      'practitioner',
    ]);
    const chair = await fixture.connect(server, boardId, facilitator);
    const alex = await fixture.connect(server, boardId, family);
    await waitFor(() => chair.provider.synced && alex.provider.synced, 'both clients synced');
    const colleague = await restrictedClient(server, boardId, practitioner);

    const { cardId } = must(
      addCard(chair.doc, facilitator.actor, {
        category: 'existingSafety',
        text: 'Mae Nain yn helpu bob nos',
      }),
    );
    const note = must(
      addCard(colleague.doc, practitioner.actor, {
        category: 'harm',
        text: 'Police note',
        professionalsOnly: true,
      }),
    );
    // The family's client has the card: the server stored it first.
    await waitFor(() => cardText(alex.doc, cardId) === 'Mae Nain yn helpu bob nos', 'the card at the family');
    const saved = await post(
      server,
      `/api/boards/${boardId}/versions`,
      { label: 'Agreed' },
      facilitator.cookie,
    );
    expect(saved.status).toBe(201);
    const version = (await saved.json()) as { id: string };

    must(setCardText(chair.doc, facilitator.actor, asCardId(cardId), 'Nain no longer helps'));
    must(setCardText(colleague.doc, practitioner.actor, asCardId(note.cardId), 'Police note, rewritten'));
    await waitFor(() => cardText(alex.doc, cardId) === 'Nain no longer helps', 'the edit at the family');

    const restored = await post(
      server,
      `/api/boards/${boardId}/versions/${version.id}/restore`,
      {},
      facilitator.cookie,
    );
    expect(restored.status).toBe(200);
    await waitFor(
      () => cardText(alex.doc, cardId) === 'Mae Nain yn helpu bob nos',
      'the restore at the family',
    );
    await waitFor(
      () => cardText(chair.doc, cardId) === 'Mae Nain yn helpu bob nos',
      'the restore at the chair',
    );
    await waitFor(
      () => cardText(colleague.doc, note.cardId) === 'Police note',
      'the restore in the restricted room',
    );
    // The family's document never held the professionals-only note.
    expect(readBoard(alex.doc).cards[note.cardId]).toBeUndefined();
    // The clients keep working on top of the restore: it is a new change, not a rewrite.
    // The chair's card: its author edits it ([AC3]; the family would be refused, [AC30]).
    must(setCardText(chair.doc, facilitator.actor, asCardId(cardId), 'Mae Nain yn helpu bob nos.'));
    await waitFor(
      () => cardText(alex.doc, cardId) === 'Mae Nain yn helpu bob nos.',
      'an edit after the restore',
    );
    colleague.provider.destroy();
    colleague.doc.destroy();
  });

  it('[VE5] closing a meeting saves what every client sees; closing it again is 409', async () => {
    fixture = new Fixture();
    const server = await fixture.start();
    const { boardId, facilitator, family } = await boardWithMembers(server, 'Case 5002', ['family']);
    const alex = await fixture.connect(server, boardId, family);
    await waitFor(() => alex.provider.synced, 'the family synced');
    const { cardId } = must(
      addCard(alex.doc, family.actor, { category: 'existingStrength', text: 'Dylan loves football' }),
    );
    const started = await post(
      server,
      `/api/boards/${boardId}/meetings`,
      { type: 'family-network-meeting', date: '2025-05-01' },
      facilitator.cookie,
    );
    const { meeting } = (await started.json()) as { meeting: { id: string } };
    // The version is read at the room's turn: wait until the server has the family's card.
    const chair = await fixture.connect(server, boardId, facilitator);
    await waitFor(() => cardText(chair.doc, cardId) === 'Dylan loves football', 'the card at the server');
    const closePath = `/api/boards/${boardId}/meetings/${meeting.id}/close`;
    const closed = await post(server, closePath, {}, facilitator.cookie);
    expect(closed.status).toBe(200);
    const { version } = (await closed.json()) as { version: { id: string; contentHash: string } };
    const exportOf = async () => {
      const res = await fetch(`${server.url}/api/boards/${boardId}/versions/${version.id}/export.json`, {
        headers: { Cookie: facilitator.cookie },
      });
      return (await res.json()) as { shared: { cards: Record<string, { text: string }> }; version: unknown };
    };
    const first = await exportOf();
    expect(first.shared.cards[cardId]?.text).toBe('Dylan loves football');
    must(setCardText(alex.doc, family.actor, asCardId(cardId), 'Dylan loves rugby'));
    await waitFor(() => cardText(chair.doc, cardId) === 'Dylan loves rugby', 'the later edit');
    expect((await post(server, closePath, {}, facilitator.cookie)).status).toBe(409);
    expect(await exportOf()).toEqual({ ...first, exportedAt: expect.any(Number) });
  });

  it('[VE2] with a data key, versions and meetings reach the disk sealed, also those saved before the key', async () => {
    fixture = new Fixture();
    const CARD = 'Wombat-river-5523 worry';
    const DECISION = 'Decision-Quokka-8871';
    const LABEL = 'Label-Numbat-4410';
    const bytesOnDisk = () => {
      const file = join(fixture.dataDir, DATABASE_FILE);
      return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path)));
    };
    const onDisk = (text: string) => bytesOnDisk().includes(Buffer.from(text, 'utf8'));

    // Before the key: a closed meeting and a manual version, in plaintext.
    let server = await fixture.start();
    const { boardId, facilitator } = await boardWithMembers(server, 'Case 5003');
    const chair = await syncedByTicket(server, boardId, facilitator);
    const { cardId } = must(addCard(chair.doc, facilitator.actor, { category: 'harm', text: CARD }));
    const check = await syncedByTicket(server, boardId, facilitator);
    await waitFor(() => cardText(check.doc, cardId) === CARD, 'the stored card');
    const base = `/api/boards/${boardId}`;
    const started = await post(
      server,
      `${base}/meetings`,
      { type: 'core-group', date: '2025-05-02' },
      facilitator.cookie,
    );
    const { meeting } = (await started.json()) as { meeting: { id: string } };
    const patch = await fetch(`${server.url}${base}/meetings/${meeting.id}`, {
      method: 'PATCH',
      headers: {
        'Content-Type': 'application/json',
        Origin: server.url,
        'X-Kinmap-CSRF': '1',
        Cookie: facilitator.cookie,
      },
      body: JSON.stringify({ decision: DECISION }),
    });
    expect(patch.status).toBe(200);
    const closed = await post(server, `${base}/meetings/${meeting.id}/close`, {}, facilitator.cookie);
    const { version } = (await closed.json()) as { version: { id: string } };
    expect((await post(server, `${base}/versions`, { label: LABEL }, facilitator.cookie)).status).toBe(201);
    fixture.disconnectAll();
    await server.close();
    expect([onDisk(DECISION), onDisk(LABEL)]).toEqual([true, true]);

    // The first start with a key seals them; nothing of them is left in the file.
    const dataKey = randomBytes(32);
    server = await fixture.start({ dataKey });
    expect([onDisk(CARD), onDisk(DECISION), onDisk(LABEL)]).toEqual([false, false, false]);
    const cookie = await signInStaff(server);
    const exported = await fetch(`${server.url}${base}/versions/${version.id}/export.json`, {
      headers: { Cookie: cookie },
    });
    const file = (await exported.json()) as {
      shared: { cards: Record<string, { text: string }> };
      meeting: { decision: string };
    };
    expect(file.shared.cards[cardId]?.text).toBe(CARD);
    expect(file.meeting.decision).toBe(DECISION);
    const listed = await fetch(`${server.url}${base}/versions`, { headers: { Cookie: cookie } });
    expect(((await listed.json()) as { versions: { label: string }[] }).versions.map((v) => v.label)).toEqual(
      ['', LABEL],
    );

    // Saved with the key: sealed from the start.
    expect((await post(server, `${base}/versions`, { label: `${LABEL}-2` }, cookie)).status).toBe(201);
    await server.close();
    expect(onDisk(`${LABEL}-2`)).toBe(false);
  });
});
