import type { ErrorReason, Result } from './types.js';
import type { z } from './zod.js';

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** The success value of ops that return nothing. */
export const done: Result<void> = Object.freeze({ ok: true, value: undefined });

export function fail(reason: ErrorReason, detail?: string): Result<never> {
  return detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };
}

/**
 * Validates `input`; failures become `invalid-input` with the path and rule that failed.
 * The detail never quotes the input itself: it may be card text or a name.
 */
export function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown): Result<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'input' : issue.path.join('.');
  return fail('invalid-input', `${where}: ${issue?.message ?? 'invalid'}`);
}
