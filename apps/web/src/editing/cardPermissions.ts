import { type CardState, may, type Role } from '@kinmap/model';

/** Who is asking: their member id on the board and their role. */
export interface Asker {
  readonly participantId: string;
  readonly role: Role;
}

/**
 * What the screens offer follows the server's permission matrix (docs/SPEC.md, AC rules), so a
 * person is never offered a change the server would refuse (a refusal ends their connection and
 * re-syncs their board).
 */

/** [AC4][AC5] Anyone who writes may move or delete their own card; only staff may do it to others'. */
export function mayMoveOrDelete(card: Pick<CardState, 'authorId'>, actor: Asker): boolean {
  return may(actor.role, card.authorId === actor.participantId ? 'AC4' : 'AC5');
}

/** [AC6] Only staff hide a card from the family (moving it into the restricted document) and back. */
export function mayMarkProfessionalsOnly(actor: Pick<Asker, 'role'>): boolean {
  return may(actor.role, 'AC6');
}

/** [AC3][AC30] One edits the text of one's own card; staff may change anyone's (recorded as theirs). */
export function mayEditText(card: Pick<CardState, 'authorId'>, actor: Asker): boolean {
  return may(actor.role, card.authorId === actor.participantId ? 'AC3' : 'AC30');
}

/** [AC32][AC33] The card's author, or staff, accept or decline what others suggest. */
export function maySettleSuggestions(card: Pick<CardState, 'authorId'>, actor: Asker): boolean {
  return may(actor.role, card.authorId === actor.participantId ? 'AC32' : 'AC33');
}

/** [AC52] Only staff mark a card as a child's own words, on a card they may edit. */
export function mayQuoteChild(card: Pick<CardState, 'authorId'>, actor: Asker): boolean {
  return may(actor.role, 'AC52') && mayEditText(card, actor);
}

/** [AC11] While the board is locked, only those who may write to a locked board write. */
export function mayWriteBoard(locked: boolean, actor: Pick<Asker, 'role'>): boolean {
  return may(actor.role, 'AC1') && (!locked || may(actor.role, 'AC11'));
}

/** [AC10] Who locks and unlocks the board. */
export function mayLock(actor: Pick<Asker, 'role'>): boolean {
  return may(actor.role, 'AC10');
}
