import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError, ApiErrorCode } from './apiError.js';

export interface BodyLimitsOptions {
  /** Largest body of any request the routes below do not name, in bytes. */
  readonly defaultBytes: number;
  /** Larger limits for the few routes that take big bodies: a path (exact or pattern) and its limit. */
  readonly larger: ReadonlyArray<readonly [path: string | RegExp, maxBytes: number]>;
}

/**
 * Caps every request body before any route reads it; a larger body is refused with 413.
 * @example app.use('/api/*', bodyLimits({ defaultBytes: 16 * 1024, larger: [['/api/boards/import', 8 << 20]] }))
 */
export function bodyLimits({ defaultBytes, larger }: BodyLimitsOptions): MiddlewareHandler {
  const limitTo = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(413, ApiErrorCode.bodyTooLarge, `The body must be at most ${maxSize} bytes`);
      },
    });
  const fallback = limitTo(defaultBytes);
  const limits = larger.map(([path, maxBytes]) => [path, limitTo(maxBytes)] as const);
  const matches = (path: string | RegExp, actual: string) =>
    typeof path === 'string' ? path === actual : path.test(actual);
  return function bodyLimitsMiddleware(c, next) {
    const limit = limits.find(([path]) => matches(path, c.req.path))?.[1] ?? fallback;
    return limit(c, next);
  };
}
