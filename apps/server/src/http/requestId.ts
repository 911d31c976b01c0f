import { requestId as honoRequestId, type RequestIdVariables } from 'hono/request-id';

export type RequestIdEnv = { Variables: RequestIdVariables };

export interface RequestIdOptions {
  readonly generate?: () => string;
}

// A proxy's id is kept only when it is short and plain (letters, digits, `_`, `-`, `=`), so it is
// safe to log and echo; Hono checks the characters, we bound the length.
const MAX_INCOMING_ID = 64;

/**
 * Hono's request id (`c.get('requestId')`), echoed in `X-Request-Id` so a user's report can be
 * matched with the log line.
 * @example app.use('*', requestId())
 */
export function requestId({ generate }: RequestIdOptions = {}) {
  return honoRequestId({
    limitLength: MAX_INCOMING_ID,
    ...(generate ? { generator: () => generate() } : {}),
  });
}
