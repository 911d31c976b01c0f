import type { Change } from '../cards/changeKinds.js';
import {
  type Case,
  facilitator,
  family,
  network,
  practitioner,
  rating,
  ratingRemoved,
  viewer,
} from './permissionCases.fixture.js';

/** Test-only: the people of the case and scores recorded for them (issue 14, [AC46], [AC47]). */
const child = 'child-1';
const personAdded: Change = { kind: 'person-added', personId: child };
const personRemoved: Change = { kind: 'person-removed', personId: child };
const personField = (field: string): Change => ({ kind: 'person-field', personId: child, field });
const recorded = (by: string | undefined, mode = 'revealed') =>
  rating(child, mode, { recordedBy: by, forPerson: true });

export const peopleCases: Case[] = [
  {
    rule: 'AC46',
    does: 'a practitioner adds a child of the case',
    actor: practitioner,
    changes: [personAdded],
    refused: false,
  },
  {
    rule: 'AC46',
    does: "a facilitator changes a child's age",
    actor: facilitator,
    changes: [personField('age')],
    refused: false,
  },
  {
    rule: 'AC46',
    does: 'a family member adds a person of the case',
    actor: family,
    changes: [personAdded],
    refused: true,
  },
  {
    rule: 'AC46',
    does: 'a network member renames a child',
    actor: network,
    changes: [personField('name')],
    refused: true,
  },
  {
    rule: 'AC19',
    does: "a practitioner rewrites a person's id",
    actor: practitioner,
    changes: [personField('id')],
    refused: true,
  },
  {
    rule: 'AC46',
    does: 'a practitioner removes a child and the score recorded for them, in one update',
    actor: practitioner,
    changes: [
      personRemoved,
      ratingRemoved(child, 'revealed', { recordedBy: 'facilitator', forPerson: false }),
    ],
    refused: false,
  },
  {
    rule: 'AC46',
    does: 'a family member removes a child together with their recorded score',
    actor: family,
    changes: [
      personRemoved,
      ratingRemoved(child, 'revealed', { recordedBy: 'practitioner', forPerson: false }),
    ],
    refused: true,
  },
  {
    rule: 'AC47',
    does: 'a practitioner records a score for a child without a device, in their own name',
    actor: practitioner,
    changes: [recorded('practitioner')],
    refused: false,
  },
  {
    rule: 'AC47',
    does: 'a practitioner records a score for a child in the facilitator’s name',
    actor: practitioner,
    changes: [recorded('facilitator')],
    refused: true,
  },
  {
    rule: 'AC47',
    does: 'a facilitator records a score for a child without saying who recorded it',
    actor: facilitator,
    changes: [recorded(undefined)],
    refused: true,
  },
  {
    rule: 'AC47',
    does: 'a family member records a score for their child',
    actor: family,
    changes: [recorded('family')],
    refused: true,
  },
  {
    rule: 'AC8',
    does: 'a practitioner writes a recorded score while the scale collects privately',
    actor: practitioner,
    changes: [recorded('practitioner', 'private')],
    refused: true,
  },
  {
    rule: 'AC47',
    does: 'a family member marks their own score as recorded by someone',
    actor: family,
    changes: [rating('family', 'revealed', { recordedBy: 'family' })],
    refused: true,
  },
  {
    rule: 'AC47',
    does: 'a facilitator withdraws a score a practitioner recorded for a child',
    actor: facilitator,
    changes: [ratingRemoved(child, 'revealed', { recordedBy: 'practitioner', forPerson: true })],
    refused: false,
  },
  {
    rule: 'AC48',
    does: 'a family member staff linked to the person takes over the score written down for them',
    actor: family,
    changes: [
      rating('family'),
      ratingRemoved(child, 'revealed', { recordedBy: 'practitioner', forPerson: true, linkedTo: 'family' }),
    ],
    refused: false,
  },
  {
    rule: 'AC47',
    does: 'a family member removes the score written down for a person linked to someone else',
    actor: family,
    changes: [
      ratingRemoved(child, 'revealed', { recordedBy: 'practitioner', forPerson: true, linkedTo: 'network' }),
    ],
    refused: true,
  },
  {
    rule: 'AC1',
    does: 'a viewer linked to the person takes over their written-down score',
    actor: viewer,
    changes: [
      ratingRemoved(child, 'revealed', { recordedBy: 'practitioner', forPerson: true, linkedTo: 'viewer' }),
    ],
    refused: true,
  },
  {
    rule: 'AC47',
    does: 'a network member withdraws the score recorded for a child',
    actor: network,
    changes: [ratingRemoved(child, 'revealed', { recordedBy: 'practitioner', forPerson: true })],
    refused: true,
  },
];
