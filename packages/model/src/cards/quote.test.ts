import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkChanges } from '../access/permissions.js';
import { boardStateSchema, parseBoardState } from '../doc/boardStateSchema.js';
import { asParticipantId } from '../doc/ids.js';
import { readBoard, readBoardWithRepairs } from '../doc/read.js';
import type { Actor, CardQuote, PersonId } from '../doc/types.js';
import { buildBoardExport, contentHash, importBoard } from '../history/boardExport.js';
import { restoreBoard } from '../history/restore.js';
import { diffBoards } from '../history/versionDiff.js';
import { addPerson, removePerson } from '../plan/people.js';
import { expectUnchanged, newBoard, parent, practitioner, unwrap } from '../test-support.js';
import { addCard, deleteCard } from './cards.js';
import { card, setup } from './changes.fixture.js';
import { initRestricted, moveToRestricted, moveToShared } from './professionalsOnly.js';
import { quotedPerson, setCardQuote } from './quote.js';

const chair: Actor = { participantId: asParticipantId('chair'), role: 'facilitator' };
const gran: Actor = { participantId: asParticipantId('gran'), role: 'network' };

/** A board with a child (Jo), an adult (Dad) and a parent's card. */
function board() {
  const doc = newBoard();
  const jo = unwrap(addPerson(doc, practitioner, { name: 'Jo', age: 9 })).personId;
  const dad = unwrap(addPerson(doc, practitioner, { name: 'Dad', kind: 'adult' })).personId;
  const { cardId } = unwrap(addCard(doc, parent, { category: 'harm', text: 'I get scared at night' }));
  return { doc, jo, dad, cardId };
}

const fromHouse = (personId: PersonId): CardQuote => ({ personId, toolId: 'tool-1', area: 'worries' });
const saidInMeeting = (personId: PersonId): CardQuote => ({ personId, toolId: null, area: null });

describe('setCardQuote: a card holds the child’s own words', () => {
  it('names the child and the house the words came from, and clears again', () => {
    const { doc, jo, cardId } = board();
    unwrap(setCardQuote(doc, practitioner, cardId, fromHouse(jo)));
    expect(readBoard(doc).cards[cardId]?.quote).toEqual({ personId: jo, toolId: 'tool-1', area: 'worries' });
    unwrap(setCardQuote(doc, practitioner, cardId, saidInMeeting(jo)));
    expect(readBoard(doc).cards[cardId]?.quote).toEqual({ personId: jo, toolId: null, area: null });
    unwrap(setCardQuote(doc, practitioner, cardId, null));
    expect(readBoard(doc).cards[cardId]).not.toHaveProperty('quote');
    expect(readBoard(doc).cards[cardId]?.text).toBe('I get scared at night');
  });

  it('writes nothing when the quote is already as asked', () => {
    const { doc, jo, cardId } = board();
    unwrap(setCardQuote(doc, practitioner, cardId, fromHouse(jo)));
    expectUnchanged(doc, () => unwrap(setCardQuote(doc, practitioner, cardId, fromHouse(jo))));
  });

  it('refuses an adult, someone not of the case, an area without its tool and an unknown area', () => {
    const { doc, jo, dad, cardId } = board();
    expectUnchanged(doc, () => {
      expect(setCardQuote(doc, practitioner, cardId, saidInMeeting(dad))).toMatchObject({
        ok: false,
        reason: 'invalid-input',
      });
      expect(setCardQuote(doc, practitioner, cardId, saidInMeeting('nobody' as PersonId))).toMatchObject({
        ok: false,
      });
      expect(
        setCardQuote(doc, practitioner, cardId, { personId: jo, toolId: null, area: 'worries' }),
      ).toMatchObject({
        ok: false,
      });
      const odd = { personId: jo, toolId: 'tool-1', area: 'attic' } as unknown as CardQuote;
      expect(setCardQuote(doc, practitioner, cardId, odd)).toMatchObject({ ok: false });
      expect(setCardQuote(doc, practitioner, 'gone' as never, fromHouse(jo))).toMatchObject({
        reason: 'not-found',
      });
    });
  });

  it('adds a card that quotes a child from the start', () => {
    const { doc, jo, dad } = board();
    const { cardId } = unwrap(
      addCard(doc, practitioner, {
        category: 'existingStrength',
        text: 'Gran reads to me',
        quote: fromHouse(jo),
      }),
    );
    expect(readBoard(doc).cards[cardId]?.quote).toEqual(fromHouse(jo));
    expect(addCard(doc, practitioner, { category: 'harm', quote: saidInMeeting(dad) })).toMatchObject({
      ok: false,
    });
  });

  it('keeps the words when the child is removed: the quote then names nobody of the case ("a child")', () => {
    const { doc, jo, cardId } = board();
    unwrap(setCardQuote(doc, practitioner, cardId, fromHouse(jo)));
    const quote = readBoard(doc).cards[cardId]?.quote as CardQuote;
    expect(quotedPerson(readBoard(doc), quote)?.name).toBe('Jo');
    unwrap(removePerson(doc, practitioner, jo));
    const after = readBoard(doc);
    expect(after.cards[cardId]?.text).toBe('I get scared at night');
    expect(after.cards[cardId]?.quote).toEqual(quote);
    expect(quotedPerson(after, quote)).toBeNull();
  });
});

describe('a quote through the readers, exports, versions and the restricted document', () => {
  it('reads a card without a quote exactly as before, and drops a malformed one with a repair', async () => {
    const { doc, cardId } = board();
    const hash = () => contentHash({ shared: readBoard(doc), restricted: null });
    const before = await hash();
    card(doc, cardId).set('quote', null);
    expect(await hash()).toBe(before);
    card(doc, cardId).set('quote', { personId: 'x', toolId: 7, area: null });
    const { state, repairs } = readBoardWithRepairs(doc);
    expect(state.cards[cardId]).not.toHaveProperty('quote');
    expect(repairs).toContainEqual({ part: 'cards', id: cardId, field: 'quote', action: 'dropped' });
    expect(parseBoardState(state).ok).toBe(true);
  });

  it('exports and imports a quote; an older export without one still parses', () => {
    const { doc, jo, cardId } = board();
    unwrap(setCardQuote(doc, practitioner, cardId, fromHouse(jo)));
    const shared = readBoard(doc);
    const exported = JSON.parse(
      JSON.stringify(
        buildBoardExport({
          board: { id: 'b1', title: shared.meta.title },
          version: null,
          meeting: null,
          shared,
          restricted: null,
        }),
      ),
    );
    const [copy, copyRestricted] = [new Y.Doc(), new Y.Doc()];
    unwrap(importBoard(copy, copyRestricted, exported));
    expect(readBoard(copy).cards[cardId]?.quote).toEqual(fromHouse(jo));
    const older = JSON.parse(JSON.stringify(shared));
    delete older.cards[cardId].quote;
    expect(boardStateSchema.safeParse(older).success).toBe(true);
    older.cards[cardId].quote = { personId: jo, toolId: null, area: 'roof' };
    expect(boardStateSchema.safeParse(older).success).toBe(false);
  });

  it('diffs and restores a quote like any other card field', () => {
    const { doc, jo, cardId } = board();
    const version = readBoard(doc);
    unwrap(setCardQuote(doc, practitioner, cardId, fromHouse(jo)));
    const now = readBoard(doc);
    expect(diffBoards(version, now).cards.changed[0]?.fields).toEqual(['quote']);
    unwrap(restoreBoard(doc, version));
    expect(readBoard(doc).cards[cardId]).not.toHaveProperty('quote');
    unwrap(restoreBoard(doc, now));
    expect(readBoard(doc).cards[cardId]?.quote).toEqual(fromHouse(jo));
    // A card deleted since comes back with its quote.
    unwrap(deleteCard(doc, practitioner, cardId));
    unwrap(restoreBoard(doc, now));
    expect(readBoard(doc).cards[cardId]?.quote).toEqual(fromHouse(jo));
  });

  it('moves with its card to the restricted document and back', () => {
    const { doc, jo, cardId } = board();
    const restricted = new Y.Doc();
    unwrap(initRestricted(restricted, { createdAt: 1 }));
    unwrap(setCardQuote(doc, practitioner, cardId, fromHouse(jo)));
    unwrap(moveToRestricted(doc, restricted, practitioner, cardId));
    expect(readBoard(restricted).cards[cardId]?.quote).toEqual(fromHouse(jo));
    // The restricted document has no people: the child was chosen from the shared one's.
    unwrap(setCardQuote(restricted, practitioner, cardId, saidInMeeting(jo)));
    unwrap(moveToShared(doc, restricted, practitioner, cardId));
    expect(readBoard(doc).cards[cardId]?.quote).toEqual(saidInMeeting(jo));
  });
});

describe('[AC52] real updates through the classifier and the matrix', () => {
  it('classifies setting and clearing a quote, and allows it to staff only', () => {
    const { doc, jo, cardId } = board();
    const s = setup(doc);
    const set = s.classify(() => setCardQuote(doc, chair, cardId, fromHouse(jo)));
    expect(set).toEqual([
      { kind: 'card-quote', cardId, authorId: 'mum', set: true, person: 'child', onNewCard: false },
    ]);
    for (const actor of [chair, practitioner])
      expect(checkChanges(set, actor, { locked: false })).toEqual({ ok: true });
    for (const actor of [parent, gran])
      expect(checkChanges(set, actor, { locked: false })).toMatchObject({ ok: false, rule: 'AC52' });
    const cleared = s.classify(() => setCardQuote(doc, chair, cardId, null));
    expect(cleared).toEqual([
      { kind: 'card-quote', cardId, authorId: 'mum', set: false, person: null, onNewCard: false },
    ]);
    expect(checkChanges(cleared, parent, { locked: false })).toMatchObject({ ok: false, rule: 'AC52' });
  });

  it('classifies a new card carrying a quote as an added card and its quote', () => {
    const { doc, jo } = board();
    const s = setup(doc);
    const changes = s.classify(() => addCard(doc, parent, { category: 'harm', quote: saidInMeeting(jo) }));
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'card-quote', onNewCard: true, person: 'child' }),
    );
    expect(checkChanges(changes, parent, { locked: false })).toMatchObject({ ok: false, rule: 'AC52' });
  });

  it('refuses a quote of an adult written by hand, even from staff', () => {
    const { doc, dad, cardId } = board();
    const s = setup(doc);
    const changes = s.classify(() => card(doc, cardId).set('quote', saidInMeeting(dad)));
    expect(changes).toEqual([expect.objectContaining({ kind: 'card-quote', person: 'other' })]);
    expect(checkChanges(changes, chair, { locked: false })).toMatchObject({ ok: false, rule: 'AC52' });
  });
});
