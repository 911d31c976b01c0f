import type { z } from 'zod/mini';
import { ApiError, ApiErrorCode } from './apiError.js';

/**
 * Parses a request body as JSON and validates it, or throws the API's 400 (`bad-json` /
 * `invalid-input`). Zod's messages never quote the submitted value, so they are safe to return
 * (the value may be a private reason or a name).
 */
export function parseJsonBody<T>(schema: z.ZodMiniType<T>, text: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(400, ApiErrorCode.badJson, 'The body must be valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = issue?.path.length
      ? `${issue.path.join('.')} ${issue.message}`
      : 'The body must be a JSON object';
    throw new ApiError(400, ApiErrorCode.invalidInput, message);
  }
  return parsed.data;
}
