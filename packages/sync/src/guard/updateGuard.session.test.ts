import {
  type Actor,
  acceptSuggestion,
  addCard,
  addNetworkMember,
  addPair,
  addRule,
  asParticipantId,
  type CardId,
  clearRating,
  deleteCard,
  initBoard,
  moveCard,
  OVERALL_SCALE_ID,
  rate,
  readBoard,
  removeNetworkMember,
  removeRule,
  setCardText,
  setMark,
  setMarkReason,
  setPlan,
  setScaleMode,
  setTitle,
  suggestChange,
  unpair,
  updateNetworkMember,
  updateRule,
} from '@kinmap/model';
import { decodeRejected } from '@kinmap/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStore } from '../memoryStore.js';
import { createRoom } from '../room/room.js';
import { DEFAULT_LIMITS } from '../room/rooms.js';
import { createRecordingLogger, joinClient, memberAccess, settle } from '../testing/harness.js';
import type { SocketPair } from '../testing/socketPair.js';
import { createTestClient, type TestClient } from '../testing/testClient.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const fay: Actor = { participantId: asParticipantId('fay'), role: 'facilitator' };
const sam: Actor = { participantId: asParticipantId('sam'), role: 'practitioner' };
const mum: Actor = { participantId: asParticipantId('mum'), role: 'family' };
const gran: Actor = { participantId: asParticipantId('gran'), role: 'network' };

const value = <T>(result: { ok: boolean; value?: T }): T => result.value as T;

/** A meeting in which everyone only does what their role allows: the guard must refuse nothing. */
describe('the update guard in an honest meeting', () => {
  it('accepts every model op made by a role the matrix allows, and the room ends up with all of it', async () => {
    const store = createMemoryStore();
    const seed = new Y.Doc();
    initBoard(seed, { title: 'Review', createdAt: 1 });
    await store.append('board-1', Y.encodeStateAsUpdate(seed));
    const room = createRoom({
      boardId: 'board-1',
      store,
      limits: { ...DEFAULT_LIMITS, awarenessIntervalMs: 0, messageBurst: 10_000 },
      logger: createRecordingLogger(),
      now: () => 0,
    });
    cleanups.push(() => void room.unload());
    const pairs: SocketPair[] = [];
    const join = (actor: Actor): TestClient => {
      const client = createTestClient();
      const joined = joinClient(client, (socket) =>
        room.connect(socket, memberAccess(actor.participantId, actor.role, actor.participantId)),
      );
      pairs.push(joined.pair);
      cleanups.push(() => client.destroy());
      return client;
    };
    const [f, p, m, g] = [join(fay), join(sam), join(mum), join(gran)];
    const step = () => settle(pairs, room.drained);
    await step();

    // Family and network: add, edit their own text, move and delete their own, mark, rate, plan.
    const mumCard = value<{ cardId: CardId }>(
      addCard(m.doc, mum, { category: 'harm', text: 'Shouting' }),
    ).cardId;
    await step();
    for (let i = 0; i < 4; i++) addCard(g.doc, gran, { category: 'harm', text: `Gran ${i}`, index: 0 });
    await step();
    // Concurrent adds at the end share an order (0, 0, then Gran's second at 1); placing a card
    // between the two zeros renumbers the cards after it, always including Gran's second card.
    addCard(m.doc, mum, { category: 'existingSafety', text: 'Mum walks them to school' });
    addCard(g.doc, gran, { category: 'existingSafety', text: 'Gran' });
    const granSafety = value<{ cardId: CardId }>(
      addCard(g.doc, gran, { category: 'existingSafety', text: 'Gran again' }),
    ).cardId;
    await step();
    expect(readBoard(room.doc).cards[granSafety]?.order).toBe(1);
    addCard(m.doc, mum, { category: 'existingSafety', text: 'Dad calls', index: 1 });
    await step();
    expect(readBoard(room.doc).cards[granSafety]?.order).toBe(3);
    // [AC31] [AC32] Gran suggests a change to Mum's card and disagrees with a reason; Mum accepts.
    suggestChange(g.doc, gran, mumCard, 'Loud Shouting');
    setMarkReason(g.doc, gran, mumCard, 'It was only once');
    moveCard(m.doc, mum, mumCard, { category: 'harm', index: 0 });
    await step();
    acceptSuggestion(m.doc, mum, mumCard, gran.participantId);
    await step();
    expect(readBoard(room.doc).cards[mumCard]).toMatchObject({
      text: 'Loud Shouting',
      suggestedBy: { gran: expect.any(Number) },
    });
    setMark(g.doc, gran, mumCard, 'agree');
    rate(m.doc, mum, OVERALL_SCALE_ID, { value: 6, reason: 'Gran helps' });
    const pair = value<{ pairId: string; dangerStatementId: CardId }>(
      addPair(m.doc, mum, { dangerStatement: 'Worry', safetyGoal: 'Goal' }),
    );
    await step();
    rate(g.doc, gran, pair.pairId as never, { value: 4 });
    clearRating(m.doc, mum, OVERALL_SCALE_ID);
    const memberId = value<{ memberId: string }>(addNetworkMember(m.doc, mum, { name: 'Gran' })).memberId;
    await step();
    updateNetworkMember(g.doc, gran, memberId as never, { contact: '0123' });
    const ruleId = value<{ ruleId: string }>(
      addRule(g.doc, gran, { text: 'No drinking', responsibleMemberIds: [memberId as never] }),
    ).ruleId;
    setPlan(m.doc, mum, { bottomLines: 'Safe', reviewDate: '2026-12-01' });
    await step();
    updateRule(m.doc, mum, ruleId as never, { redFlags: 'Late' });
    deleteCard(m.doc, mum, pair.dangerStatementId); // her own paired card: its pair and scale go too
    await step();

    // Practitioner: others' cards, removing plan items, the title.
    const granCard = Object.values(readBoard(p.doc).cards).find((card) => card.authorId === 'gran');
    moveCard(p.doc, sam, granCard?.id as CardId, { category: 'nextStep', index: 0 });
    setCardText(p.doc, sam, mumCard, 'Loud shouting at night');
    setTitle(p.doc, sam, 'Review 2');
    const second = value<{ pairId: string }>(
      addPair(p.doc, sam, { dangerStatement: 'W2', safetyGoal: 'G2' }),
    );
    await step();
    unpair(p.doc, sam, second.pairId as never);
    removeRule(p.doc, sam, ruleId as never);
    removeNetworkMember(p.doc, sam, memberId as never);
    await step();

    // Facilitator: scale modes and the lock; then only the facilitator writes.
    rate(p.doc, sam, OVERALL_SCALE_ID, { value: 5 });
    await step();
    setScaleMode(f.doc, fay, OVERALL_SCALE_ID, 'private');
    f.doc.getMap('meta').set('locked', true);
    await step();
    deleteCard(f.doc, fay, mumCard);
    await step();

    const refused = [f, p, m, g].flatMap((client) => client.received.map(decodeRejected)).filter(Boolean);
    expect(refused).toEqual([]);
    const board = readBoard(room.doc);
    expect(readBoard(m.doc)).toEqual(board);
    expect(board.meta.title).toBe('Review 2');
    expect(board.cards[mumCard]).toBeUndefined();
    expect(board.scales[OVERALL_SCALE_ID]?.mode).toBe('private');
    expect(Object.keys(board.pairs)).toEqual([]);
    expect(board.plan.bottomLines).toBe('Safe');
  });
});
