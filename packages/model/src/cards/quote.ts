import type * as Y from 'yjs';
import { ownValue } from '../doc/idRecord.js';
import { findIn, readCard, readPerson } from '../doc/records.js';
import { done, fail } from '../doc/result.js';
import { cardIdSchema, cardQuoteSchema } from '../doc/schema.js';
import { commit, type OpOptions, prepare } from '../doc/transact.js';
import type { Actor, BoardState, CardId, CardQuote, PersonState, Result } from '../doc/types.js';
import { z } from '../doc/zod.js';

/**
 * The child's words on the map (issue 14, docs/SPEC.md [AC52]): a card may hold a child's own
 * words, naming the child (a person of the case) and where the words came from (a child's tool
 * and its area, or neither when the child said them in the meeting). Staff set and clear it.
 */

/** The stored value of a quote: exactly the layout's three fields (docs/PROTOCOL.md). */
export function storedQuote(quote: CardQuote): CardQuote {
  return { personId: quote.personId, toolId: quote.toolId, area: quote.area };
}

/**
 * Why `doc` refuses a quote of `quote.personId` on a card of this document, or null. In the
 * shared document the person must be a child of the case; the restricted document holds no
 * people (the caller chose the child from the shared one's), so there it is not checked.
 */
export function quotePersonProblem(doc: Y.Doc, quote: CardQuote, professionalsOnly: boolean): string | null {
  if (professionalsOnly) return null;
  const person = findIn(doc, 'people', quote.personId, readPerson);
  return person?.record.kind === 'child' ? null : `quote.personId: not a child of the case`;
}

/**
 * Marks a card as a child's own words, or clears the mark (`null`). The card's text is not
 * touched; the quote names the child and, optionally, the tool and area the words came from.
 * @example setCardQuote(doc, practitioner, cardId, { personId, toolId, area: 'worries' })
 */
export function setCardQuote(
  doc: Y.Doc,
  actor: Actor,
  cardId: CardId,
  quote: CardQuote | null,
  opts?: OpOptions,
): Result<void> {
  const schema = z.object({ cardId: cardIdSchema, quote: z.nullable(cardQuoteSchema) });
  const op = prepare(schema, actor, { cardId, quote }, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  const card = findIn(doc, 'cards', input.cardId, readCard);
  if (card === null) return fail('not-found', `card ${input.cardId}`);
  const wanted = input.quote === null ? null : storedQuote(input.quote);
  if (wanted !== null) {
    const problem = quotePersonProblem(doc, wanted, card.record.professionalsOnly);
    if (problem !== null) return fail('invalid-input', problem);
  }
  if (sameQuote(card.record.quote ?? null, wanted)) return done;
  commit(doc, origin, () => card.map.set('quote', wanted));
  return done;
}

function sameQuote(a: CardQuote | null, b: CardQuote | null): boolean {
  if (a === null || b === null) return a === b;
  return a.personId === b.personId && a.toolId === b.toolId && a.area === b.area;
}

/**
 * The child a card quotes, while they are a person of the case; null once removed (shown then as
 * "a child": the card keeps its words).
 * @example quotedPerson(board, card.quote)?.name ?? 'a child'
 */
export function quotedPerson(board: Pick<BoardState, 'people'>, quote: CardQuote): PersonState | null {
  return ownValue(board.people, quote.personId) ?? null;
}
