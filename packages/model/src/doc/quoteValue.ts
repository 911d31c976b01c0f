import { QUOTE_AREAS } from '../child/quoteAreas.js';
import { isId } from './ids.js';
import type { CardQuote, PersonId } from './types.js';

/**
 * A card's `quote` as stored (docs/PROTOCOL.md "Value rules"): a plain object with exactly
 * `personId` (an id), `toolId` (an id or null) and `area` (an area of the child's tools, or null;
 * only with a tool). Null, or no field at all, is a card that quotes nobody. One check for the
 * server's value rules and the readers, so the two never disagree on what a quote is.
 */

export const QUOTE_KEYS = ['personId', 'toolId', 'area'] as const;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

/**
 * What is wrong with a stored quote, or null when it is one (or null: no quote). `isKey` decides
 * what an id is (the value rules refuse the reserved names too).
 */
export function quoteProblem(value: unknown, isKey: (id: unknown) => boolean = isId): string | null {
  if (value === null) return null;
  if (!isPlainObject(value)) return 'a quote must be { personId, toolId, area } or null';
  for (const key of Object.keys(value)) {
    if (!(QUOTE_KEYS as readonly string[]).includes(key)) return 'a field a quote does not have';
  }
  const { personId, toolId, area } = value;
  if (!isKey(personId)) return 'personId must be an id';
  if (toolId !== null && !isKey(toolId)) return 'toolId must be an id or null';
  if (area !== null && !(QUOTE_AREAS as readonly unknown[]).includes(area))
    return "area must be an area of the child's tools or null";
  if (area !== null && toolId === null) return 'an area needs its tool';
  return null;
}

/** A stored quote as a reading: null for none, and for a value that is not a quote (the caller reports it). */
export function quoteOf(value: unknown): CardQuote | null | 'malformed' {
  if (value === undefined || value === null) return null;
  if (quoteProblem(value) !== null) return 'malformed';
  const { personId, toolId, area } = value as Record<string, unknown>;
  return { personId: personId as PersonId, toolId: toolId as string | null, area: area as CardQuote['area'] };
}
