import type { Logger } from '@kinmap/sync';
import type { MiddlewareHandler } from 'hono';
import type { RequestIdEnv } from './requestId.js';

export interface AccessLogOptions {
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * One line per request: method, path, status, duration. The path is logged WITHOUT its query
 * string, because `?token=` carries a board secret.
 */
export function requestLog({
  logger,
  now = () => performance.now(),
}: AccessLogOptions): MiddlewareHandler<RequestIdEnv> {
  return async function requestLogMiddleware(c, next) {
    const started = now();
    await next();
    logger.info('http.request', {
      requestId: c.get('requestId') ?? '',
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((now() - started) * 10) / 10,
    });
  };
}
