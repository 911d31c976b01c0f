import type { Change } from '../cards/changeKinds.js';
import {
  type Case,
  cardAdded,
  cardId,
  facilitator,
  family,
  network,
  practitioner,
  viewer,
} from './permissionCases.fixture.js';

/** Test-only: the child's words on the map (issue 14, [AC52]): who marks a card as a child's words. */
const quote = (over: Partial<Extract<Change, { kind: 'card-quote' }>> = {}): Change => ({
  kind: 'card-quote',
  cardId,
  authorId: 'family',
  set: true,
  person: 'child',
  onNewCard: false,
  ...over,
});
const cleared = quote({ set: false, person: null });

export const quoteCases: Case[] = [
  {
    rule: 'AC52',
    does: "a practitioner marks a parent's card as a child's own words",
    actor: practitioner,
    changes: [quote()],
    refused: false,
  },
  {
    rule: 'AC52',
    does: "a facilitator clears the child's-words mark on a practitioner's card",
    actor: facilitator,
    changes: [quote({ set: false, person: null, authorId: 'practitioner' })],
    refused: false,
  },
  {
    rule: 'AC52',
    does: 'a practitioner adds their own card that quotes a child',
    actor: practitioner,
    changes: [
      cardAdded({ authorId: 'practitioner', authorRole: 'practitioner' }),
      quote({ authorId: 'practitioner', onNewCard: true }),
    ],
    refused: false,
  },
  {
    rule: 'AC52',
    does: 'a facilitator moves back a card quoting a child no longer of the case',
    actor: facilitator,
    changes: [quote({ person: 'none', onNewCard: true })],
    refused: false,
  },
  {
    rule: 'AC52',
    does: 'a practitioner quotes a professionals-only card (the restricted document has no people)',
    actor: practitioner,
    changes: [quote({ person: 'none' })],
    document: 'restricted',
    refused: false,
  },
  {
    rule: 'AC52',
    does: 'a practitioner marks a card on a locked board',
    actor: practitioner,
    changes: [quote()],
    locked: true,
    refused: false,
  },
  {
    rule: 'AC52',
    does: "a family member marks their own card as their child's words",
    actor: family,
    changes: [quote()],
    refused: true,
  },
  {
    rule: 'AC52',
    does: "a network member clears the child's-words mark",
    actor: network,
    changes: [cleared],
    refused: true,
  },
  {
    rule: 'AC52',
    does: 'a family member adds a card that already quotes a child',
    actor: family,
    changes: [cardAdded(), quote({ onNewCard: true })],
    refused: true,
  },
  {
    rule: 'AC52',
    does: 'a practitioner quotes an adult of the case',
    actor: practitioner,
    changes: [quote({ person: 'other' })],
    refused: true,
  },
  {
    rule: 'AC52',
    does: 'a practitioner quotes someone who is not a person of the case',
    actor: practitioner,
    changes: [quote({ person: 'none' })],
    refused: true,
  },
  {
    rule: 'AC52',
    does: 'a facilitator adds a card quoting an adult of the case',
    actor: facilitator,
    changes: [quote({ person: 'other', onNewCard: true })],
    refused: true,
  },
  {
    rule: 'AC1',
    does: "the wall screen marks a card as a child's words",
    actor: viewer,
    changes: [quote()],
    refused: true,
  },
];
