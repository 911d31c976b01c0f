import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { checkChanges } from '../access/permissions.js';
import { setLocked } from '../doc/board.js';
import { asParticipantId } from '../doc/ids.js';
import { readBoard } from '../doc/read.js';
import type { Actor, CardId } from '../doc/types.js';
import { parent, practitioner, unwrap } from '../test-support.js';
import { addCard, editCardText, setCardText, setMark } from './cards.js';
import { card, setup } from './changes.fixture.js';
import { acceptSuggestion, declineSuggestion, setMarkReason, suggestChange } from './words.js';

const dad: Actor = { participantId: asParticipantId('dad'), role: 'family' };
const chair: Actor = { participantId: asParticipantId('chair'), role: 'facilitator' };
const unlocked = { locked: false };

/** A board with a practitioner's danger statement, and a checker of real updates against the matrix. */
function board() {
  const s = setup();
  const { cardId } = unwrap(
    addCard(s.client, practitioner, { category: 'dangerStatement', text: 'We worry' }),
  );
  const checked = setup(s.client);
  const verdict = (actor: Actor, op: () => unknown, locked = false) =>
    checkChanges(checked.classify(op), actor, { locked });
  return { ...checked, cardId, verdict };
}

const notes = (doc: Y.Doc, id: CardId) => readBoard(doc).cards[id];

describe('whose words: real updates through the classifier and the matrix', () => {
  it("[AC30] a family member's edit of a practitioner's danger statement is refused", () => {
    const b = board();
    const refused = b.verdict(dad, () =>
      editCardText(b.client, dad, b.cardId, { index: 8, deleteCount: 0, insert: ' NOT TRUE' }),
    );
    expect(refused).toMatchObject({ ok: false, rule: 'AC30' });
  });

  it('[AC3] a family member edits their own card', () => {
    const b = board();
    const { cardId } = unwrap(addCard(b.client, dad, { category: 'harm', text: 'x' }));
    const s = setup(b.client);
    const changes = s.classify(() => setCardText(b.client, dad, cardId, 'He was safe'));
    expect(checkChanges(changes, dad, unlocked)).toEqual({ ok: true });
  });

  it('[AC30] a staff edit of another person’s card records the editor, and passes only with that record', () => {
    const b = board();
    const { cardId } = unwrap(addCard(b.client, dad, { category: 'harm', text: 'Dad wrote this' }));
    const s = setup(b.client);
    const changes = s.classify(() =>
      setCardText(b.client, chair, cardId, 'Dad wrote this, edited', { now: 5 }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'card-note', field: 'editedBy', participantId: 'chair', set: true }),
    );
    expect(checkChanges(changes, chair, unlocked)).toEqual({ ok: true });
    expect(notes(b.client, cardId)?.editedBy).toEqual({ chair: 5 });
    // The same text change written by hand, without the record: refused.
    const bare = s.classify(
      () =>
        card(b.client, cardId).get('text') && (card(b.client, cardId).get('text') as Y.Text).insert(0, '!'),
    );
    expect(checkChanges(bare, chair, unlocked)).toMatchObject({ ok: false, rule: 'AC30' });
  });

  it('[AC7] a family member disputes with a reason shown with their id; nobody else writes or removes it', () => {
    const b = board();
    const changes = b.classify(() => setMarkReason(b.client, dad, b.cardId, 'He was never left alone'));
    expect(checkChanges(changes, dad, unlocked)).toEqual({ ok: true });
    const read = notes(b.client, b.cardId);
    expect(read?.marks).toEqual({ dad: 'dispute' });
    expect(read?.reasons).toEqual({ dad: 'He was never left alone' });
    const removal = b.classify(() => setMarkReason(b.client, dad, b.cardId, null));
    expect(checkChanges(removal, practitioner, unlocked)).toMatchObject({ ok: false, rule: 'AC7' });
    const forged = b.classify(() => setMarkReason(b.client, chair, b.cardId, 'forged'));
    expect(checkChanges(forged, dad, unlocked)).toMatchObject({ ok: false, rule: 'AC7' });
    // Agreeing withdraws the reason.
    b.classify(() => setMark(b.client, dad, b.cardId, 'agree'));
    expect(notes(b.client, b.cardId)?.reasons).toEqual({ chair: 'forged' });
  });

  it('[AC19] a reason over 2,000 characters written by hand is refused', () => {
    const b = board();
    const changes = b.classify(() => {
      const reasons = card(b.client, b.cardId).get('reasons') as Y.Map<unknown>;
      reasons.set('dad', 'x'.repeat(2_001));
    });
    expect(checkChanges(changes, dad, unlocked)).toMatchObject({ ok: false, rule: 'AC19' });
  });

  it('[AC31] [AC32] a suggestion accepted by the author replaces the text and records the suggester', () => {
    const b = board();
    const suggest = b.classify(() => suggestChange(b.client, dad, b.cardId, 'We worry, Dad says'));
    expect(checkChanges(suggest, dad, unlocked)).toEqual({ ok: true });
    expect(notes(b.client, b.cardId)?.suggestions).toEqual({ dad: 'We worry, Dad says' });
    // Another family member cannot accept it (the op refuses; a hand-made update is refused too).
    const mum = parent;
    expect(acceptSuggestion(b.client, mum, b.cardId, dad.participantId)).toMatchObject({ ok: false });
    const accept = b.classify(() =>
      acceptSuggestion(b.client, practitioner, b.cardId, dad.participantId, { now: 9 }),
    );
    expect(checkChanges(accept, mum, unlocked)).toMatchObject({ ok: false });
    expect(checkChanges(accept, practitioner, unlocked)).toEqual({ ok: true });
    const read = notes(b.client, b.cardId);
    expect(read?.text).toBe('We worry, Dad says');
    expect(read?.suggestions).toBeUndefined();
    expect(read?.suggestedBy).toEqual({ dad: 9 });
    expect(read?.editedBy).toBeUndefined(); // the author accepted: no "changed by"
  });

  it('[AC33] staff accept on another person’s card (changed by them, suggested by the suggester); a decline keeps the text', () => {
    const b = board();
    b.classify(() => suggestChange(b.client, dad, b.cardId, 'Dad’s words'));
    const declined = b.classify(() =>
      declineSuggestion(b.client, chair, b.cardId, dad.participantId, { staff: true }),
    );
    expect(checkChanges(declined, chair, unlocked)).toEqual({ ok: true });
    expect(checkChanges(declined, parent, unlocked)).toMatchObject({ ok: false, rule: 'AC33' });
    expect(notes(b.client, b.cardId)?.text).toBe('We worry');
    b.classify(() => suggestChange(b.client, dad, b.cardId, 'Dad’s words'));
    const accepted = b.classify(() =>
      acceptSuggestion(b.client, chair, b.cardId, dad.participantId, { staff: true, now: 7 }),
    );
    expect(checkChanges(accepted, chair, unlocked)).toEqual({ ok: true });
    expect(notes(b.client, b.cardId)).toMatchObject({ editedBy: { chair: 7 }, suggestedBy: { dad: 7 } });
  });

  it('[AC34] nobody credits a suggestion that was not accepted, or removes who changed a card', () => {
    const b = board();
    const credit = b.classify(() => {
      (card(b.client, b.cardId).get('text') as Y.Text).insert(0, 'x');
      (card(b.client, b.cardId).get('suggestedBy') as Y.Map<unknown>).set('dad', 1);
    });
    expect(checkChanges(credit, practitioner, unlocked)).toMatchObject({ ok: false, rule: 'AC34' });
  });

  it('[AC10] [AC11] a locked board refuses family edits and keeps staff working', () => {
    const b = board();
    const lock = b.classify(() => setLocked(b.client, chair, true));
    expect(checkChanges(lock, chair, unlocked)).toEqual({ ok: true });
    expect(checkChanges(lock, practitioner, unlocked)).toMatchObject({ ok: false, rule: 'AC10' });
    const mark = b.classify(() => setMarkReason(b.client, dad, b.cardId, 'no'));
    expect(checkChanges(mark, dad, { locked: true })).toMatchObject({ ok: false, rule: 'AC11' });
    const edit = b.classify(() => setCardText(b.client, practitioner, b.cardId, 'We still worry'));
    expect(checkChanges(edit, practitioner, { locked: true })).toEqual({ ok: true });
  });
});
