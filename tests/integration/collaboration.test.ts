import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  addCard,
  addPair,
  cardsInCategory,
  moveCard,
  OVERALL_SCALE_ID,
  rate,
  readBoard,
  setCardText,
  setTitle,
} from '@kinmap/model';
import { createSqliteStore, DATABASE_FILE } from '@kinmap/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardWithMembers, Fixture, must, waitFor } from './helpers.js';

const texts = (doc: Y.Doc) =>
  Object.values(readBoard(doc).cards)
    .map((card) => card.text)
    .sort();

describe('co-editing through the real server with official y-websocket clients', () => {
  let fixture: Fixture;
  beforeEach(() => {
    fixture = new Fixture();
  });
  afterEach(() => fixture.cleanup());

  it('two clients editing at the same time converge on the same board', async () => {
    const server = await fixture.start();
    const board = await boardWithMembers(server, 'Family meeting', ['family']);
    const a = await fixture.connect(server, board.boardId, board.facilitator);
    const b = await fixture.connect(server, board.boardId, board.family);
    await waitFor(() => a.provider.synced && b.provider.synced, 'both clients to sync');
    expect(readBoard(a.doc).meta.title).toBe('Family meeting');
    expect(readBoard(b.doc).meta.createdAt).toBe(readBoard(a.doc).meta.createdAt);

    const facilitator = board.facilitator.actor;
    const family = board.family.actor;
    const { cardId: harm } = must(
      addCard(a.doc, facilitator, { category: 'harm', text: 'Shouting at night' }),
    );
    const { cardId: strength } = must(
      addCard(b.doc, family, { category: 'complicatingFactor', text: 'Gran' }),
    );
    must(
      addPair(a.doc, facilitator, { dangerStatement: 'We worry that…', safetyGoal: 'Everyone will see…' }),
    );
    await waitFor(() => readBoard(a.doc).cards[strength] !== undefined, 'A to see B’s card');
    await waitFor(() => readBoard(b.doc).cards[harm] !== undefined, 'B to see A’s card');

    // Concurrent edits of the same card and a move, from both sides.
    must(setCardText(a.doc, facilitator, strength, 'Gran collects him from school'));
    must(moveCard(b.doc, family, strength, { category: 'existingStrength', index: 0 }));
    // [AC3] The family changes only its own cards' text; the facilitator's harm card is theirs.
    must(setCardText(a.doc, facilitator, harm, 'Shouting at night, twice a week'));
    must(rate(b.doc, family, OVERALL_SCALE_ID, { value: 6, reason: 'Things are calmer' }));
    must(setTitle(a.doc, facilitator, 'Family meeting, March'));

    await waitFor(
      () => isDeepStrictEqual(readBoard(a.doc), readBoard(b.doc)) && texts(a.doc).length === 4,
      'the two boards to converge',
    );
    const state = readBoard(a.doc);
    expect(state.meta.title).toBe('Family meeting, March');
    expect(cardsInCategory(state, 'existingStrength').map((card) => card.text)).toEqual([
      'Gran collects him from school',
    ]);
    expect(state.cards[harm]?.text).toBe('Shouting at night, twice a week');
    expect(Object.keys(state.pairs)).toHaveLength(1);
    expect(state.scales.overall?.ratings[family.participantId]?.value).toBe(6);
  });

  it('[S5] a client joining after a server restart sees everything written before it', async () => {
    const first = await fixture.start();
    const board = await boardWithMembers(first, 'Restart board', ['practitioner', 'network', 'viewer']);
    const a = await fixture.connect(first, board.boardId, board.practitioner);
    const b = await fixture.connect(first, board.boardId, board.network);
    await waitFor(() => a.provider.synced && b.provider.synced, 'both clients to sync');
    const practitioner = board.practitioner.actor;
    const network = board.network.actor;
    for (let i = 0; i < 20; i++) {
      must(
        addCard(i % 2 ? a.doc : b.doc, i % 2 ? practitioner : network, {
          category: 'nextStep',
          text: `step ${i}`,
        }),
      );
    }
    await waitFor(
      () => texts(a.doc).length === 20 && texts(b.doc).length === 20,
      'all 20 cards on both clients',
    );
    const before = readBoard(a.doc);

    fixture.disconnectAll();
    await first.close();
    const second = await fixture.start();
    // Sessions outlive the restart (SQLite); tickets do not (memory), so the viewer gets a new one.
    const c = await fixture.connect(second, board.boardId, board.viewer);
    const viewerId = board.viewer.memberId;
    await waitFor(
      () =>
        c.provider.synced &&
        texts(c.doc).length === 20 &&
        readBoard(c.doc).participants[viewerId] !== undefined,
      'the late client to load the board',
    );
    // Everything from before the restart, plus the viewer, whom the server records as they join.
    const { [viewerId]: joined, ...earlier } = readBoard(c.doc).participants;
    expect({ ...readBoard(c.doc), participants: earlier }).toEqual(before);
    expect(joined).toMatchObject({ displayName: 'Val', role: 'viewer' });
  });

  it('[P1] a viewer’s edits never reach the other clients nor storage, while the viewer still receives', async () => {
    const server = await fixture.start();
    const board = await boardWithMembers(server, 'Viewer board', ['family', 'viewer']);
    const writer = await fixture.connect(server, board.boardId, board.family);
    const viewer = await fixture.connect(server, board.boardId, board.viewer);
    await waitFor(() => writer.provider.synced && viewer.provider.synced, 'both clients to sync');

    const { cardId: sneaky } = must(
      addCard(viewer.doc, board.viewer.actor, { category: 'harm', text: 'viewer text' }),
    );
    must(setTitle(viewer.doc, board.viewer.actor, 'Renamed by a viewer'));
    expect(readBoard(viewer.doc).cards[sneaky]).toBeDefined(); // the viewer did produce updates
    // A later writer edit is the marker: once the viewer has it, the server handled the viewer's frames.
    const { cardId: marker } = must(
      addCard(writer.doc, board.family.actor, { category: 'existingSafety', text: 'marker' }),
    );
    await waitFor(
      () => readBoard(viewer.doc).cards[marker] !== undefined,
      'the viewer to receive the marker',
    );

    expect(readBoard(writer.doc).cards[sneaky]).toBeUndefined();
    expect(readBoard(writer.doc).meta.title).toBe('Viewer board');
    fixture.disconnectAll();
    await server.close();

    const store = createSqliteStore({ file: join(fixture.dataDir, DATABASE_FILE) });
    const stored = new Y.Doc();
    for (const update of (await store.load(board.boardId)).updates) Y.applyUpdate(stored, update);
    await store.close();
    expect(readBoard(stored).cards[marker]?.text).toBe('marker');
    expect(readBoard(stored).cards[sneaky]).toBeUndefined();
    expect(readBoard(stored).meta.title).toBe('Viewer board');
  });
});
