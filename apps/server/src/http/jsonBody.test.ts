import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { ApiError } from './apiError.js';
import { parseJsonBody } from './jsonBody.js';

const body = z.object({ title: z.string().check(z.maxLength(5)) });

function failure(text: string): ApiError {
  try {
    parseJsonBody(body, text);
  } catch (error) {
    if (error instanceof ApiError) return error;
  }
  throw new Error('expected an ApiError');
}

describe('parseJsonBody', () => {
  it('returns the validated body', () => {
    expect(parseJsonBody(body, '{"title":"Case"}')).toEqual({ title: 'Case' });
  });

  it('answers 400 bad-json to text that is not JSON', () => {
    expect(failure('{nope')).toMatchObject({ status: 400, code: 'bad-json' });
  });

  it('answers 400 invalid-input naming the field, without quoting the value', () => {
    const error = failure('{"title":"a private reason"}');
    expect(error).toMatchObject({ status: 400, code: 'invalid-input' });
    expect(error.message).toContain('title');
    expect(error.message).not.toContain('private reason');
    expect(failure('[1]').message).toBe('The body must be a JSON object');
  });
});
