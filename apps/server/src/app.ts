import { boardAccessResponse, createBoardRequest, createdBoardResponse } from '@kinmap/protocol';
import type { Logger, Rooms } from '@kinmap/sync';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AccessControl } from './access/accessControl.js';
import { AUTH_FAILURE_RESPONSE, type Authenticator } from './access/authenticator.js';
import { createAccessAuthenticator } from './access/memberAuthenticator.js';
import { registerBoardAccessRoutes } from './access/memberRoutes.js';
import { registerAccountRoutes, requireStaff } from './accounts/accountRoutes.js';
import { socketAddress } from './accounts/sessionCookie.js';
import { SESSION_COOKIE } from './accounts/sessions.js';
import { type AuditLog, createAuditLog } from './audit/auditLog.js';
import { registerAuditRoutes } from './audit/auditRoutes.js';
import type { BoardRegistry } from './boards/boardRegistry.js';
import type { Meetings } from './history/meetingStore.js';
import { MEETING_MAX_BYTES, MEETING_PATH, registerVersionRoutes } from './history/versionRoutes.js';
import type { Versions } from './history/versionStore.js';
import { ApiError, ApiErrorCode } from './http/apiError.js';
import { csrf } from './http/csrf.js';
import { parseJsonBody } from './http/jsonBody.js';
import { reply } from './http/reply.js';
import { type RequestIdEnv, requestId } from './http/requestId.js';
import { accessLog } from './http/requestLog.js';
import { securityHeaders } from './http/securityHeaders.js';
import { webApp } from './http/webApp.js';
import { silentLogger } from './ops/logger.js';
import {
  IMPORT_MAX_BYTES,
  IMPORT_PATH,
  registerExportSchemaRoute,
  registerReportRoutes,
} from './reports/reportRoutes.js';
import { registerScaleRoutes, type ScaleRoutesOptions } from './scaling/scaleRoutes.js';

export interface AppOptions {
  readonly registry: BoardRegistry;
  /** Accounts, sessions, members, invites, tickets and live sockets (access.ts). */
  readonly access: AccessControl;
  /** Defaults to the member's session cookie (accessAuthenticator.ts). */
  readonly authenticate?: Authenticator;
  /** Adds `Secure` to the session cookie (KINMAP_SECURE_COOKIES=1). */
  readonly secureCookies?: boolean;
  /** The client's address for rate limits; defaults to the socket's peer address. */
  readonly clientAddress?: (c: Context) => string;
  readonly logger?: Logger;
  /** Absolute path of the built web app; without it every page answers 503 "not built". */
  readonly webDist?: string;
  /** Largest accepted JSON body, in bytes (default 16 KiB; a title is at most 200 characters). */
  readonly maxBodyBytes?: number;
  /** The private-scaling routes (scaleRoutes.ts) need the rooms and the private ratings store. */
  readonly scaling?: Pick<ScaleRoutesOptions, 'rooms' | 'privateRatings'>;
  /** Audit events and the audit routes; defaults to one over `access.db`. */
  readonly audit?: AuditLog;
  /** Meetings, versions, restore, reports and exports (versionRoutes.ts, reportRoutes.ts). */
  readonly history?: { readonly rooms: Rooms; readonly versions: Versions; readonly meetings: Meetings };
}

/** The wire contract's (`@kinmap/protocol`) create-board body, under the name callers know. */
export { createBoardRequest as createBoardBody };

/**
 * The HTTP side of Kinmap. Every error leaves as `{ error: { code, message } }` through the
 * one `onError` below; the WebSocket upgrade is handled beside it (see upgrade.ts).
 * @example const res = await createApp({ registry }).request('/healthz')
 */
export function createApp({
  registry,
  access,
  authenticate = createAccessAuthenticator({ registry, access }),
  secureCookies = false,
  clientAddress = socketAddress,
  logger = silentLogger,
  webDist,
  maxBodyBytes = 16 * 1024,
  scaling,
  audit = createAuditLog(access.db, { now: access.now, logger }),
  history,
}: AppOptions): Hono<RequestIdEnv> {
  const app = new Hono<RequestIdEnv>();
  app.use('*', requestId(), accessLog({ logger }), securityHeaders());
  // Before any route reads a body: the size cap, then CSRF for cookie-carrying state changes.
  const limitTo = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(413, ApiErrorCode.bodyTooLarge, `The body must be at most ${maxSize} bytes`);
      },
    });
  const defaultLimit = limitTo(maxBodyBytes);
  // An imported board is one large JSON file [VE11], a meeting's record up to 20,000 characters of
  // decision and 600 names [VE4]; every other body stays small.
  const importLimit = limitTo(IMPORT_MAX_BYTES);
  const meetingLimit = limitTo(MEETING_MAX_BYTES);
  const limitFor = (path: string) =>
    path === IMPORT_PATH ? importLimit : MEETING_PATH.test(path) ? meetingLimit : defaultLimit;
  app.use(
    '/api/*',
    (c, next) => limitFor(c.req.path)(c, next),
    csrf({ cookieName: SESSION_COOKIE, alwaysPaths: ['/api/login', '/api/setup', '/api/invites/open'] }),
  );
  const cookies = { secure: secureCookies };

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

  registerAccountRoutes(app, { access, logger, cookies, clientAddress, audit });

  // [AU5] Only staff create boards; the creator becomes the board's facilitator member.
  app.post('/api/boards', async (c) => {
    const staff = requireStaff(c, access).user;
    const { title } = parseJsonBody(createBoardRequest, await c.req.text());
    const created = await registry.create(title);
    if (!created.ok) throw new ApiError(400, ApiErrorCode.invalidInput, 'title is not valid text');
    const board = created.value;
    const member = access.members.create({
      boardId: board.id,
      role: 'facilitator',
      displayName: staff.displayName,
      userId: staff.id,
    });
    logger.info('board.created', { boardId: board.id, titleLength: title.length, memberId: member.id });
    return reply(c, createdBoardResponse, { id: board.id, memberId: member.id }, 201);
  });

  app.get('/api/boards/:id', (c) => {
    const result = authenticate({ boardId: c.req.param('id'), headers: c.req.header() });
    if (!result.ok) {
      const { status, code, message } = AUTH_FAILURE_RESPONSE[result.reason];
      throw new ApiError(status, code, message);
    }
    const board = registry.get(result.boardId);
    // Only reachable if the board vanished between the two reads.
    if (!board) throw new ApiError(404, ApiErrorCode.notFound, 'No such board');
    return reply(c, boardAccessResponse, {
      id: board.id,
      title: board.title,
      createdAt: board.createdAt,
      role: result.role,
      memberId: result.memberId,
    });
  });
  registerBoardAccessRoutes(app, { registry, access, logger, cookies, clientAddress, audit });
  registerAuditRoutes(app, { registry, access, audit, logger });

  if (scaling) registerScaleRoutes(app, { ...scaling, authenticate, logger, maxBodyBytes, audit });
  registerExportSchemaRoute(app);
  if (history) {
    const deps = { ...history, registry, access, audit, logger };
    registerVersionRoutes(app, deps);
    registerReportRoutes(app, { ...deps, now: access.now });
  }
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
