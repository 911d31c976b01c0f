import { type Actor, initBoard, type ParticipantId, pairCards, readBoard } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCardTo, markCard, moveCardTo, removeCard } from './boardActions';

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
});
