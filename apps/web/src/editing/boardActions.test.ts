import { type Actor, initBoard, type ParticipantId, pairCards, readBoard } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCardTo,
  addProfessionalsOnlyCardTo,
  addSafetyGoalFor,
  markCard,
  markProfessionalsOnly,
  moveCardTo,
  removeCard,
} from './boardActions';

function writer() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Case 1', createdAt: 1 });
  const actor: Actor = { participantId: 'p1' as ParticipantId, role: 'facilitator' };
  return { doc, actor };
}

describe('board actions', () => {
  it('adds a card to a section and moves it to another one', () => {
    const w = writer();
    const added = addCardTo(w, 'harm');
    if (!added.ok) throw new Error('add failed');
    expect(readBoard(w.doc).cards[added.value]?.category).toBe('harm');
    expect(moveCardTo(w, added.value, 'existingStrength', 0).ok).toBe(true);
    expect(readBoard(w.doc).cards[added.value]?.category).toBe('existingStrength');
  });

  it('keeps a paired card in its section and says why', () => {
    const w = writer();
    const danger = addCardTo(w, 'dangerStatement');
    const goal = addCardTo(w, 'safetyGoal');
    if (!danger.ok || !goal.ok) throw new Error('add failed');
    expect(pairCards(w.doc, w.actor, { dangerStatementId: danger.value, safetyGoalId: goal.value }).ok).toBe(
      true,
    );
    expect(moveCardTo(w, danger.value, 'harm', 0)).toEqual({ ok: false, notice: 'notice.pairedCard' });
    expect(readBoard(w.doc).cards[danger.value]?.category).toBe('dangerStatement');
  });

  it('marks and deletes a card, and reports a card that is gone', () => {
    const w = writer();
    const added = addCardTo(w, 'nextStep');
    if (!added.ok) throw new Error('add failed');
    expect(markCard(w, added.value, 'agree').ok).toBe(true);
    expect(readBoard(w.doc).cards[added.value]?.marks).toEqual({ p1: 'agree' });
    expect(removeCard(w, added.value).ok).toBe(true);
    expect(readBoard(w.doc).cards[added.value]).toBeUndefined();
    expect(moveCardTo(w, added.value, 'harm', 0)).toEqual({ ok: false, notice: 'notice.moveFailed' });
  });

  it('adds a safety goal paired with a danger statement, in one change', () => {
    const w = writer();
    const danger = addCardTo(w, 'dangerStatement');
    if (!danger.ok) throw new Error('add failed');
    let updates = 0;
    w.doc.on('update', () => updates++);
    const goal = addSafetyGoalFor(w, danger.value);
    if (!goal.ok) throw new Error('goal failed');
    expect(updates).toBe(1);
    const state = readBoard(w.doc);
    expect(state.cards[goal.value]?.category).toBe('safetyGoal');
    const pairId = state.cards[danger.value]?.pairId;
    expect(pairId).toBeTruthy();
    expect(state.cards[goal.value]?.pairId).toBe(pairId);
  });

  it('leaves no lonely goal behind when the danger statement cannot be paired', () => {
    const w = writer();
    const danger = addCardTo(w, 'dangerStatement');
    if (!danger.ok) throw new Error('add failed');
    expect(addSafetyGoalFor(w, danger.value).ok).toBe(true);
    expect(addSafetyGoalFor(w, danger.value)).toEqual({ ok: false, notice: 'notice.addFailed' });
    const goals = Object.values(readBoard(w.doc).cards).filter((c) => c.category === 'safetyGoal');
    expect(goals).toHaveLength(1);
  });

  it('moves a card into the restricted document for professionals only, and back', () => {
    const w = writer();
    const r = { doc: new Y.Doc(), actor: w.actor };
    const added = addCardTo(w, 'harm');
    if (!added.ok) throw new Error('add failed');
    expect(markProfessionalsOnly(w, r, added.value, true).ok).toBe(true);
    expect(readBoard(w.doc).cards[added.value]).toBeUndefined();
    expect(readBoard(r.doc).cards[added.value]?.professionalsOnly).toBe(true);
    expect(markProfessionalsOnly(w, r, added.value, false).ok).toBe(true);
    expect(readBoard(r.doc).cards[added.value]).toBeUndefined();
    expect(readBoard(w.doc).cards[added.value]?.professionalsOnly).toBe(false);
  });

  it('adds a card chosen professionals-only before writing to the restricted document, after the shared ones', () => {
    const w = writer();
    const r = { doc: new Y.Doc(), actor: w.actor };
    for (const text of ['a', 'b', 'c']) if (!addCardTo(w, 'harm').ok) throw new Error(`add ${text} failed`);
    const sharedBefore = Y.encodeStateAsUpdate(w.doc);
    const added = addProfessionalsOnlyCardTo(r, readBoard(w.doc), 'harm');
    if (!added.ok) throw new Error('add failed');
    expect(Y.encodeStateAsUpdate(w.doc)).toEqual(sharedBefore);
    const card = readBoard(r.doc).cards[added.value];
    expect(card).toMatchObject({ category: 'harm', text: '', professionalsOnly: true });
    const sharedOrders = Object.values(readBoard(w.doc).cards).map((c) => c.order);
    expect(card?.order).toBeGreaterThan(Math.max(...sharedOrders));
    // The family may not: the notice, and nothing written.
    const family = { doc: r.doc, actor: { participantId: 'p2' as ParticipantId, role: 'family' as const } };
    expect(addProfessionalsOnlyCardTo(family, readBoard(w.doc), 'harm')).toEqual({
      ok: false,
      notice: 'notice.addFailed',
    });
    expect(Object.keys(readBoard(r.doc).cards)).toEqual([added.value]);
  });

  it('keeps a paired card in the shared document and says why', () => {
    const w = writer();
    const r = { doc: new Y.Doc(), actor: w.actor };
    const danger = addCardTo(w, 'dangerStatement');
    if (!danger.ok) throw new Error('add failed');
    if (!addSafetyGoalFor(w, danger.value).ok) throw new Error('goal failed');
    expect(markProfessionalsOnly(w, r, danger.value, true)).toEqual({
      ok: false,
      notice: 'notice.pairedProfessionalsOnly',
    });
    expect(readBoard(w.doc).cards[danger.value]).toBeDefined();
  });
});
