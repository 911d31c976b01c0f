import { describe, expect, it } from 'vitest';
import type { Change } from '../cards/changeKinds.js';
import { asCardId, asParticipantId } from '../doc/ids.js';
import type { Role } from '../doc/types.js';
import { type BoardDocument, type ChangeActor, checkChanges } from './permissions.js';
import { PERMISSION_MATRIX, type PermissionRuleId } from './policy.js';

const who = (role: Role, id = role): ChangeActor => ({ participantId: asParticipantId(id), role });
const facilitator = who('facilitator');
const practitioner = who('practitioner');
const family = who('family');
const network = who('network');
const viewer = who('viewer');
const open = { locked: false };

const cardId = asCardId('card-1');
const cardAdded = (over: Partial<Extract<Change, { kind: 'card-added' }>> = {}): Change => ({
  kind: 'card-added',
  cardId,
  category: 'harm',
  authorId: 'family',
  authorRole: 'family',
  professionalsOnly: false,
  markedBy: [],
  ...over,
});
const removed = (authorId: string, id = cardId): Change => ({
  kind: 'card-removed',
  cardId: id,
  authorId,
  category: 'harm',
});
const moved = (authorId: string): Change => ({ kind: 'card-moved', cardId, authorId, category: 'nextStep' });
const field = (name: Extract<Change, { kind: 'card-field' }>['field'], authorId = 'someone'): Change => ({
  kind: 'card-field',
  cardId,
  field: name,
  authorId,
  category: 'harm',
});
const rating = (participantId: string, mode = 'revealed'): Change => ({
  kind: 'rating-set',
  scaleId: 'overall',
  participantId,
  value: 6,
  mode,
});
const mode: Change = { kind: 'scale-mode', scaleId: 'overall', mode: 'private' };

/** One row of the matrix: who does what, and the verdict (a rule id when refused). */
interface Case {
  readonly rule: PermissionRuleId;
  readonly does: string;
  readonly actor: ChangeActor;
  readonly changes: readonly Change[];
  readonly locked?: boolean;
  readonly document?: BoardDocument;
  readonly refused: boolean;
}

const cases: Case[] = [
  {
    rule: 'AC1',
    does: 'a viewer edits a card',
    actor: viewer,
    changes: [{ kind: 'card-text', cardId, authorId: 'x' }],
    refused: true,
  },
  {
    rule: 'AC1',
    does: 'a network member edits a card',
    actor: network,
    changes: [{ kind: 'card-text', cardId, authorId: 'x' }],
    refused: false,
  },
  {
    rule: 'AC2',
    does: 'a family member adds a card authored by themselves',
    actor: family,
    changes: [cardAdded()],
    refused: false,
  },
  {
    rule: 'AC2',
    does: 'a family member adds a card authored by someone else',
    actor: family,
    changes: [cardAdded({ authorId: 'practitioner' })],
    refused: true,
  },
  {
    rule: 'AC2',
    does: 'a family member adds a card claiming a staff role',
    actor: family,
    changes: [cardAdded({ authorRole: 'practitioner' })],
    refused: true,
  },
  {
    rule: 'AC3',
    does: "a family member edits a practitioner's card text",
    actor: family,
    changes: [{ kind: 'card-text', cardId, authorId: 'practitioner' }, field('updatedAt', 'practitioner')],
    refused: false,
  },
  {
    rule: 'AC4',
    does: 'a family member deletes their own card',
    actor: family,
    changes: [removed('family')],
    refused: false,
  },
  {
    rule: 'AC4',
    does: 'a network member moves their own card',
    actor: network,
    changes: [moved('network'), field('order', 'network')],
    refused: false,
  },
  {
    rule: 'AC4',
    does: 'a family member renumbers siblings while placing their own card',
    actor: family,
    changes: [cardAdded(), field('order', 'practitioner')],
    refused: false,
  },
  {
    rule: 'AC5',
    does: "a family member deletes another person's card",
    actor: family,
    changes: [removed('practitioner')],
    refused: true,
  },
  {
    rule: 'AC5',
    does: "a network member moves another person's card",
    actor: network,
    changes: [moved('family')],
    refused: true,
  },
  {
    rule: 'AC5',
    does: "a family member reorders another person's card",
    actor: family,
    changes: [field('order', 'practitioner')],
    refused: true,
  },
  {
    rule: 'AC5',
    does: "a practitioner deletes a family member's card",
    actor: practitioner,
    changes: [removed('family')],
    refused: false,
  },
  {
    rule: 'AC6',
    does: 'a family member adds a card to the restricted document',
    actor: family,
    document: 'restricted',
    changes: [cardAdded({ professionalsOnly: true })],
    refused: true,
  },
  {
    rule: 'AC6',
    does: 'a family member edits a card in the restricted document',
    actor: family,
    document: 'restricted',
    changes: [{ kind: 'card-text', cardId, authorId: 'practitioner' }],
    refused: true,
  },
  {
    rule: 'AC6',
    does: 'a practitioner adds a professionals-only card to the restricted document',
    actor: practitioner,
    document: 'restricted',
    changes: [cardAdded({ authorId: 'practitioner', authorRole: 'practitioner', professionalsOnly: true })],
    refused: false,
  },
  {
    rule: 'AC6',
    does: "a practitioner moves a family member's marked card into the restricted document",
    actor: practitioner,
    document: 'restricted',
    changes: [cardAdded({ professionalsOnly: true, markedBy: ['family', 'network'] })],
    refused: false,
  },
  {
    rule: 'AC6',
    does: "a facilitator moves a family member's card back into the shared document",
    actor: facilitator,
    changes: [cardAdded({ markedBy: ['family'] })],
    refused: false,
  },
  {
    rule: 'AC2',
    does: 'a family member adds a card authored by someone else, as if moving it',
    actor: family,
    changes: [cardAdded({ authorId: 'practitioner', authorRole: 'practitioner' })],
    refused: true,
  },
  {
    rule: 'AC20',
    does: 'a family member adds a professionals-only card to the shared document',
    actor: family,
    changes: [cardAdded({ professionalsOnly: true })],
    refused: true,
  },
  {
    rule: 'AC20',
    does: 'a facilitator adds a professionals-only card to the shared document',
    actor: facilitator,
    changes: [cardAdded({ authorId: 'facilitator', authorRole: 'facilitator', professionalsOnly: true })],
    refused: true,
  },
  {
    rule: 'AC20',
    does: "a practitioner flips a shared card's professionalsOnly flag",
    actor: practitioner,
    changes: [field('professionalsOnly')],
    refused: true,
  },
  {
    rule: 'AC20',
    does: "a practitioner flips a restricted card's professionalsOnly flag",
    actor: practitioner,
    document: 'restricted',
    changes: [field('professionalsOnly')],
    refused: true,
  },
  {
    rule: 'AC21',
    does: 'a practitioner adds an unflagged card to the restricted document',
    actor: practitioner,
    document: 'restricted',
    changes: [cardAdded({ authorId: 'practitioner', authorRole: 'practitioner' })],
    refused: true,
  },
  {
    rule: 'AC21',
    does: 'a facilitator pairs a card in the restricted document',
    actor: facilitator,
    document: 'restricted',
    changes: [field('pairId')],
    refused: true,
  },
  {
    rule: 'AC21',
    does: 'a facilitator writes the plan into the restricted document',
    actor: facilitator,
    document: 'restricted',
    changes: [{ kind: 'plan-field', field: 'bottomLines' }],
    refused: true,
  },
  {
    rule: 'AC21',
    does: 'a practitioner moves and marks a card in the restricted document',
    actor: practitioner,
    document: 'restricted',
    changes: [moved('family'), { kind: 'mark-set', cardId, participantId: 'practitioner', mark: 'agree' }],
    refused: false,
  },
  {
    rule: 'AC7',
    does: 'a family member sets their own mark',
    actor: family,
    changes: [{ kind: 'mark-set', cardId, participantId: 'family', mark: 'agree' }],
    refused: false,
  },
  {
    rule: 'AC7',
    does: "a facilitator sets someone else's mark",
    actor: facilitator,
    changes: [{ kind: 'mark-set', cardId, participantId: 'family', mark: 'agree' }],
    refused: true,
  },
  {
    rule: 'AC7',
    does: "a family member adds a card carrying someone else's mark",
    actor: family,
    changes: [cardAdded({ markedBy: ['practitioner'] })],
    refused: true,
  },
  {
    rule: 'AC8',
    does: 'a network member rates on their own key',
    actor: network,
    changes: [rating('network')],
    refused: false,
  },
  {
    rule: 'AC8',
    does: "a facilitator writes someone else's rating",
    actor: facilitator,
    changes: [rating('family')],
    refused: true,
  },
  {
    rule: 'AC8',
    does: 'a family member writes a rating value while the scale is private',
    actor: family,
    changes: [rating('family', 'private')],
    refused: true,
  },
  {
    rule: 'AC8',
    does: "a practitioner clears someone else's rating",
    actor: practitioner,
    changes: [
      { kind: 'rating-removed', scaleId: 'overall', participantId: 'family', value: 3, mode: 'revealed' },
    ],
    refused: true,
  },
  {
    rule: 'AC9',
    does: 'a practitioner sets a scale mode',
    actor: practitioner,
    changes: [mode],
    refused: true,
  },
  {
    rule: 'AC9',
    does: "a facilitator opens a private round, clearing everyone's ratings and scored list",
    actor: facilitator,
    changes: [
      mode,
      { kind: 'rating-removed', scaleId: 'overall', participantId: 'family', value: 3, mode: 'private' },
      { kind: 'scored-removed', scaleId: 'overall', participantId: 'family' },
    ],
    refused: false,
  },
  {
    rule: 'AC9',
    does: 'a family member removes the overall scale',
    actor: family,
    changes: [{ kind: 'scale-removed', scaleId: 'overall' }],
    refused: true,
  },
  {
    rule: 'AC10',
    does: 'a practitioner locks the board',
    actor: practitioner,
    changes: [{ kind: 'meta-field', field: 'locked', value: true }],
    refused: true,
  },
  {
    rule: 'AC10',
    does: 'a facilitator locks the board',
    actor: facilitator,
    changes: [{ kind: 'meta-field', field: 'locked', value: true }],
    refused: false,
  },
  {
    rule: 'AC11',
    does: 'a practitioner edits a locked board',
    actor: practitioner,
    changes: [{ kind: 'plan-field', field: 'bottomLines' }],
    locked: true,
    refused: true,
  },
  {
    rule: 'AC11',
    does: 'a facilitator edits a locked board',
    actor: facilitator,
    changes: [{ kind: 'plan-field', field: 'bottomLines' }],
    locked: true,
    refused: false,
  },
  {
    rule: 'AC12',
    does: 'a family member edits the plan and adds a network member and a rule',
    actor: family,
    changes: [
      { kind: 'plan-field', field: 'reviewDate' },
      { kind: 'network-added', memberId: 'm' },
      { kind: 'rule-added', ruleId: 'r' },
      { kind: 'rule-field', ruleId: 'r', field: 'text' },
    ],
    refused: false,
  },
  {
    rule: 'AC1',
    does: 'a viewer edits the plan (AC1 comes first for every viewer write)',
    actor: viewer,
    changes: [{ kind: 'plan-field', field: 'reviewDate' }],
    refused: true,
  },
  {
    rule: 'AC13',
    does: 'a family member removes a rule',
    actor: family,
    changes: [{ kind: 'rule-removed', ruleId: 'r' }],
    refused: true,
  },
  {
    rule: 'AC13',
    does: 'a practitioner removes a network member',
    actor: practitioner,
    changes: [{ kind: 'network-removed', memberId: 'm' }],
    refused: false,
  },
  {
    rule: 'AC14',
    does: 'a family member pairs two cards',
    actor: family,
    changes: [
      { kind: 'pair-added', pairId: 'p', cardIds: ['a', 'b'] },
      { kind: 'scale-added', scaleId: 'p' },
      field('pairId'),
    ],
    refused: false,
  },
  {
    rule: 'AC9',
    does: 'a family member adds a scale without a pair',
    actor: family,
    changes: [{ kind: 'scale-added', scaleId: 'p' }],
    refused: true,
  },
  {
    rule: 'AC15',
    does: 'a family member unpairs',
    actor: family,
    changes: [
      { kind: 'pair-removed', pairId: 'p', cardIds: ['a', 'b'] },
      { kind: 'scale-removed', scaleId: 'p' },
    ],
    refused: true,
  },
  {
    rule: 'AC15',
    does: 'a family member deletes their own paired card, removing its pair',
    actor: family,
    changes: [
      removed('family', asCardId('a')),
      { kind: 'pair-removed', pairId: 'p', cardIds: ['a', 'b'] },
      { kind: 'scale-removed', scaleId: 'p' },
    ],
    refused: false,
  },
  {
    rule: 'AC15',
    does: 'a practitioner unpairs',
    actor: practitioner,
    changes: [
      { kind: 'pair-removed', pairId: 'p', cardIds: ['a', 'b'] },
      { kind: 'scale-removed', scaleId: 'p' },
    ],
    refused: false,
  },
  {
    rule: 'AC16',
    does: 'a family member renames the board',
    actor: family,
    changes: [{ kind: 'meta-field', field: 'title', value: undefined }],
    refused: true,
  },
  {
    rule: 'AC16',
    does: 'a practitioner renames the board',
    actor: practitioner,
    changes: [{ kind: 'meta-field', field: 'title', value: undefined }],
    refused: false,
  },
  {
    rule: 'AC17',
    does: 'a facilitator writes a participant',
    actor: facilitator,
    changes: [{ kind: 'participant-written', participantId: 'facilitator' }],
    refused: true,
  },
  {
    rule: 'AC17',
    does: 'a facilitator writes the scored list',
    actor: facilitator,
    changes: [{ kind: 'scored-set', scaleId: 'overall', participantId: 'facilitator' }],
    refused: true,
  },
  {
    rule: 'AC17',
    does: 'a facilitator rewrites schemaVersion',
    actor: facilitator,
    changes: [{ kind: 'meta-field', field: 'schemaVersion', value: 9 }],
    refused: true,
  },
  {
    rule: 'AC18',
    does: "a facilitator rewrites a card's author",
    actor: facilitator,
    changes: [field('authorId')],
    refused: true,
  },
  {
    rule: 'AC19',
    does: 'a facilitator writes a new top-level map',
    actor: facilitator,
    changes: [{ kind: 'unknown', path: ['evil', 'x'], reason: 'outside the board layout' }],
    refused: true,
  },
];

describe('checkChanges', () => {
  it.each(cases)('[$rule] $does: refused=$refused', ({ rule, actor, changes, locked, document, refused }) => {
    const verdict = checkChanges(changes, actor, { locked: locked ?? false, document: document ?? 'shared' });
    if (refused) expect(verdict).toMatchObject({ ok: false, rule });
    else expect(verdict).toEqual({ ok: true });
  });

  it('allows an update that changes nothing, from anyone', () => {
    expect(checkChanges([], viewer, { locked: true })).toEqual({ ok: true });
  });

  it('gives a reason a person can read, naming neither card text nor names', () => {
    expect(checkChanges([removed('practitioner')], family, open)).toEqual({
      ok: false,
      rule: 'AC5',
      reason: "family may not delete another person's card",
    });
  });

  it('skips only the checks against one’s own id for a connection without a participant id', () => {
    const legacy: ChangeActor = { role: 'family' };
    expect(checkChanges([removed('practitioner')], legacy, open)).toEqual({ ok: true });
    expect(checkChanges([cardAdded({ authorId: 'anyone' })], legacy, open)).toEqual({ ok: true });
    expect(checkChanges([mode], legacy, open)).toMatchObject({ ok: false, rule: 'AC9' });
    expect(checkChanges([cardAdded({ authorRole: 'facilitator' })], legacy, open)).toMatchObject({
      rule: 'AC2',
    });
  });

  it('cites every rule of the matrix in at least one allowed or refused case', () => {
    const cited = new Set(cases.map((c) => c.rule));
    expect([...cited].sort()).toEqual(Object.keys(PERMISSION_MATRIX).sort());
  });
});
