import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Origins } from '../doc/origins.js';
import { readBoard } from '../doc/read.js';
import { expectUnchanged, newBoard, originsOf, parent, practitioner, unwrap } from '../test-support.js';
import { addPair, pairCards } from './analysis.js';
import { addCard, setMark } from './cards.js';
import {
  addProfessionalsOnlyCard,
  copyIntoRestricted,
  flaggedSharedCards,
  initRestricted,
  moveToRestricted,
  moveToShared,
  removeFromShared,
} from './professionalsOnly.js';

const SECRET = 'Tad yn yfed — ścisła tajemnica';

// The model's tsconfig has neither DOM nor Node types; the runtime has TextEncoder.
const { TextEncoder: Utf8 } = globalThis as unknown as {
  TextEncoder: new () => { encode(text: string): Uint8Array };
};

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((byte, i) => haystack[start + i] === byte)) return true;
  }
  return false;
}

function restrictedDoc(): Y.Doc {
  const doc = new Y.Doc();
  unwrap(initRestricted(doc, { createdAt: 1_000 }));
  return doc;
}

describe('initRestricted', () => {
  it('writes only meta, once', () => {
    const doc = new Y.Doc();
    expect(unwrap(initRestricted(doc, { createdAt: 5 }))).toEqual({ created: true });
    expect([...doc.share.keys()]).toEqual(['meta']);
    expect(readBoard(doc).meta).toEqual({ title: '', createdAt: 5, schemaVersion: 1 });
    expect(expectUnchanged(doc, () => initRestricted(doc, { createdAt: 9 }))).toEqual({
      ok: true,
      value: { created: false },
    });
  });
});

describe('moveToRestricted', () => {
  it('copies the card with its id, author, text, order and marks, then deletes it from the shared doc', () => {
    const shared = newBoard();
    const restricted = restrictedDoc();
    const { cardId } = unwrap(addCard(shared, parent, { category: 'harm', text: SECRET }));
    unwrap(setMark(shared, practitioner, cardId, 'agree'));
    const before = readBoard(shared).cards[cardId];
    unwrap(moveToRestricted(shared, restricted, practitioner, cardId, { now: 7_000 }));
    expect(readBoard(shared).cards[cardId]).toBeUndefined();
    expect(readBoard(restricted).cards[cardId]).toEqual({
      ...before,
      updatedAt: 7_000,
      professionalsOnly: true,
    });
  });

  it('leaves no byte of the text in the shared doc’s encoded state', () => {
    const shared = newBoard();
    const restricted = restrictedDoc();
    const { cardId } = unwrap(addCard(shared, practitioner, { category: 'harm', text: SECRET }));
    const bytes = new Utf8().encode(SECRET);
    expect(contains(Y.encodeStateAsUpdate(shared), bytes)).toBe(true);
    unwrap(moveToRestricted(shared, restricted, practitioner, cardId));
    expect(contains(Y.encodeStateAsUpdate(shared), bytes)).toBe(false);
    expect(contains(Y.encodeStateAsUpdate(restricted), bytes)).toBe(true);
  });

  it('runs one labelled transaction in each document', () => {
    const shared = newBoard();
    const restricted = restrictedDoc();
    const { cardId } = unwrap(addCard(shared, practitioner, { category: 'harm', text: 'x' }));
    const inRestricted = originsOf(restricted, () => {
      const inShared = originsOf(shared, () =>
        unwrap(moveToRestricted(shared, restricted, practitioner, cardId, { origin: Origins.local })),
      );
      expect(inShared).toEqual([Origins.local]);
    });
    expect(inRestricted).toEqual([Origins.local]);
  });

  it('refuses a paired card, a family member, a missing card and one already restricted', () => {
    const shared = newBoard();
    const restricted = restrictedDoc();
    const pair = unwrap(addPair(shared, practitioner, { dangerStatement: 'd', safetyGoal: 'g' }));
    const { cardId } = unwrap(addCard(shared, practitioner, { category: 'harm', text: 'x' }));
    const unchanged = (op: () => unknown) => expectUnchanged(restricted, () => expectUnchanged(shared, op));
    expect(
      unchanged(() => moveToRestricted(shared, restricted, practitioner, pair.dangerStatementId)),
    ).toMatchObject({ ok: false, reason: 'paired-card' });
    expect(unchanged(() => moveToRestricted(shared, restricted, parent, cardId))).toMatchObject({
      ok: false,
      reason: 'professionals-only',
    });
    expect(unchanged(() => moveToShared(shared, restricted, practitioner, cardId))).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
    // A card already in both documents (an interrupted move) is not copied over itself.
    Y.applyUpdate(restricted, Y.encodeStateAsUpdate(shared));
    expect(unchanged(() => moveToRestricted(shared, restricted, practitioner, cardId))).toMatchObject({
      ok: false,
      reason: 'invalid-input',
    });
  });
});

describe('moveToShared', () => {
  it('moves a restricted card back, unflagged, keeping its author and marks', () => {
    const shared = newBoard();
    const restricted = restrictedDoc();
    const { cardId } = unwrap(
      addCard(restricted, practitioner, { category: 'nextStep', text: SECRET, professionalsOnly: true }),
    );
    unwrap(setMark(restricted, practitioner, cardId, 'dispute'));
    unwrap(moveToShared(shared, restricted, practitioner, cardId, { now: 9 }));
    expect(readBoard(restricted).cards[cardId]).toBeUndefined();
    expect(readBoard(shared).cards[cardId]).toMatchObject({
      text: SECRET,
      authorId: practitioner.participantId,
      professionalsOnly: false,
      marks: { sam: 'dispute' },
      updatedAt: 9,
    });
  });
});

describe('pairing a professionals-only card', () => {
  it('is refused with a reason', () => {
    const doc = restrictedDoc();
    const d = unwrap(
      addCard(doc, practitioner, { category: 'dangerStatement', text: 'd', professionalsOnly: true }),
    );
    const g = unwrap(
      addCard(doc, practitioner, { category: 'safetyGoal', text: 'g', professionalsOnly: true }),
    );
    expect(
      expectUnchanged(doc, () =>
        pairCards(doc, practitioner, { dangerStatementId: d.cardId, safetyGoalId: g.cardId }),
      ),
    ).toMatchObject({ ok: false, reason: 'professionals-only' });
  });
});

describe('moving the flagged cards of an older board (the server does it on load)', () => {
  it('copies each flagged card once and removes it from the shared doc with its pair', () => {
    const shared = newBoard();
    const restricted = restrictedDoc();
    const pair = unwrap(addPair(shared, practitioner, { dangerStatement: SECRET, safetyGoal: 'g' }));
    const open = unwrap(addCard(shared, parent, { category: 'harm', text: 'open' }));
    shared.transact(() => {
      (shared.getMap('cards').get(pair.dangerStatementId) as Y.Map<unknown>).set('professionalsOnly', true);
    });
    const flagged = flaggedSharedCards(shared);
    expect(flagged.map((card) => card.id)).toEqual([pair.dangerStatementId]);
    expect(unwrap(copyIntoRestricted(restricted, flagged, { now: 3 }))).toEqual({ copied: 1 });
    expect(expectUnchanged(restricted, () => copyIntoRestricted(restricted, flagged))).toEqual({
      ok: true,
      value: { copied: 0 },
    });
    expect(unwrap(removeFromShared(shared, [pair.dangerStatementId]))).toEqual({ removed: 1 });
    const board = readBoard(shared);
    expect(Object.keys(board.cards).sort()).toEqual([open.cardId, pair.safetyGoalId].sort());
    expect(board.pairs).toEqual({});
    expect(readBoard(restricted).cards[pair.dangerStatementId]).toMatchObject({
      text: SECRET,
      professionalsOnly: true,
      pairId: null,
    });
  });
});

describe('addProfessionalsOnlyCard', () => {
  it('writes an empty professionals-only card into the restricted doc only, last in the merged section', () => {
    const shared = newBoard();
    const restricted = restrictedDoc();
    unwrap(addCard(shared, parent, { category: 'harm', text: 'a' }));
    unwrap(addCard(shared, parent, { category: 'harm', text: 'b' }));
    const sharedBefore = Y.encodeStateAsUpdate(shared);
    const { cardId } = unwrap(
      addProfessionalsOnlyCard(restricted, practitioner, { category: 'harm', after: 1 }, { now: 9_000 }),
    );
    expect(Y.encodeStateAsUpdate(shared)).toEqual(sharedBefore);
    const card = readBoard(restricted).cards[cardId];
    expect(card).toMatchObject({
      category: 'harm',
      text: '',
      professionalsOnly: true,
      pairId: null,
      authorId: practitioner.participantId,
      createdAt: 9_000,
    });
    expect(card?.order).toBeGreaterThan(1);
    expect(
      originsOf(restricted, () => addProfessionalsOnlyCard(restricted, practitioner, { category: 'harm' })),
    ).toEqual([Origins.local]);
  });

  it('is refused to the family, and for a malformed category or order', () => {
    const restricted = restrictedDoc();
    expectUnchanged(restricted, () => {
      expect(addProfessionalsOnlyCard(restricted, parent, { category: 'harm' })).toMatchObject({
        ok: false,
        reason: 'professionals-only',
      });
      const hostile = { category: 'constructor', after: Number.NaN } as unknown as { category: 'harm' };
      expect(addProfessionalsOnlyCard(restricted, practitioner, hostile).ok).toBe(false);
    });
  });
});
