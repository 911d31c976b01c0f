import { addPerson, deleteCard, diffBoards, rate, type ScaleId, setCardText } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { BoardFixture } from '../outline/boardFixture';
import {
  cardsToBringBack,
  changeCount,
  compareBoard,
  highlightsOf,
  personOf,
  restoreSource,
  scaleName,
  shortHash,
} from './compare';

/** A board at a meeting, then changed: one card edited, one added, one deleted. */
function meetingThenChanges() {
  const board = new BoardFixture();
  const sam = board.person('Sam', 'facilitator');
  const edited = board.card(sam, 'harm', 'Dad pushed Mia');
  const gone = board.card(sam, 'existingStrength', 'Nan takes Mia to school');
  const { pairId, dangerStatementId, safetyGoalId } = board.pair(
    sam,
    'Mia could be hurt again',
    'Mia is safe',
  );
  const atMeeting = board.state();
  setCardText(board.doc, sam, edited, 'Dad pushed Mia on Friday');
  const added = board.card(sam, 'nextStep', 'Nan visits on Sunday');
  deleteCard(board.doc, sam, gone);
  // A removed card that was paired: its ghost must not claim a pair the later board lacks.
  deleteCard(board.doc, sam, dangerStatementId);
  // (Which leaves its safety goal unpaired: changed.)
  return { atMeeting, now: board.state(), edited, added, gone, pairId, dangerStatementId, safetyGoalId, sam };
}

describe('highlightsOf', () => {
  it('marks added, changed and removed cards, and nothing else', () => {
    const { atMeeting, now, edited, added, gone, dangerStatementId, safetyGoalId } = meetingThenChanges();
    const marks = highlightsOf(diffBoards(atMeeting, now));
    expect(Object.fromEntries(marks)).toEqual({
      [edited]: 'changed',
      [safetyGoalId]: 'changed',
      [added]: 'added',
      [gone]: 'removed',
      [dangerStatementId]: 'removed',
    });
  });
});

describe('compareBoard', () => {
  it('draws the later board with the removed cards as unpaired ghosts in their old sections', () => {
    const { atMeeting, now, gone, dangerStatementId } = meetingThenChanges();
    const drawn = compareBoard(now, diffBoards(atMeeting, now));
    expect(drawn.cards[gone]).toEqual(atMeeting.cards[gone]);
    expect(drawn.cards[dangerStatementId]?.pairId).toBeNull();
    expect(drawn.cards[dangerStatementId]?.category).toBe('dangerStatement');
    expect(Object.keys(drawn.cards).length).toBe(Object.keys(now.cards).length + 2);
    expect(drawn.pairs).toBe(now.pairs);
  });

  it('returns the later board itself when nothing was removed', () => {
    const { now } = meetingThenChanges();
    expect(compareBoard(now, diffBoards(now, now))).toBe(now);
  });
});

describe('bringing cards back', () => {
  it('brings back from the earlier side when it is a version, else from the later one', () => {
    expect(restoreSource('v1', null)).toEqual({ versionId: 'v1', side: 'before' });
    expect(restoreSource('v1', 'v2')).toEqual({ versionId: 'v1', side: 'before' });
    expect(restoreSource(null, 'v2')).toEqual({ versionId: 'v2', side: 'after' });
    expect(restoreSource(null, null)).toBeNull();
  });

  it('offers only the cards that exist in the version they come back from', () => {
    const { atMeeting, now, edited, added, gone, dangerStatementId, safetyGoalId } = meetingThenChanges();
    const inVersion = [edited, gone, dangerStatementId, safetyGoalId].sort();
    const forward = diffBoards(atMeeting, now);
    expect([...cardsToBringBack(forward, 'before')].sort()).toEqual(inVersion);
    // "Now" first, the version second: the version's cards are the "added" ones.
    const backward = diffBoards(now, atMeeting);
    expect([...cardsToBringBack(backward, 'after')].sort()).toEqual(inVersion);
    expect(cardsToBringBack(forward, 'before').has(added)).toBe(false);
  });
});

describe('names in the list', () => {
  it('names the overall scale, a pair by its number, and a pair gone from both as unnumbered', () => {
    const { atMeeting, now, pairId } = meetingThenChanges();
    expect(scaleName('overall', atMeeting, now)).toEqual({ kind: 'overall' });
    expect(scaleName(pairId, atMeeting, now)).toEqual({
      kind: 'pair',
      number: 1,
      dangerStatement: 'Mia could be hurt again',
    });
    expect(scaleName('nope', atMeeting, now)).toEqual({ kind: 'pair', number: null, dangerStatement: '' });
  });

  it('finds a person on either side', () => {
    const { atMeeting, now, sam } = meetingThenChanges();
    expect(personOf(sam.participantId, atMeeting, now)).toEqual({ name: 'Sam', role: 'facilitator' });
    expect(personOf('someone-else', atMeeting, now)).toBeNull();
  });

  it('counts every difference a reader would see, and shortens a fingerprint', () => {
    const board = new BoardFixture();
    const sam = board.person('Sam', 'facilitator');
    board.card(sam, 'harm', 'Dad pushed Mia');
    const before = board.state();
    expect(rate(board.doc, sam, 'overall' as ScaleId, { value: 3, reason: 'Nan helps' }).ok).toBe(true);
    board.card(sam, 'harm', 'Mum shouted');
    const diff = diffBoards(before, board.state());
    expect(changeCount(diff)).toBe(2);
    expect(changeCount(diffBoards(before, before))).toBe(0);
    // Issue 14: a child added to the case counts too.
    const now = board.state();
    expect(addPerson(board.doc, sam, { name: 'Jo', age: 9 }).ok).toBe(true);
    expect(changeCount(diffBoards(now, board.state()))).toBe(1);
    expect(shortHash('0123456789abcdef')).toBe('01234567');
  });
});
