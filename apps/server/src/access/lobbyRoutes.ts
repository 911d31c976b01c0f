import { mayAdmitAs } from '@kinmap/model';
import {
  formatLobbyCode,
  INVITE_LINK_PREFIX,
  LOBBY_LINK_PREFIX,
  type LobbyCode,
  lobbyAdmitRequest,
  lobbyAskRequest,
  lobbyAskResponse,
  lobbyCodeResponse,
  lobbyStateResponse,
  lobbyStatusRequest,
  lobbyStatusResponse,
  parseLobbyCode,
} from '@kinmap/protocol';
import type { Logger } from '@kinmap/sync';
import type { Context, Hono } from 'hono';
import type { AuditLog } from '../audit/auditLog.js';
import type { BoardRegistry } from '../boards/boardRegistry.js';
import { pathId } from '../boards/boardRequest.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import { parseJsonBody } from '../http/jsonBody.js';
import { reply } from '../http/reply.js';
import type { RequestIdEnv } from '../http/requestId.js';
import type { AccessControl } from './accessControl.js';
import { boardGuard, memberBySession, refuser } from './boardGuard.js';
import type { LobbyCodeRecord } from './lobby.js';

export interface LobbyRoutesOptions {
  readonly registry: BoardRegistry;
  readonly access: AccessControl;
  readonly logger: Logger;
  readonly clientAddress: (c: Context) => string;
  readonly audit?: Pick<AuditLog, 'record'>;
}

/** The asker's one-person invite lives as long as their admitted request: 30 minutes. */
const ADMITTED_INVITE_MS = 30 * 60_000;

const codeView = (record: LobbyCodeRecord): LobbyCode => ({
  code: formatLobbyCode(record.code),
  link: `${LOBBY_LINK_PREFIX}${formatLobbyCode(record.code)}`,
  expiresAt: record.expiresAt,
});

/**
 * Asking to join at the wall (SPEC [AU20]–[AU22]; docs/PROTOCOL.md "Asking to join"). The code on
 * the wall opens a waiting room only: the asker gets a token for their own request and nothing of
 * the board; the facilitator admits (a one-person invite, opened through `/api/invites/open` as any
 * personal link) or declines. Logs and the audit carry ids and roles, never the names people give.
 */
export function registerLobbyRoutes(
  app: Hono<RequestIdEnv>,
  { registry, access, logger, clientAddress, audit }: LobbyRoutesOptions,
): void {
  const { lobby, invites } = access;
  const limiter = access.limiters.lobbyByIp;
  const guard = boardGuard({ resolve: memberBySession({ registry, access }), audit });
  const refuse = refuser(audit);

  /** Counts one attempt from the caller's address; 429 once it has had its share. */
  const limited = (c: Context): string => {
    const ip = `lobby:${clientAddress(c)}`;
    const allowed = limiter.check(ip);
    if (!allowed.ok) {
      c.header('Retry-After', String(allowed.retryAfterS));
      throw new ApiError(429, ApiErrorCode.rateLimited, 'Too many attempts; try again later');
    }
    return ip;
  };

  // [AU20] The facilitator shows a fresh code (any earlier one stops working) …
  app.post('/api/boards/:id/lobby', guard('AU20'), (c) => {
    const actor = c.var.member;
    const record = lobby.open(actor.boardId, actor.memberId);
    logger.info('lobby.opened', { boardId: actor.boardId, by: actor.memberId });
    audit?.record({ boardId: actor.boardId, actorMemberId: actor.memberId, kind: 'lobby-opened' });
    return reply(c, lobbyCodeResponse, { code: codeView(record) }, 201);
  });

  // … hides it (people already waiting still get an answer) …
  app.delete('/api/boards/:id/lobby', guard('AU20'), (c) => {
    const actor = c.var.member;
    if (lobby.close(actor.boardId)) {
      logger.info('lobby.closed', { boardId: actor.boardId, by: actor.memberId });
      audit?.record({ boardId: actor.boardId, actorMemberId: actor.memberId, kind: 'lobby-closed' });
    }
    return c.body(null, 204);
  });

  // … and sees who is waiting.
  app.get('/api/boards/:id/lobby', guard('AU20'), (c) => {
    const { boardId } = c.var.member;
    const code = lobby.codeOf(boardId);
    const requests = lobby.waitingOf(boardId).map(({ id, name, about, createdAt, expiresAt }) => ({
      id,
      name,
      about,
      createdAt,
      expiresAt,
    }));
    return reply(c, lobbyStateResponse, { code: code ? codeView(code) : null, requests });
  });

  // [AU21] The wall (any member) reads the open code to show it.
  app.get('/api/boards/:id/lobby/code', guard('AU21'), (c) => {
    const code = lobby.codeOf(c.var.member.boardId);
    return reply(c, lobbyCodeResponse, { code: code ? codeView(code) : null });
  });

  app.post('/api/boards/:id/lobby/:requestId/admit', guard('AU20'), async (c) => {
    const actor = c.var.member;
    const requestId = pathId(c.req.param('requestId'), 'requestId');
    const { role } = parseJsonBody(lobbyAdmitRequest, await c.req.text());
    if (!mayAdmitAs(role))
      refuse(actor, 'AU20', `Someone asking at the wall cannot be admitted as a ${role}`);
    const request = lobby.waiting(actor.boardId, requestId);
    if (!request) throw new ApiError(404, ApiErrorCode.notFound, 'Nobody is waiting with that request');
    // The invite names the person for the staff's list (labels are staff-only, never logged).
    const { secret, invite } = invites.create({
      boardId: actor.boardId,
      role,
      label: request.name,
      createdByMemberId: actor.memberId,
      expiresAt: access.now() + ADMITTED_INVITE_MS,
    });
    lobby.admit(actor.boardId, request.id, secret);
    logger.info('lobby.admitted', {
      boardId: actor.boardId,
      requestId: request.id,
      inviteId: invite.id,
      role,
      by: actor.memberId,
    });
    audit?.record({
      boardId: actor.boardId,
      actorMemberId: actor.memberId,
      kind: 'lobby-admitted',
      detail: { requestId: request.id, inviteId: invite.id, role },
    });
    return c.body(null, 204);
  });

  app.post('/api/boards/:id/lobby/:requestId/decline', guard('AU20'), (c) => {
    const actor = c.var.member;
    const requestId = pathId(c.req.param('requestId'), 'requestId');
    if (!lobby.decline(actor.boardId, requestId))
      throw new ApiError(404, ApiErrorCode.notFound, 'Nobody is waiting with that request');
    logger.info('lobby.declined', { boardId: actor.boardId, requestId, by: actor.memberId });
    audit?.record({
      boardId: actor.boardId,
      actorMemberId: actor.memberId,
      kind: 'lobby-declined',
      detail: { requestId },
    });
    return c.body(null, 204);
  });

  // [AU22] Asking needs no session and gives none: a token for this request, nothing of the board.
  app.post('/api/lobby/ask', async (c) => {
    const ip = limited(c);
    const body = parseJsonBody(lobbyAskRequest, await c.req.text());
    // Every ask counts (a room behind one address fits well inside 20 per 15 minutes).
    limiter.fail(ip);
    const code = parseLobbyCode(body.code);
    const asked = code === null ? null : lobby.ask(code, body.name, body.about ?? '');
    if (asked === null || (!asked.ok && asked.reason === 'no-code')) {
      throw new ApiError(404, ApiErrorCode.notFound, 'This join code has ended or is not valid');
    }
    if (!asked.ok) {
      throw new ApiError(429, ApiErrorCode.rateLimited, 'Too many people are waiting; please try again soon');
    }
    logger.info('lobby.asked', { boardId: asked.request.boardId, requestId: asked.request.id });
    return reply(c, lobbyAskResponse, { token: asked.token, expiresAt: asked.request.expiresAt }, 201);
  });

  // A waiting device asks every few seconds: a valid token is always answered (people behind one
  // address must not be locked out of their answer); only unknown tokens count towards the limit.
  app.post('/api/lobby/status', async (c) => {
    const body = parseJsonBody(lobbyStatusRequest, await c.req.text());
    const request = lobby.byToken(body.token);
    if (!request) {
      limiter.fail(limited(c));
      throw new ApiError(404, ApiErrorCode.notFound, 'This request has ended');
    }
    const admitted = request.status === 'admitted' && request.inviteSecret !== null;
    return reply(c, lobbyStatusResponse, {
      status: request.status,
      expiresAt: request.expiresAt,
      invite: admitted ? `${INVITE_LINK_PREFIX}${request.inviteSecret}` : null,
    });
  });
}
