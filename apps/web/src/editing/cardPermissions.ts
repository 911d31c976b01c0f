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
