import type * as Y from 'yjs';
import { isOrigin, type Origin, Origins } from './origins.js';
import { fail, ok, parseWith } from './result.js';
import { actorSchema } from './schema.js';
import type { Actor, Result } from './types.js';
import type { z } from './zod.js';

/** Options every op takes: the clock (tests pin it) and the transaction origin. */
export interface OpOptions {
  readonly now?: number;
  readonly origin?: Origin;
}

/** A validated op: what `commit` needs to apply it. */
export interface Prepared<I> {
  readonly actor: Actor;
  readonly input: I;
  readonly now: number;
  readonly origin: Origin;
}

/** Resolves the clock and origin, refusing a non-finite `now` or a foreign origin. */
export function resolveOptions(opts: OpOptions = {}): Result<{ now: number; origin: Origin }> {
  const now = opts.now ?? Date.now();
  if (!Number.isFinite(now)) return fail('invalid-input', 'opts.now: not a finite number');
  const origin = opts.origin ?? Origins.local;
  if (!isOrigin(origin)) return fail('invalid-input', 'opts.origin: not an Origin');
  return ok({ now, origin });
}

/** Validates the actor, the op's input and its options, before anything touches the doc. */
export function prepare<I>(
  schema: z.ZodMiniType<I>,
  actor: Actor,
  input: unknown,
  opts?: OpOptions,
): Result<Prepared<I>> {
  const who = parseWith(actorSchema, actor);
  if (!who.ok) return fail(who.reason, `actor.${who.detail ?? ''}`);
  const parsed = parseWith(schema, input);
  if (!parsed.ok) return parsed;
  const options = resolveOptions(opts);
  if (!options.ok) return options;
  return ok({ actor: who.value, input: parsed.value, ...options.value });
}

/**
 * The one binding that writes to a board: runs `apply` in a single transaction labelled with
 * `origin`, so observers see the whole op or nothing. Ops call it only after every check passed.
 */
export function commit<T>(doc: Y.Doc, origin: Origin, apply: () => T): T {
  return doc.transact(() => apply(), origin);
}
