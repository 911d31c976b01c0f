import type { Logger } from '@kinmap/sync';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError, ApiErrorCode } from './apiError.js';
import type { RequestIdEnv } from './requestId.js';

/**
 * The one `app.onError`: every error leaves as `{ error: { code, message } }`. An ApiError keeps
 * its status and code, a Hono HTTPException under 500 is invalid input, anything else is a 500
 * whose class (never its message: messages may quote stored data) is logged with the request id.
 * @example app.onError(apiErrorHandler(logger))
 */
export function apiErrorHandler(logger: Logger): ErrorHandler<RequestIdEnv> {
  return function onApiError(err, c) {
    if (err instanceof ApiError) return c.json(err.toBody(), err.status);
    if (err instanceof HTTPException && err.status < 500) {
      return c.json(
        { error: { code: ApiErrorCode.invalidInput, message: err.message || 'Bad request' } },
        err.status,
      );
    }
    logger.error('http.error', { requestId: c.get('requestId') ?? '', name: err.name });
    return c.json({ error: { code: ApiErrorCode.internal, message: 'Internal server error' } }, 500);
  };
}

/** 404 in the same shape as every other error. */
export const apiNotFound: NotFoundHandler = (c: Context) =>
  c.json({ error: { code: ApiErrorCode.notFound, message: 'Not found' } }, 404);
