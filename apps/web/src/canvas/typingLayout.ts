import type { BoardState, CardState } from '@kinmap/model';
import type { BoardLayout } from './boardLayout';
import type { MeasureText } from './boardMetrics';
import { type CardLayout, cardTextWidth } from './cardLayout';
import { wrapRemembered } from './text/textWrap';

/**
 * The layout after a keystroke, without laying the board out again: when the only change from
 * `before` to `after` is one card's text (and the time it changed), and that text still wraps to as
 * many lines, nothing else on the board moves, so the new layout is `previous` with that card's lines
 * replaced. Null when anything else changed or the card grew or shrank by a line: the caller lays the
 * whole board out (`layoutBoard`). On a 2,000-card board this is the difference between wrapping
 * one card and walking, sorting and placing every card of every section on every key.
 *
 * `previous` must be the layout of `before` for the same screen and layout choice (lanes included):
 * the property test (`typingLayout.test.ts`) checks the result equals a full layout of `after`.
 */
export function retypedLayout(
  previous: BoardLayout,
  before: BoardState,
  after: BoardState,
  measure: MeasureText,
): BoardLayout | null {
  if (before === after) return previous;
  for (const key of Object.keys(after) as (keyof BoardState)[]) {
    if (key !== 'cards' && before[key] !== after[key]) return null;
  }
  const typed = onlyTypedCard(before.cards, after.cards);
  if (typed === null) return null;
  if (typed === 'none') return previous;
  const placed = Object.hasOwn(previous.cards, typed.id) ? previous.cards[typed.id] : undefined;
  if (placed === undefined) return null;
  const lines = wrapRemembered(typed.text, cardTextWidth(placed.rect.width), placed.textStyle, measure);
  if (lines.length !== placed.lines.length) return null;
  // No prototype: card ids come from other people's browsers.
  const cards: Record<string, CardLayout> = Object.assign(Object.create(null), previous.cards);
  cards[typed.id] = { ...placed, lines };
  const next = { ...previous, cards };
  // Everything is where it was: the retyped layout shares the previous one's places.
  let places = placesOf.get(previous);
  if (places === undefined) {
    places = ++lastPlaces;
    placesOf.set(previous, places);
  }
  placesOf.set(next, places);
  return next;
}

/**
 * A number for the places of each layout `retypedLayout` made or retyped: layouts with the same number
 * put everything in the same places. (A number, not the layout retyped: that would keep every layout
 * of a long typing session alive.)
 */
const placesOf = new WeakMap<BoardLayout, number>();
let lastPlaces = 0;

/** Fields compared apart: the text is wrapped again, the time is not drawn, `editedBy` by its names. */
const TYPING_FIELDS: ReadonlySet<string> = new Set(['text', 'updatedAt', 'editedBy']);

/**
 * The one card whose text alone changed between two readings (which share every untouched card's
 * object), 'none' when no card changed, or null when cards came, went or changed otherwise.
 */
function onlyTypedCard(
  before: Readonly<Record<string, CardState>>,
  after: Readonly<Record<string, CardState>>,
): CardState | 'none' | null {
  if (before === after) return 'none';
  let typed: CardState | null = null;
  let count = 0;
  for (const id in after) {
    count++;
    const card = after[id] as CardState;
    const was = Object.hasOwn(before, id) ? before[id] : undefined;
    if (was === card) continue;
    if (was === undefined || typed !== null || !sameButText(was, card)) return null;
    typed = card;
  }
  if (count !== Object.keys(before).length) return null;
  return typed ?? 'none';
}

function sameButText(a: CardState, b: CardState): boolean {
  // Staff typing in another's card stamp their `editedBy` entry on every key; the card names who
  // changed it (`cardNotesText`, in this order), never when.
  return sameFields(a, b, TYPING_FIELDS, 1) && sameKeys(a.editedBy ?? {}, b.editedBy ?? {});
}

function sameKeys(a: object, b: object): boolean {
  const x = Object.keys(a);
  const y = Object.keys(b);
  return x.length === y.length && x.every((key, i) => key === y[i]);
}

/**
 * Field by field, and one level into records (a card read again has new `marks`, `editedBy` …
 * objects holding the same entries).
 */
function sameFields(a: object, b: object, skip: ReadonlySet<string>, depth: number): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (skip.has(key)) continue;
    const x: unknown = (a as Record<string, unknown>)[key];
    const y: unknown = (b as Record<string, unknown>)[key];
    if (x === y) continue;
    const records = typeof x === 'object' && typeof y === 'object' && x !== null && y !== null;
    if (!records || depth === 0 || !sameFields(x, y, NOTHING, depth - 1)) return false;
  }
  return true;
}

const NOTHING: ReadonlySet<string> = new Set();

/**
 * Whether `b` puts everything where `a` did because one is the other retyped (by `retypedLayout`,
 * once or several keys in a row): then what a view holds, and what it tells the others it holds, is unchanged.
 * Conservative: a layout made anew answers false even when it came out the same.
 */
export function samePlaces(a: BoardLayout, b: BoardLayout): boolean {
  if (a === b) return true;
  const places = placesOf.get(a);
  return places !== undefined && places === placesOf.get(b);
}
