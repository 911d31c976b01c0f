import type { Wire } from '@kinmap/protocol';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod/mini';

/**
 * Answers JSON shaped by the protocol's response schema (`@kinmap/protocol`): `body` must be the
 * schema's input, so a renamed, missing or extra field is a compile error here as it is in the
 * web's reader. The schema is not run on the way out (route tests parse the answers with it).
 * @example return reply(c, createdBoardResponse, { id: board.id, memberId: member.id }, 201);
 */
export function reply<S extends z.ZodMiniType>(
  c: Context,
  _schema: S,
  body: Wire<z.input<S>>,
  status: ContentfulStatusCode = 200,
): Response {
  return c.json(body as Parameters<Context['json']>[0], status);
}
