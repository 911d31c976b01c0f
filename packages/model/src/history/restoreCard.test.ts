import { describe, expect, it } from 'vitest';
import { addPair, pairCards } from '../cards/analysis.js';
import { addCard, deleteCard, moveCard, setCardText, setMark } from '../cards/cards.js';
import { asScaleId } from '../doc/ids.js';
import { Origins } from '../doc/origins.js';
import { readBoard } from '../doc/read.js';
import { rate } from '../scales/scales.js';
import { expectUnchanged, newBoard, originsOf, parent, practitioner, unwrap } from '../test-support.js';
import { restoreCard } from './restore.js';

describe('restoreCard', () => {
  it("brings back one card's text, category, order, marks and flag, leaving the rest of the board alone", () => {
    const doc = newBoard();
    const { cardId } = unwrap(addCard(doc, parent, { category: 'harm', text: 'Dad shouted' }));
    const { cardId: otherId } = unwrap(addCard(doc, parent, { category: 'harm', text: 'Other' }));
    unwrap(setMark(doc, practitioner, cardId, 'dispute'));
    const version = readBoard(doc);
    unwrap(setCardText(doc, practitioner, cardId, 'Dad shouted once'));
    unwrap(moveCard(doc, practitioner, cardId, { category: 'complicatingFactor', index: 0 }));
    unwrap(setMark(doc, practitioner, cardId, 'agree'));
    unwrap(setCardText(doc, practitioner, otherId, 'Other, changed'));

    const origins = originsOf(doc, () =>
      unwrap(restoreCard(doc, version, cardId, { now: 50, origin: Origins.remote })),
    );
    expect(origins).toEqual([Origins.remote]);
    const after = readBoard(doc);
    expect(after.cards[cardId]).toEqual({ ...version.cards[cardId], updatedAt: 50 });
    expect(after.cards[otherId]?.text).toBe('Other, changed');
  });

  it("brings back a deleted danger statement with its pair and the pair's ratings", () => {
    const doc = newBoard();
    const { pairId, dangerStatementId } = unwrap(
      addPair(doc, practitioner, { dangerStatement: 'Worried that…', safetyGoal: 'Mum will…' }),
    );
    unwrap(rate(doc, parent, asScaleId(pairId), { value: 6, reason: 'Gran helps' }));
    const version = readBoard(doc);
    unwrap(deleteCard(doc, practitioner, dangerStatementId));
    expect(unwrap(restoreCard(doc, version, dangerStatementId))).toEqual({ changed: 4 });
    const after = readBoard(doc);
    expect(after.pairs[pairId]).toEqual(version.pairs[pairId]);
    expect(after.scales[pairId]).toEqual(version.scales[pairId]);
    expect(after.cards[dangerStatementId]?.pairId).toBe(pairId);
  });

  it('leaves the pair out when the partner is now paired with another card', () => {
    const doc = newBoard();
    const { pairId, dangerStatementId, safetyGoalId } = unwrap(
      addPair(doc, practitioner, { dangerStatement: 'First', safetyGoal: 'Goal' }),
    );
    const version = readBoard(doc);
    unwrap(deleteCard(doc, practitioner, dangerStatementId));
    const { cardId: second } = unwrap(
      addCard(doc, practitioner, { category: 'dangerStatement', text: 'Second' }),
    );
    const { pairId: newPair } = unwrap(
      pairCards(doc, practitioner, { dangerStatementId: second, safetyGoalId }),
    );
    unwrap(restoreCard(doc, version, dangerStatementId));
    const after = readBoard(doc);
    expect(after.cards[dangerStatementId]).toMatchObject({ text: 'First', pairId: null });
    expect(after.pairs[pairId]).toBeUndefined();
    expect(after.pairs[newPair]).toBeDefined();
    expect(after.cards[safetyGoalId]?.pairId).toBe(newPair);
  });

  it('unpairs a card cleanly when it goes back to a category it was in before being paired', () => {
    const doc = newBoard();
    const { cardId } = unwrap(addCard(doc, practitioner, { category: 'harm', text: 'Was harm' }));
    const version = readBoard(doc);
    unwrap(moveCard(doc, practitioner, cardId, { category: 'dangerStatement', index: 0 }));
    const { cardId: goal } = unwrap(addCard(doc, practitioner, { category: 'safetyGoal', text: 'Goal' }));
    const { pairId } = unwrap(
      pairCards(doc, practitioner, { dangerStatementId: cardId, safetyGoalId: goal }),
    );
    unwrap(restoreCard(doc, version, cardId));
    const after = readBoard(doc);
    expect(after.cards[cardId]).toMatchObject({ category: 'harm', pairId: null });
    expect(after.cards[goal]?.pairId).toBeNull();
    expect(after.pairs[pairId]).toBeUndefined();
    expect(after.scales[pairId]).toBeUndefined();
    expect(doc.getMap('pairs').has(pairId)).toBe(false);
  });

  it('keeps a current pair when only the text goes back', () => {
    const doc = newBoard();
    const { cardId } = unwrap(addCard(doc, practitioner, { category: 'dangerStatement', text: 'Old words' }));
    const version = readBoard(doc);
    const { cardId: goal } = unwrap(addCard(doc, practitioner, { category: 'safetyGoal', text: 'Goal' }));
    const { pairId } = unwrap(
      pairCards(doc, practitioner, { dangerStatementId: cardId, safetyGoalId: goal }),
    );
    unwrap(setCardText(doc, practitioner, cardId, 'New words'));
    unwrap(restoreCard(doc, version, cardId));
    expect(readBoard(doc).cards[cardId]).toMatchObject({ text: 'Old words', pairId });
    expect(readBoard(doc).pairs[pairId]).toBeDefined();
  });

  it('refuses a card the version does not have, and a bad id, writing nothing', () => {
    const doc = newBoard();
    const version = readBoard(doc);
    const { cardId } = unwrap(addCard(doc, practitioner, { category: 'harm', text: 'Later' }));
    expect(expectUnchanged(doc, () => restoreCard(doc, version, cardId))).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
    expect(expectUnchanged(doc, () => restoreCard(doc, version, 'bad id!' as never))).toMatchObject({
      ok: false,
      reason: 'invalid-input',
    });
  });
});
