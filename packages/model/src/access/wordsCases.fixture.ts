import type { Change } from '../cards/changeKinds.js';
import {
  type Case,
  cardAdded,
  cardId,
  facilitator,
  family,
  field,
  network,
  practitioner,
} from './permissionCases.fixture.js';

/** Test-only: a card note entry ([AC7], [AC30]–[AC34]); `by` is the entry's participant, `author` the card's. */
export const note = (
  noteField: Extract<Change, { kind: 'card-note' }>['field'],
  by: string,
  author: string,
  over: { set?: boolean; valid?: boolean } = {},
): Change => ({
  kind: 'card-note',
  cardId,
  field: noteField,
  participantId: by,
  authorId: author,
  set: over.set ?? true,
  valid: over.valid ?? true,
});
const text = (author: string): Change => ({ kind: 'card-text', cardId, authorId: author });

/** Test-only: whose words — own text, changed by, reasons, suggestions ([AC3], [AC7], [AC30]–[AC34]). */
export const wordsCases: Case[] = [
  {
    rule: 'AC3',
    does: 'a family member edits the text of their own card',
    actor: family,
    changes: [text('family'), field('updatedAt', 'family')],
    refused: false,
  },
  {
    rule: 'AC30',
    does: "a network member edits another person's card even naming themselves in editedBy",
    actor: network,
    changes: [text('family'), note('editedBy', 'network', 'family')],
    refused: true,
  },
  {
    rule: 'AC30',
    does: "a practitioner edits another person's card text and records themselves in editedBy",
    actor: practitioner,
    changes: [text('family'), field('updatedAt', 'family'), note('editedBy', 'practitioner', 'family')],
    refused: false,
  },
  {
    rule: 'AC30',
    does: "a facilitator edits another person's card text without the changed-by record",
    actor: facilitator,
    changes: [text('family'), field('updatedAt', 'family')],
    refused: true,
  },
  {
    rule: 'AC34',
    does: "a facilitator records someone else as the editor of another person's card",
    actor: facilitator,
    changes: [note('editedBy', 'practitioner', 'family'), text('family')],
    refused: true,
  },
  {
    rule: 'AC34',
    does: 'a practitioner writes editedBy without changing the text',
    actor: practitioner,
    changes: [note('editedBy', 'practitioner', 'family')],
    refused: true,
  },
  {
    rule: 'AC34',
    does: 'a facilitator removes an editedBy entry',
    actor: facilitator,
    changes: [note('editedBy', 'practitioner', 'family', { set: false })],
    refused: true,
  },
  {
    rule: 'AC7',
    does: "a family member gives their reason for disputing a practitioner's card",
    actor: family,
    changes: [
      { kind: 'mark-set', cardId, participantId: 'family', mark: 'dispute' },
      note('reasons', 'family', 'practitioner'),
    ],
    refused: false,
  },
  {
    rule: 'AC7',
    does: "a practitioner removes a family member's reason",
    actor: practitioner,
    changes: [note('reasons', 'family', 'practitioner', { set: false })],
    refused: true,
  },
  {
    rule: 'AC19',
    does: 'a family member stores a reason longer than the limit (or not a text)',
    actor: family,
    changes: [note('reasons', 'family', 'practitioner', { valid: false })],
    refused: true,
  },
  {
    rule: 'AC31',
    does: "a network member suggests a change to a practitioner's card",
    actor: network,
    changes: [note('suggestions', 'network', 'practitioner')],
    refused: false,
  },
  {
    rule: 'AC31',
    does: 'a family member writes a suggestion under someone else’s id',
    actor: family,
    changes: [note('suggestions', 'network', 'practitioner')],
    refused: true,
  },
  {
    rule: 'AC32',
    does: "a family member accepts a network member's suggestion on their own card",
    actor: family,
    changes: [
      text('family'),
      note('suggestions', 'network', 'family', { set: false }),
      note('suggestedBy', 'network', 'family'),
    ],
    refused: false,
  },
  {
    rule: 'AC33',
    does: "a family member declines a suggestion on another person's card",
    actor: family,
    changes: [note('suggestions', 'network', 'practitioner', { set: false })],
    refused: true,
  },
  {
    rule: 'AC33',
    does: "a practitioner accepts a family member's suggestion on a facilitator's card",
    actor: practitioner,
    changes: [
      text('facilitator'),
      note('editedBy', 'practitioner', 'facilitator'),
      note('suggestions', 'family', 'facilitator', { set: false }),
      note('suggestedBy', 'family', 'facilitator'),
    ],
    refused: false,
  },
  {
    rule: 'AC34',
    does: 'an author credits a suggestion that was never removed (no suggestion accepted)',
    actor: family,
    changes: [text('family'), note('suggestedBy', 'network', 'family')],
    refused: true,
  },
  {
    rule: 'AC7',
    does: "a family member adds a card already carrying someone else's suggestion",
    actor: family,
    changes: [cardAdded({ markedBy: ['family', 'practitioner'] })],
    refused: true,
  },
];
