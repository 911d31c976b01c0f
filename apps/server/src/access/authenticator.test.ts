import { describe, expect, it } from 'vitest';
import { ApiErrorCode } from '../http/apiError.js';
import { AUTH_FAILURE_RESPONSE } from './authenticator.js';

describe('AUTH_FAILURE_RESPONSE', () => {
  it('[E1] answers an unknown board 404, no cookie or ticket 401 and a refused ticket 403', () => {
    expect(AUTH_FAILURE_RESPONSE['unknown-board']).toMatchObject({
      status: 404,
      code: ApiErrorCode.notFound,
    });
    expect(AUTH_FAILURE_RESPONSE['not-signed-in']).toMatchObject({
      status: 401,
      code: ApiErrorCode.notSignedIn,
    });
    expect(AUTH_FAILURE_RESPONSE['ticket-refused']).toMatchObject({
      status: 403,
      code: ApiErrorCode.forbidden,
    });
  });

  it('tells the caller how to get in without naming any token', () => {
    for (const { message } of Object.values(AUTH_FAILURE_RESPONSE)) {
      expect(message).not.toMatch(/token|bearer/i);
    }
  });
});
