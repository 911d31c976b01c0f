import type { Change } from '../cards/changeKinds.js';
import { asCardId, asParticipantId } from '../doc/ids.js';
import type { Role } from '../doc/types.js';
import type { BoardDocument, ChangeActor } from './permissions.js';
import type { PermissionRuleId } from './policy.js';

/** Test-only: the actors and changes the permission cases are made of (permissions.test.ts). */
export const who = (role: Role, id = role): ChangeActor => ({ participantId: asParticipantId(id), role });
export const facilitator = who('facilitator');
export const practitioner = who('practitioner');
export const family = who('family');
export const network = who('network');
export const viewer = who('viewer');
export const open = { locked: false };

export const cardId = asCardId('card-1');
export const cardAdded = (over: Partial<Extract<Change, { kind: 'card-added' }>> = {}): Change => ({
  kind: 'card-added',
  cardId,
  category: 'harm',
  authorId: 'family',
  authorRole: 'family',
  professionalsOnly: false,
  markedBy: [],
  ...over,
});
export const removed = (authorId: string, id = cardId): Change => ({
  kind: 'card-removed',
  cardId: id,
  authorId,
  category: 'harm',
});
export const moved = (authorId: string): Change => ({
  kind: 'card-moved',
  cardId,
  authorId,
  category: 'nextStep',
});
export const field = (
  name: Extract<Change, { kind: 'card-field' }>['field'],
  authorId = 'someone',
): Change => ({
  kind: 'card-field',
  cardId,
  field: name,
  authorId,
  category: 'harm',
});
export const rating = (
  participantId: string,
  mode = 'revealed',
  over: { recordedBy?: string; forPerson?: boolean; linkedTo?: string } = {},
): Change => ({
  kind: 'rating-set',
  scaleId: 'overall',
  participantId,
  value: 6,
  mode,
  recordedBy: over.recordedBy,
  forPerson: over.forPerson ?? false,
  linkedTo: over.linkedTo,
});
export const ratingRemoved = (
  participantId: string,
  mode = 'revealed',
  over: { recordedBy?: string; forPerson?: boolean; linkedTo?: string } = {},
): Change => ({
  kind: 'rating-removed',
  scaleId: 'overall',
  participantId,
  value: 3,
  mode,
  recordedBy: over.recordedBy,
  forPerson: over.forPerson ?? false,
  linkedTo: over.linkedTo,
});
export const mode: Change = { kind: 'scale-mode', scaleId: 'overall', mode: 'private' };

/** One row of the matrix: who does what, and the verdict (a rule id when refused). */
export interface Case {
  readonly rule: PermissionRuleId;
  readonly does: string;
  readonly actor: ChangeActor;
  readonly changes: readonly Change[];
  readonly locked?: boolean;
  readonly document?: BoardDocument;
  readonly refused: boolean;
}
