import { boardAccessResponse, createBoardRequest, createdBoardResponse } from '@kinmap/protocol';
import { type Context, Hono } from 'hono';
import { boardGuard, memberByAuthenticator } from './access/boardGuard.js';
import { registerLobbyRoutes } from './access/lobbyRoutes.js';
import { registerBoardAccessRoutes } from './access/memberRoutes.js';
import { registerAccountRoutes, requireStaff } from './accounts/accountRoutes.js';
import { SESSION_COOKIE } from './accounts/sessions.js';
import { registerStaffRoutes } from './accounts/staffRoutes.js';
import { registerAuditRoutes } from './audit/auditRoutes.js';
import { registerChildToolRoutes } from './child/childToolRoutes.js';
import { registerVersionChildToolRoutes } from './child/childToolVersions.js';
import { registerChildToolWorkerRoute } from './child/childToolWorker.js';
import { MEETING_MAX_BYTES, MEETING_PATH, registerVersionRoutes } from './history/versionRoutes.js';
import { ApiError, ApiErrorCode } from './http/apiError.js';
import { bodyLimits } from './http/bodyLimits.js';
import { csrf } from './http/csrf.js';
import { apiErrorHandler, apiNotFound } from './http/errorHandler.js';
import { parseJsonBody } from './http/jsonBody.js';
import { reply } from './http/reply.js';
import { type RequestIdEnv, requestId } from './http/requestId.js';
import { requestLog } from './http/requestLog.js';
import { securityHeaders } from './http/securityHeaders.js';
import { webApp } from './http/webApp.js';
import {
  IMPORT_MAX_BYTES,
  IMPORT_PATH,
  registerExportSchemaRoute,
  registerReportRoutes,
} from './reports/reportRoutes.js';
import { registerScaleRoutes } from './scaling/scaleRoutes.js';
import type { Services } from './services.js';

/** How this deployment is reached; every field is required (server.ts reads them from the config). */
export interface AppSettings {
  /** KINMAP_SECURE_COOKIES=1: the session cookie gets `Secure`, and responses carry HSTS. */
  readonly secureCookies: boolean;
  /** Absolute path of the built web app; null: every page answers 503 "not built". */
  readonly webDist: string | null;
  /** The client's address for rate limits (`socketAddress` in production). */
  readonly clientAddress: (c: Context) => string;
}

/** Largest accepted JSON body, in bytes (a title is at most 200 characters). */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * The HTTP side of Kinmap: its middleware and route table. Every error leaves as
 * `{ error: { code, message } }` through the one `onError`; the WebSocket upgrade is handled beside
 * it (live/upgrade.ts).
 * @example const app = createApp(createServices(db, { cipher: null, logger }), settings); await app.request('/healthz');
 */
export function createApp(services: Services, settings: AppSettings): Hono<RequestIdEnv> {
  const { registry, access, audit, logger, authenticate, rooms, versions, meetings, privateRatings } =
    services;
  const { secureCookies, webDist, clientAddress } = settings;
  const app = new Hono<RequestIdEnv>();
  app.use(
    '*',
    requestId(),
    requestLog({ logger }),
    securityHeaders({ strictTransportSecurity: secureCookies }),
  );
  // Before any route reads a body: the size cap, then CSRF for cookie-carrying state changes. An
  // imported board is one large JSON file [VE11], a meeting's record up to 20,000 characters of
  // decision and 600 names [VE4]; every other body stays small.
  app.use(
    '/api/*',
    bodyLimits({
      defaultBytes: MAX_BODY_BYTES,
      larger: [
        [IMPORT_PATH, IMPORT_MAX_BYTES],
        [MEETING_PATH, MEETING_MAX_BYTES],
      ],
    }),
    csrf({
      cookieName: SESSION_COOKIE,
      alwaysPaths: [
        '/api/login',
        '/api/setup',
        '/api/invites/open',
        '/api/invites/preview',
        '/api/lobby/ask',
        '/api/lobby/status',
      ],
    }),
  );
  app.onError(apiErrorHandler(logger));
  app.notFound(apiNotFound);
  const cookies = { secure: secureCookies };

  app.get('/healthz', (c) => c.json({ ok: true }));

  registerAccountRoutes(app, { access, logger, cookies, clientAddress, audit });
  registerStaffRoutes(app, { access, logger, audit });

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

  const guard = boardGuard({ resolve: memberByAuthenticator(authenticate), audit });
  app.get('/api/boards/:id', guard('AU6'), (c) => {
    const result = c.var.member;
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
  registerBoardAccessRoutes(app, { registry, access, logger, cookies, clientAddress, audit, meetings });
  registerLobbyRoutes(app, { registry, access, logger, clientAddress, audit });
  registerAuditRoutes(app, { registry, access, audit, logger });

  registerScaleRoutes(app, {
    rooms,
    privateRatings,
    authenticate,
    logger,
    maxBodyBytes: MAX_BODY_BYTES,
    audit,
  });
  registerChildToolWorkerRoute(app, {
    authenticate,
    access,
    childTools: services.childTools,
    audit,
    logger,
  });
  registerChildToolRoutes(app, {
    authenticate,
    rooms,
    access,
    childTools: services.childTools,
    audit,
    logger,
    renderer: services.reports,
    now: access.now,
  });
  registerExportSchemaRoute(app);
  const history = {
    rooms,
    versions,
    meetings,
    registry,
    access,
    audit,
    logger,
    childTools: services.childTools,
  };
  registerVersionRoutes(app, history);
  registerVersionChildToolRoutes(app, history);
  registerReportRoutes(app, { ...history, now: access.now, renderer: services.reports });
  app.all('/api/*', (c) => c.notFound());
  app.all('/sync/*', () => {
    throw new ApiError(426, ApiErrorCode.upgradeRequired, 'Connect to /sync/<boardId> with a WebSocket');
  });
  if (webDist !== null) {
    app.use('*', webApp({ root: webDist }));
  } else {
    app.get('*', (c) => c.html('<!doctype html><title>Kinmap</title><p>The web app is not built.</p>', 503));
  }
  return app;
}
