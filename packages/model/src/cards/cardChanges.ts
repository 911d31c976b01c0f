import * as Y from 'yjs';
import { readTopMap } from '../doc/docMaps.js';
import {
  type AnyType,
  attachedChild,
  currentField,
  entryChange,
  latestValue,
  rawField,
  recordEntry,
  recordOf,
  scalar,
  scalarBefore,
  unknownAt,
} from '../doc/entries.js';
import { LIMITS } from '../doc/schema.js';
import { isWellFormedText } from '../doc/text.js';
import { CATEGORIES, type CardId } from '../doc/types.js';
import {
  CARD_FIELDS,
  CARD_NOTE_FIELDS,
  type CardField,
  type CardNoteField,
  type Change,
} from './changeKinds.js';

/** Writes under `cards`: a card added or removed, its fields, its marks and its text. */

const CARD_FIELD_SET = new Set<string>(CARD_FIELDS);
const CATEGORY_SET = new Set<unknown>(CATEGORIES);
const NOTE_FIELD_SET = new Set<string>(CARD_NOTE_FIELDS);

/** Does a card note's value fit the layout: a well-formed text within its limit, or a time. */
function noteValueFits(field: CardNoteField, value: unknown): boolean {
  if (field === 'editedBy' || field === 'suggestedBy')
    return typeof value === 'number' && Number.isFinite(value);
  const max = field === 'reasons' ? LIMITS.reason : LIMITS.cardText;
  return typeof value === 'string' && value.length <= max && isWellFormedText(value);
}

function noteChange(
  cardId: CardId,
  field: CardNoteField,
  participantId: string,
  authorId: unknown,
  item: Y.Item | null,
): Change {
  const set = item !== null;
  const valid = !set || noteValueFits(field, latestValue(item));
  return { kind: 'card-note', cardId, field, participantId, authorId, set, valid };
}

/**
 * What is wrong with a new card's record, or null: the layout's fields and nothing else, a known
 * category, its text a Y.Text and its marks a map ([AC19]). Checked for every role: a professional's
 * update may not store a card the board cannot read either.
 */
function cardShapeProblem(card: AnyType): string | null {
  if (!(card instanceof Y.Map)) return 'a card must be a map';
  for (const field of card.keys()) {
    if (!CARD_FIELD_SET.has(field)) return 'a field the card layout does not have';
  }
  if (!CATEGORY_SET.has(card.get('category'))) return 'a category the board does not have';
  if (!(card.get('text') instanceof Y.Text)) return 'card text that is not a Y.Text';
  for (const field of ['marks', ...CARD_NOTE_FIELDS]) {
    const child: unknown = card.get(field);
    if (child !== undefined && !(child instanceof Y.Map)) return `${field} that are not a map`;
  }
  return null;
}

/** Who a quote's person id names in the document as the update leaves it ([AC52]). */
function quotedPerson(doc: Y.Doc, quote: unknown): 'child' | 'other' | 'none' {
  const personId =
    typeof quote === 'object' && quote !== null ? (quote as { personId?: unknown }).personId : null;
  // The restricted document has no people (asking for the map there would create it); a root
  // decoded from an update is untyped until asked for.
  const people = doc.share.has('people') ? readTopMap(doc, 'people') : null;
  if (typeof personId !== 'string' || people === null) return 'none';
  const person: unknown = people.get(personId);
  if (person === undefined) return 'none';
  return person instanceof Y.Map && person.get('kind') === 'child' ? 'child' : 'other';
}

/** The card's `quote` as the update leaves it: set (naming someone) or cleared. */
function quoteChange(
  tr: Y.Transaction,
  card: AnyType,
  cardId: CardId,
  authorId: unknown,
  onNewCard: boolean,
): Change {
  const quote = rawField(card, 'quote');
  const set = quote !== undefined && quote !== null;
  const person = set ? quotedPerson(tr.doc, quote) : null;
  return { kind: 'card-quote', cardId, authorId, set, person, onNewCard };
}

function cardChange(tr: Y.Transaction, type: AnyType, path: readonly string[], key: string): Change[] {
  const cardId = key as CardId;
  return recordEntry(tr, type, path, key, {
    added: (card) => {
      const problem = cardShapeProblem(card);
      if (problem !== null) return unknownAt(path, key, problem);
      const added = cardAdded(card, cardId);
      // A new card that already quotes a child is checked as if the quote were set on it ([AC52]).
      const quote = rawField(card, 'quote');
      if (quote === undefined || quote === null) return added;
      return [added, quoteChange(tr, card, cardId, currentField(card, 'authorId'), true)];
    },
    removed: (card) => ({
      kind: 'card-removed',
      cardId,
      authorId: scalarBefore(tr, card, 'authorId'),
      category: scalarBefore(tr, card, 'category'),
    }),
  });
}

function cardAdded(card: AnyType, cardId: CardId): Change {
  return {
    kind: 'card-added',
    cardId,
    category: currentField(card, 'category'),
    authorId: currentField(card, 'authorId'),
    authorRole: currentField(card, 'authorRole'),
    professionalsOnly: currentField(card, 'professionalsOnly'),
    // Whose marks, reasons, suggestions and edit records the new card already carries.
    markedBy: [...new Set(['marks', ...CARD_NOTE_FIELDS].flatMap((f) => markersOf(rawField(card, f))))],
  };
}

function markersOf(marks: unknown): string[] {
  if (typeof marks !== 'object' || marks === null || !('_map' in marks)) return [];
  const map = (marks as AnyType)._map;
  return [...map.entries()].filter(([, item]) => !item.deleted).map(([id]) => id);
}

function cardFieldChange(tr: Y.Transaction, card: AnyType, path: readonly string[], key: string): Change[] {
  const cardId = path[1] as CardId;
  const authorId = scalarBefore(tr, card, 'authorId');
  if (key === 'category')
    return [{ kind: 'card-moved', cardId, authorId, category: currentField(card, 'category') }];
  if (!CARD_FIELD_SET.has(key)) return [unknownAt(path, key)];
  if (key === 'quote') return [quoteChange(tr, card, cardId, authorId, false)];
  const category = currentField(card, 'category');
  const field: Change = { kind: 'card-field', cardId, field: key as CardField, authorId, category };
  if (key === 'pairId') {
    const leftPair = pairLeft(tr, card, cardId);
    return [leftPair === null ? field : { ...field, leftPair }];
  }
  if (NOTE_FIELD_SET.has(key)) {
    const note = key as CardNoteField;
    return attachedChild(tr, card, key, field, (id, item) => noteChange(cardId, note, id, authorId, item));
  }
  if (key !== 'marks') return [field];
  return attachedChild(tr, card, key, field, (id, item) => ({
    kind: 'mark-set',
    cardId,
    participantId: id,
    mark: scalar(latestValue(item)),
  }));
}

/** A record of top-level map `name` as it was before the transaction (null: absent, or not a record). */
function recordBefore(tr: Y.Transaction, name: 'cards' | 'pairs', key: string): AnyType | null {
  const top = tr.doc.share.get(name);
  if (top === undefined) return null;
  return recordOf(entryChange(tr, top as AnyType, key).before);
}

/**
 * The pair a card's `pairId` write takes it out of: the card named pair P before, P existed and
 * named the card, and P's other card pointed back at P. Null for pairing an unpaired card, or
 * clearing a stale pointer (a pair broken by a merge), which unpairs nothing.
 */
function pairLeft(tr: Y.Transaction, card: AnyType, cardId: CardId): string | null {
  const previous = scalarBefore(tr, card, 'pairId');
  if (typeof previous !== 'string' || previous === currentField(card, 'pairId')) return null;
  const pair = recordBefore(tr, 'pairs', previous);
  if (pair === null) return null;
  const members = [scalarBefore(tr, pair, 'dangerStatementId'), scalarBefore(tr, pair, 'safetyGoalId')];
  if (!members.includes(cardId)) return null;
  const partnerId = members[0] === cardId ? members[1] : members[0];
  if (typeof partnerId !== 'string') return null;
  const partner = recordBefore(tr, 'cards', partnerId);
  return partner !== null && scalarBefore(tr, partner, 'pairId') === previous ? previous : null;
}

export function cardsChange(
  tr: Y.Transaction,
  type: AnyType,
  path: readonly string[],
  key: string | null,
): Change[] {
  if (key === null) return [unknownAt(path, key)];
  if (path.length === 1) return cardChange(tr, type, path, key);
  if (path.length === 2) return cardFieldChange(tr, type, path, key);
  const card = type._item?.parent as AnyType | undefined;
  const cardId = path[1] as CardId;
  if (path.length === 3 && path[2] === 'marks' && card !== undefined) {
    const { after } = entryChange(tr, type, key);
    return [
      {
        kind: 'mark-set',
        cardId,
        participantId: key,
        mark: after === null ? null : scalar(latestValue(after)),
      },
    ];
  }
  if (path.length === 3 && NOTE_FIELD_SET.has(path[2] as string) && card !== undefined) {
    const { after } = entryChange(tr, type, key);
    const authorId = scalarBefore(tr, card, 'authorId');
    return [noteChange(cardId, path[2] as CardNoteField, key, authorId, after)];
  }
  return [unknownAt(path, key)];
}

export function textCardChange(tr: Y.Transaction, type: AnyType, path: readonly string[]): Change[] {
  if (path.length !== 3 || path[0] !== 'cards' || path[2] !== 'text') return [unknownAt(path, null)];
  const card = type._item?.parent as AnyType | undefined;
  return [
    { kind: 'card-text', cardId: path[1] as CardId, authorId: scalarBefore(tr, card ?? null, 'authorId') },
  ];
}
