import {
  type BoardState,
  type CardId,
  type CardState,
  emptyBoardState,
  type ParticipantId,
} from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { visibleBoard } from './visibility';

function card(id: string, professionalsOnly: boolean): CardState {
  return {
    id: id as CardId,
    category: 'harm',
    text: id,
    authorId: 'p' as ParticipantId,
    authorRole: 'practitioner',
    createdAt: 0,
    updatedAt: 0,
    order: 0,
    professionalsOnly,
    marks: {},
    pairId: null,
  };
}

const state: BoardState = {
  ...emptyBoardState('Case'),
  cards: { open: card('open', false), police: card('police', true) },
};

describe('visibleBoard', () => {
  it('shows professionals-only cards to the facilitator and practitioners', () => {
    expect(Object.keys(visibleBoard(state, 'facilitator').cards)).toEqual(['open', 'police']);
    expect(Object.keys(visibleBoard(state, 'practitioner').cards)).toEqual(['open', 'police']);
  });

  it('leaves them off the family’s, the network’s and the projected screen', () => {
    for (const role of ['family', 'network', 'viewer'] as const) {
      expect(Object.keys(visibleBoard(state, role).cards)).toEqual(['open']);
    }
  });
});
