import type { Logger } from '@kinmap/sync';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { ApiError, ApiErrorCode } from './apiError.js';
import {
  AUTH_FAILURE_RESPONSE,
  type Authenticator,
  createTokenAuthenticator,
  readToken,
} from './authenticator.js';
import type { BoardRegistry } from './boardRegistry.js';
import { parseJsonBody } from './jsonBody.js';
import { silentLogger } from './logger.js';
import { accessLog } from './middleware/accessLog.js';
import { type RequestIdEnv, requestId } from './middleware/requestId.js';
import { securityHeaders } from './middleware/securityHeaders.js';
import { registerScaleRoutes, type ScaleRoutesOptions } from './scaleRoutes.js';
import { webApp } from './webApp.js';

export interface AppOptions {
  readonly registry: BoardRegistry;
  /** Defaults to role tokens from the registry. */
  readonly authenticate?: Authenticator;
  readonly logger?: Logger;
  /** Absolute path of the built web app; without it every page answers 503 "not built". */
  readonly webDist?: string;
  /** Largest accepted JSON body, in bytes (default 16 KiB; a title is at most 200 characters). */
  readonly maxBodyBytes?: number;
  /** The private-scaling routes (scaleRoutes.ts) need the rooms and the private ratings store. */
  readonly scaling?: Pick<ScaleRoutesOptions, 'rooms' | 'privateRatings'>;
}

export const createBoardBody = z.object({
  title: z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(200, { error: 'must be at most 200 characters' }),
});

/**
 * The HTTP side of Kinmap. Every error leaves as `{ error: { code, message } }` through the
 * one `onError` below; the WebSocket upgrade is handled beside it (see upgrade.ts).
 * @example const res = await createApp({ registry }).request('/healthz')
 */
export function createApp({
  registry,
  authenticate = createTokenAuthenticator(registry),
  logger = silentLogger,
  webDist,
  maxBodyBytes = 16 * 1024,
  scaling,
}: AppOptions): Hono<RequestIdEnv> {
  const app = new Hono<RequestIdEnv>();
  app.use('*', requestId(), accessLog({ logger }), securityHeaders());

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(err.toBody(), err.status);
    if (err instanceof HTTPException && err.status < 500) {
      return c.json(
        { error: { code: ApiErrorCode.invalidInput, message: err.message || 'Bad request' } },
        err.status,
      );
    }
    // Only the error's class is logged: messages may quote stored data.
    logger.error('http.error', { requestId: c.get('requestId') ?? '', name: err.name });
    return c.json({ error: { code: ApiErrorCode.internal, message: 'Internal server error' } }, 500);
  });
  app.notFound((c) => c.json({ error: { code: ApiErrorCode.notFound, message: 'Not found' } }, 404));

  app.get('/healthz', (c) => c.json({ ok: true }));

  app.post(
    '/api/boards',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ApiError(413, ApiErrorCode.bodyTooLarge, `The body must be at most ${maxBodyBytes} bytes`);
      },
    }),
    async (c) => {
      const { title } = parseJsonBody(createBoardBody, await c.req.text());
      const created = await registry.create(title);
      if (!created.ok) throw new ApiError(400, ApiErrorCode.invalidInput, 'title is not valid text');
      const board = created.value;
      logger.info('board.created', { boardId: board.id, titleLength: title.length });
      return c.json({ id: board.id, tokens: board.tokens }, 201);
    },
  );

  app.get('/api/boards/:id', (c) => {
    const result = authenticate({
      boardId: c.req.param('id'),
      token: readToken(c.req.header('Authorization'), c.req.query('token') ?? null),
      headers: c.req.header(),
    });
    if (!result.ok) {
      if (result.reason === 'missing-token') c.header('WWW-Authenticate', 'Bearer');
      const { status, code, message } = AUTH_FAILURE_RESPONSE[result.reason];
      throw new ApiError(status, code, message);
    }
    const board = registry.get(result.boardId);
    // Only reachable if the board vanished between the two reads.
    if (!board) throw new ApiError(404, ApiErrorCode.notFound, 'No such board');
    return c.json({ id: board.id, title: board.title, createdAt: board.createdAt, role: result.role });
  });

  if (scaling) registerScaleRoutes(app, { ...scaling, authenticate, logger, maxBodyBytes });
  app.all('/api/*', (c) => c.notFound());
  app.all('/sync/*', () => {
    throw new ApiError(426, ApiErrorCode.upgradeRequired, 'Connect to /sync/<boardId> with a WebSocket');
  });
  if (webDist !== undefined) {
    app.use('*', webApp({ root: webDist }));
  } else {
    app.get('*', (c) => c.html('<!doctype html><title>Kinmap</title><p>The web app is not built.</p>', 503));
  }
  return app;
}
