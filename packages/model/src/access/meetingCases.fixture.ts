import type { Change } from '../cards/changeKinds.js';
import { type Case, facilitator, family, network, practitioner, viewer } from './permissionCases.fixture.js';

/** Test-only: the meeting tools ([AC40]–[AC45]): the agenda, its timer, the parking lot. */
const agendaAdded: Change = { kind: 'agenda-added', itemId: 'item-1' };
const timer: Change = { kind: 'facilitation-field', field: 'runningSince' };
const parkingAdded = (authorId: string, authorRole: string): Change => ({
  kind: 'parking-added',
  itemId: 'park-1',
  authorId,
  authorRole,
});
const parkingField = (field: string, authorId: string): Change => ({
  kind: 'parking-field',
  itemId: 'park-1',
  field,
  authorId,
});

export const meetingCases: Case[] = [
  {
    rule: 'AC40',
    does: 'a practitioner adds an agenda item',
    actor: practitioner,
    changes: [agendaAdded],
    refused: false,
  },
  {
    rule: 'AC40',
    does: 'a family member adds an agenda item',
    actor: family,
    changes: [agendaAdded],
    refused: true,
  },
  {
    rule: 'AC40',
    does: 'a network member renames an agenda item',
    actor: network,
    changes: [{ kind: 'agenda-field', itemId: 'item-1', field: 'title' }],
    refused: true,
  },
  {
    rule: 'AC40',
    does: 'a family member removes an agenda item',
    actor: family,
    changes: [{ kind: 'agenda-removed', itemId: 'item-1' }],
    refused: true,
  },
  {
    rule: 'AC41',
    does: 'the facilitator starts the timer',
    actor: facilitator,
    changes: [timer],
    refused: false,
  },
  { rule: 'AC41', does: 'a family member starts the timer', actor: family, changes: [timer], refused: true },
  {
    rule: 'AC41',
    does: 'a practitioner starts the timer',
    actor: practitioner,
    changes: [timer],
    refused: true,
  },
  {
    rule: 'AC41',
    does: 'a practitioner ticks off an agenda item',
    actor: practitioner,
    changes: [{ kind: 'agenda-field', itemId: 'item-1', field: 'done' }],
    refused: true,
  },
  {
    rule: 'AC41',
    does: 'a family member puts the summary on the wall',
    actor: family,
    changes: [{ kind: 'facilitation-field', field: 'wall' }],
    refused: true,
  },
  {
    rule: 'AC42',
    does: 'a family member adds to the parking lot in their own name',
    actor: family,
    changes: [parkingAdded('family', 'family')],
    refused: false,
  },
  {
    rule: 'AC42',
    does: "a family member adds to the parking lot in the facilitator's name",
    actor: family,
    changes: [parkingAdded('facilitator', 'facilitator')],
    refused: true,
  },
  {
    rule: 'AC42',
    does: 'a family member adds to the parking lot as a practitioner',
    actor: family,
    changes: [parkingAdded('family', 'practitioner')],
    refused: true,
  },
  {
    rule: 'AC1',
    does: 'the wall adds to the parking lot',
    actor: viewer,
    changes: [parkingAdded('viewer', 'viewer')],
    refused: true,
  },
  {
    rule: 'AC43',
    does: 'a network member rewords their own parking item',
    actor: network,
    changes: [parkingField('text', 'network')],
    refused: false,
  },
  {
    rule: 'AC43',
    does: 'a family member withdraws their own parking item',
    actor: family,
    changes: [{ kind: 'parking-removed', itemId: 'park-1', authorId: 'family' }],
    refused: false,
  },
  {
    rule: 'AC44',
    does: "a family member rewords someone else's parking item",
    actor: family,
    changes: [parkingField('text', 'network')],
    refused: true,
  },
  {
    rule: 'AC44',
    does: "a family member removes someone else's parking item",
    actor: family,
    changes: [{ kind: 'parking-removed', itemId: 'park-1', authorId: 'network' }],
    refused: true,
  },
  {
    rule: 'AC44',
    does: 'a practitioner marks a family member’s parking item dealt with',
    actor: practitioner,
    changes: [parkingField('resolved', 'family')],
    refused: false,
  },
  {
    rule: 'AC44',
    does: 'a family member marks their own parking item dealt with',
    actor: family,
    changes: [parkingField('resolved', 'family')],
    refused: true,
  },
  {
    rule: 'AC45',
    does: "the facilitator rewrites a parking item's author",
    actor: facilitator,
    changes: [parkingField('authorId', 'family')],
    refused: true,
  },
  {
    rule: 'AC11',
    does: 'a family member adds to the parking lot of a locked board',
    actor: family,
    changes: [parkingAdded('family', 'family')],
    locked: true,
    refused: true,
  },
  {
    rule: 'AC21',
    does: 'a practitioner puts an agenda item in the restricted document',
    actor: practitioner,
    changes: [agendaAdded],
    document: 'restricted',
    refused: true,
  },
];
