import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

export interface RequestIdOptions {
  readonly header?: string;
  readonly generate?: () => string;
}

export type RequestIdEnv = { Variables: { requestId: string } };

// A proxy's id is kept only when it is short and plain, so it is safe to log and echo.
const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives each request an id (`c.get('requestId')`), echoed in a response header so a user's
 * report can be matched with the log line.
 */
export function requestId({
  header = 'X-Request-Id',
  generate = randomUUID,
}: RequestIdOptions = {}): MiddlewareHandler<RequestIdEnv> {
  return async function requestIdMiddleware(c, next) {
    const incoming = c.req.header(header);
    const id = incoming && SAFE_ID.test(incoming) ? incoming : generate();
    c.set('requestId', id);
    c.header(header, id);
    await next();
  };
}
