import {
  type Actor,
  addCard,
  type CardId,
  initBoard,
  initRestricted,
  moveToRestricted,
  type ParticipantId,
  readBoard,
} from '@kinmap/model';
import { restrictedRoomName } from '@kinmap/protocol';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectorBoard } from '../map/projector';
import { mayOpenRestricted, mergeBoards, publicCardId, writerForCard } from './bothDocuments';
import { visibleBoard } from './visibility';

const sam: Actor = { participantId: 'sam' as ParticipantId, role: 'practitioner' };

function board() {
  const shared = { doc: new Y.Doc(), actor: sam };
  initBoard(shared.doc, { title: 'Case 9', createdAt: 1 });
  const restricted = { doc: new Y.Doc(), actor: sam };
  initRestricted(restricted.doc, { createdAt: 1 });
  const add = (doc: Y.Doc, text: string, professionalsOnly = false): CardId => {
    const result = addCard(doc, sam, { category: 'harm', text, professionalsOnly });
    if (!result.ok) throw new Error(result.reason);
    return result.value.cardId;
  };
  return { shared, restricted, add };
}

describe('the restricted document on a professional’s screen', () => {
  it('opens only for facilitators and practitioners, at <board>/restricted', () => {
    expect(
      ['facilitator', 'practitioner', 'family', 'network', 'viewer'].filter((r) =>
        mayOpenRestricted(r as never),
      ),
    ).toEqual(['facilitator', 'practitioner']);
    expect(restrictedRoomName('b1')).toBe('b1/restricted');
  });

  it('merges the restricted cards into the shared board, flagged and unpaired', () => {
    const { shared, restricted, add } = board();
    const open = add(shared.doc, 'Gran helps');
    const secret = add(restricted.doc, 'Police record', true);
    const merged = mergeBoards(readBoard(shared.doc), readBoard(restricted.doc));
    expect(Object.keys(merged.cards).sort()).toEqual([open, secret].sort());
    expect(merged.cards[secret]).toMatchObject({
      text: 'Police record',
      professionalsOnly: true,
      pairId: null,
    });
    expect(merged.meta.title).toBe('Case 9');
    expect(mergeBoards(readBoard(shared.doc), null)).toEqual(readBoard(shared.doc));
  });

  it('shows a card found in both documents once, as professionals-only', () => {
    const { shared, restricted, add } = board();
    const id = add(shared.doc, 'Half moved');
    Y.applyUpdate(restricted.doc, Y.encodeStateAsUpdate(shared.doc));
    // Copied as it stood in the shared document: not flagged, yet shown as professionals-only.
    const merged = mergeBoards(readBoard(shared.doc), readBoard(restricted.doc));
    expect(merged.cards[id]?.professionalsOnly).toBe(true);
  });

  it('leaves restricted cards out of the family view and the projector', () => {
    const { shared, restricted, add } = board();
    const secret = add(restricted.doc, 'Police record', true);
    const merged = mergeBoards(readBoard(shared.doc), readBoard(restricted.doc));
    expect(visibleBoard(merged, 'practitioner').cards[secret]).toBeDefined();
    expect(visibleBoard(merged, 'family').cards[secret]).toBeUndefined();
    expect(projectorBoard(merged).cards[secret]).toBeUndefined();
  });

  it('sends a card’s changes to the document that holds it, also after a move', () => {
    const { shared, restricted, add } = board();
    const id = add(shared.doc, 'Was shared');
    expect(writerForCard(shared, restricted, id)).toBe(shared);
    expect(moveToRestricted(shared.doc, restricted.doc, sam, id).ok).toBe(true);
    expect(writerForCard(shared, restricted, id)).toBe(restricted);
    expect(writerForCard(shared, null, id)).toBe(shared);
  });

  it('never publishes a restricted card’s id in presence', () => {
    const { shared, restricted, add } = board();
    const open = add(shared.doc, 'Gran helps');
    const secret = add(restricted.doc, 'Police record', true);
    const merged = mergeBoards(readBoard(shared.doc), readBoard(restricted.doc));
    expect(publicCardId(merged, open)).toBe(open);
    expect(publicCardId(merged, secret)).toBeNull();
    expect(publicCardId(merged, null)).toBeNull();
  });
});
