import { deleteCard, moveCard, setCardText } from '@kinmap/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOnDemandWords } from '../lib/messages';
import { announcement, remoteChanges } from './announce';
import { BoardFixture } from './boardFixture';

// The outline's words load with it, on demand.
beforeAll(() => loadOnDemandWords());

describe('remoteChanges', () => {
  it('names who added a card and where, without the card’s words', () => {
    const board = new BoardFixture();
    const sam = board.person('Sam', 'facilitator');
    const before = board.state();
    board.card(sam, 'harm', 'Dad pushed Mia');
    const changes = remoteChanges(before, board.state());
    expect(changes).toEqual([{ kind: 'added', by: 'Sam', category: 'harm' }]);
    const spoken = announcement(changes);
    expect(spoken).toBe('Sam added a card to Harm.');
    expect(spoken).not.toContain('Mia');
  });

  it('reports cards moved to another section and cards removed, but not edits', () => {
    const board = new BoardFixture();
    const sam = board.person('Sam', 'facilitator');
    const moved = board.card(sam, 'harm', 'a');
    const removed = board.card(sam, 'nextStep', 'b');
    const edited = board.card(sam, 'existingSafety', 'c');
    const before = board.state();
    moveCard(board.doc, sam, moved, { category: 'complicatingFactor', index: 0 });
    deleteCard(board.doc, sam, removed);
    setCardText(board.doc, sam, edited, 'c, changed');
    expect(announcement(remoteChanges(before, board.state()))).toBe(
      'A card moved from Harm to Complicating factors. A card was removed from Next steps.',
    );
  });

  it('says nothing when nothing was added, moved or removed', () => {
    const board = new BoardFixture();
    const state = board.state();
    expect(announcement(remoteChanges(state, state))).toBe('');
  });

  it('keeps a burst of changes short', () => {
    const board = new BoardFixture();
    const sam = board.person('Sam', 'facilitator');
    const before = board.state();
    for (const text of ['a', 'b', 'c', 'd', 'e']) board.card(sam, 'harm', text);
    expect(announcement(remoteChanges(before, board.state()))).toBe(
      'Sam added a card to Harm. Sam added a card to Harm. Sam added a card to Harm. And 2 more changes.',
    );
  });
});
