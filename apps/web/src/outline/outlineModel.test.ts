import { addPerson, moveCard, removePerson, setCardQuote, setMark } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { visibleBoard } from '../board/visibility';
import { BoardFixture } from './boardFixture';
import { categoryOrder, outlineColumns, stepIndex } from './outlineModel';

describe('outlineColumns', () => {
  it('lists the three columns with their categories and cards in board order', () => {
    const board = new BoardFixture();
    const sam = board.person('Sam', 'facilitator');
    board.card(sam, 'harm', 'first');
    board.card(sam, 'harm', 'second');
    board.card(sam, 'nextStep', 'call school');
    const columns = outlineColumns(board.state(), sam.participantId);
    expect(columns.map((c) => c.column)).toEqual(['worries', 'workingWell', 'needsToHappen']);
    expect(columns[0]?.categories.map((c) => c.category)).toEqual([
      'harm',
      'dangerStatement',
      'complicatingFactor',
    ]);
    expect(columns[0]?.categories[0]?.cards.map((c) => c.text)).toEqual(['first', 'second']);
    expect(columns[2]?.categories[1]?.cards.map((c) => c.text)).toEqual(['call school']);
  });

  it('names the author and counts agreement, with my own mark', () => {
    const board = new BoardFixture();
    const sam = board.person('Sam', 'facilitator');
    const alex = board.person('Alex', 'family');
    const jo = board.person('Jo', 'network');
    const id = board.card(sam, 'existingStrength', 'Nan helps');
    setMark(board.doc, alex, id, 'agree');
    setMark(board.doc, jo, id, 'dispute');
    const card = outlineColumns(board.state(), alex.participantId)[1]?.categories[0]?.cards[0];
    expect(card).toMatchObject({
      authorName: 'Sam',
      authorRole: 'facilitator',
      agree: 1,
      dispute: 1,
      myMark: 'agree',
    });
  });

  it("[AC52] says whose own words a card holds, and 'a child' once the child is no longer of the case", () => {
    const board = new BoardFixture();
    const sam = board.person('Sam', 'practitioner');
    const alex = board.person('Alex', 'family');
    const id = board.card(alex, 'harm', 'I get scared at night');
    const plain = () => outlineColumns(board.state(), alex.participantId)[0]?.categories[0]?.cards[0];
    expect(plain()?.childWords).toBe('');
    const add = addPerson(board.doc, sam, { name: 'Jo', age: 9 });
    if (!add.ok) throw new Error(add.reason);
    const jo = add.value.personId;
    setCardQuote(board.doc, sam, id, { personId: jo, toolId: 'tool-1', area: 'worries' });
    expect(plain()?.childWords).toBe('Jo’s words, from the house of worries');
    removePerson(board.doc, sam, jo);
    expect(plain()).toMatchObject({
      text: 'I get scared at night',
      childWords: 'A child’s words, from the house of worries',
    });
  });

  it('shows the partner of a paired card, and hides its words when the partner is professionals only', () => {
    const board = new BoardFixture();
    const sam = board.person('Sam', 'facilitator');
    board.pair(sam, 'Dad may hit Mia', 'Mia is safe at home for 6 months');
    const columns = outlineColumns(board.state(), sam.participantId);
    const danger = columns[0]?.categories[1]?.cards[0];
    expect(danger?.partner).toEqual({ category: 'safetyGoal', text: 'Mia is safe at home for 6 months' });
    const goal = columns[2]?.categories[0]?.cards[0];
    expect(goal?.partner).toEqual({ category: 'dangerStatement', text: 'Dad may hit Mia' });
  });

  it('leaves professionals-only cards out of a family member’s outline', () => {
    const board = new BoardFixture();
    const sam = board.person('Sam', 'practitioner');
    board.card(sam, 'harm', 'police record', true);
    board.card(sam, 'harm', 'open');
    const everything = board.state();
    const columns = outlineColumns(visibleBoard(everything, 'family'), sam.participantId, everything);
    expect(columns[0]?.categories[0]?.cards.map((c) => c.text)).toEqual(['open']);
  });
});

describe('stepIndex', () => {
  it('moves a card one place up or down among the cards this person sees', () => {
    expect(stepIndex(['a', 'b', 'c'], ['a', 'b', 'c'], 'b', 'up')).toBe(0);
    expect(stepIndex(['a', 'b', 'c'], ['a', 'b', 'c'], 'b', 'down')).toBe(2);
    expect(stepIndex(['a', 'b', 'c'], ['a', 'b', 'c'], 'a', 'up')).toBeNull();
    expect(stepIndex(['a', 'b', 'c'], ['a', 'b', 'c'], 'c', 'down')).toBeNull();
  });

  it('steps over a hidden card to the next visible neighbour', () => {
    // 'h' is professionals only: for the family, moving 'c' up puts it before 'a'.
    expect(stepIndex(['a', 'h', 'c'], ['a', 'c'], 'c', 'up')).toBe(0);
    expect(stepIndex(['a', 'h', 'c'], ['a', 'c'], 'a', 'down')).toBe(2);
  });

  it('gives the index moveCard needs to swap two cards on a real board', () => {
    const board = new BoardFixture();
    const sam = board.person('Sam', 'facilitator');
    const first = board.card(sam, 'harm', 'first');
    const second = board.card(sam, 'harm', 'second');
    const third = board.card(sam, 'harm', 'third');
    const order = categoryOrder(board.state(), 'harm');
    const index = stepIndex(order, order, third, 'up');
    if (index === null) throw new Error('no place to move to');
    expect(moveCard(board.doc, sam, third, { category: 'harm', index }).ok).toBe(true);
    expect(categoryOrder(board.state(), 'harm')).toEqual([first, third, second]);
  });
});
