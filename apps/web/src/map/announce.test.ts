import type { BoardState, CardState, ParticipantId } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { board, card } from '../canvas/layoutFixture';
import { cardAnnouncement, changeAnnouncements, summariseChanges } from './announce';

function withPeople(state: BoardState): BoardState {
  const person = (id: string, displayName: string) => ({
    id: id as ParticipantId,
    displayName,
    role: 'family' as const,
    joinedAt: 0,
  });
  return { ...state, participants: { p1: person('p1', 'Nan Rose'), p2: person('p2', 'Sam Lee') } };
}

const harm = card('c1', 'harm', 1, 'Dad shouted at Mia', { p2: 'dispute' });

describe('cardAnnouncement', () => {
  it('says the section, the place, the words, the author and the marks', () => {
    const state = withPeople(board([harm]));
    const text = cardAnnouncement(harm, state, { index: 0, of: 3 });
    expect(text).toContain('Harm, card 1 of 3');
    expect(text).toContain('Dad shouted at Mia');
    expect(text).toContain('Written by Nan Rose');
    expect(text).toContain('Sam Lee');
  });

  it('names a professionals-only card as such, and an empty card as empty', () => {
    const restricted: CardState = { ...card('c2', 'nextStep', 1, '  '), professionalsOnly: true };
    const text = cardAnnouncement(restricted, withPeople(board([restricted])));
    expect(text).toMatch(/^Next steps\. empty card\./);
    expect(text.toLowerCase()).toContain('professionals only');
  });
});

describe('changeAnnouncements', () => {
  const before = withPeople(board([harm]));

  it('names who added a card, and leaves out this person’s own cards', () => {
    const mine = { ...card('c3', 'existingSafety', 2, 'Gran visits'), authorId: 'p2' as ParticipantId };
    const theirs = card('c4', 'existingStrength', 3, 'Mia loves school');
    const after = withPeople(board([harm, mine, theirs]));
    expect(changeAnnouncements(before, after, 'p2')).toEqual([
      'Nan Rose added a card to Existing strengths: Mia loves school.',
    ]);
  });

  it('says who changed the words (the latest editor), agreement and removal', () => {
    const changed = {
      ...harm,
      text: 'Dad shouted',
      editedBy: { p2: 5 },
      marks: { p2: 'dispute', p1: 'agree' },
    };
    const after = withPeople(board([changed as CardState]));
    expect(changeAnnouncements(before, after, 'me')).toEqual([
      'Sam Lee changed a card in Harm: Dad shouted.',
      'Nan Rose agrees with: Dad shouted.',
    ]);
    expect(changeAnnouncements(before, withPeople(board([])), 'me')).toEqual([
      'A card was removed from Harm: Dad shouted at Mia.',
    ]);
  });

  it('never names a card the board given does not hold', () => {
    // A family member's board has no professionals-only cards: adding one there says nothing.
    expect(changeAnnouncements(before, before, 'me')).toEqual([]);
  });

  it('reads many changes as the first few and a count', () => {
    expect(summariseChanges(['a', 'b', 'c', 'd', 'e'])).toBe('a b c And 2 more changes.');
    expect(summariseChanges(['a', 'b'])).toBe('a b');
  });
});
