import { describe, expect, it } from 'vitest';
import { addPair } from '../cards/analysis.js';
import { addCard } from '../cards/cards.js';
import { checkBoardState } from '../doc/boardStateSchema.js';
import { asScaleId } from '../doc/ids.js';
import { readBoard } from '../doc/read.js';
import { rate } from '../scales/scales.js';
import { newBoard, parent, practitioner, unwrap } from '../test-support.js';
import { keepProfessionalsOnly, withoutCards } from './restrictedNow.js';

describe('a version under the professionals-only set of now [VE14]', () => {
  it('drops a hidden card, and a pair naming one with its scale, leaving its partner unpaired', () => {
    const doc = newBoard();
    const { cardId: kept } = unwrap(addCard(doc, parent, { category: 'harm', text: 'Shared still' }));
    const { pairId, dangerStatementId, safetyGoalId } = unwrap(
      addPair(doc, practitioner, { dangerStatement: 'Worried that…', safetyGoal: 'Mum will…' }),
    );
    unwrap(rate(doc, parent, asScaleId(pairId), { value: 6, reason: 'Gran helps' }));
    const board = readBoard(doc);

    const seen = withoutCards(board, new Set([dangerStatementId]));
    expect(Object.keys(seen.cards).sort()).toEqual([kept, safetyGoalId].sort());
    expect(seen.cards[safetyGoalId]?.pairId).toBeNull();
    expect(seen.pairs).toEqual({});
    expect(Object.keys(seen.scales)).toEqual(['overall']);
    expect(checkBoardState(seen).ok).toBe(true);
    expect(withoutCards(board, new Set(['not-there']))).toBe(board);
  });

  it('moves the cards restricted now from the shared side to the restricted side, unpaired', () => {
    const doc = newBoard();
    const { cardId: moved } = unwrap(addCard(doc, parent, { category: 'harm', text: 'Secret now' }));
    const { cardId: kept } = unwrap(addCard(doc, parent, { category: 'harm', text: 'Shared still' }));
    const shared = readBoard(doc);
    const restrictedDoc = newBoard();
    const { cardId: alreadyHidden } = unwrap(
      addCard(restrictedDoc, practitioner, {
        category: 'harm',
        text: 'Hidden then',
        professionalsOnly: true,
      }),
    );
    const restricted = readBoard(restrictedDoc);
    const now = new Set([moved, alreadyHidden]);

    const seen = keepProfessionalsOnly({ shared, restricted }, now);
    expect(Object.keys(seen.shared.cards)).toEqual([kept]);
    expect(Object.keys(seen.restricted?.cards ?? {}).sort()).toEqual([moved, alreadyHidden].sort());
    expect(seen.restricted?.cards[moved]).toEqual({ ...shared.cards[moved], professionalsOnly: true });

    const old = keepProfessionalsOnly({ shared, restricted: null }, now);
    expect(Object.keys(old.shared.cards)).toEqual([kept]);
    expect(Object.keys(old.restricted?.cards ?? {})).toEqual([moved]);
    const untouched = { shared, restricted: null };
    expect(keepProfessionalsOnly(untouched, new Set())).toBe(untouched);
  });
});
