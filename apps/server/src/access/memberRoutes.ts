import { may, mayManage, type Role, reviewTimetable } from '@kinmap/model';
import {
  type BoardMember,
  boardListResponse,
  createdInviteResponse,
  createdInvitesResponse,
  INVITE_LINK_PREFIX,
  type InviteStatus,
  inviteBatchRequest,
  inviteListResponse,
  invitePreviewRequest,
  invitePreviewResponse,
  inviteRequest,
  memberListResponse,
  openedInviteResponse,
  openInviteRequest,
  ticketResponse,
} from '@kinmap/protocol';
import type { Logger } from '@kinmap/sync';
import type { Context, Hono } from 'hono';
import { requireStaff } from '../accounts/accountRoutes.js';
import { type CookieSettings, writeSessionCookie } from '../accounts/sessionCookie.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { BoardRegistry } from '../boards/boardRegistry.js';
import { pathId } from '../boards/boardRequest.js';
import type { Meetings } from '../history/meetingStore.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import { parseJsonBody } from '../http/jsonBody.js';
import { reply } from '../http/reply.js';
import type { RequestIdEnv } from '../http/requestId.js';
import type { AccessControl } from './accessControl.js';
import type { BoardMember as GuardedMember } from './authenticator.js';
import { boardGuard, memberBySession, refuser } from './boardGuard.js';
import type { InviteRecord } from './inviteStore.js';
import { signedIn } from './memberAuthenticator.js';
import type { MemberRecord } from './members.js';

export interface BoardAccessRoutesOptions {
  readonly registry: BoardRegistry;
  readonly access: AccessControl;
  readonly logger: Logger;
  readonly cookies: CookieSettings;
  readonly clientAddress: (c: Context) => string;
  /** Invites, revocations and refusals are audit events (SPEC [AD2]). */
  readonly audit?: Pick<AuditLog, 'record'>;
  /** The conferences held, for each board's review timetable on the board list. */
  readonly meetings: Pick<Meetings, 'list'>;
}

const DEFAULT_INVITE_HOURS = 72;

const publicMember = (member: MemberRecord): BoardMember => ({
  id: member.id,
  role: member.role,
  displayName: member.displayName,
  staff: member.userId !== null,
  createdAt: member.createdAt,
  revokedAt: member.revokedAt,
});

function inviteStatus(invite: InviteRecord, now: number): InviteStatus {
  if (invite.revokedAt !== null) return 'revoked';
  if (invite.usedByMemberId !== null) return 'used';
  return invite.expiresAt <= now ? 'expired' : 'open';
}

/**
 * Boards, invites, members and tickets for signed-in people (docs/PROTOCOL.md "Accounts";
 * SPEC [AU5]–[AU12]). Board routes authenticate by the session cookie only: the legacy role tokens
 * name no person, so they can neither invite nor revoke.
 */
export function registerBoardAccessRoutes(
  app: Hono<RequestIdEnv>,
  { registry, access, logger, cookies, clientAddress, audit, meetings }: BoardAccessRoutesOptions,
): void {
  const { members, invites, sessions, tickets, liveSockets } = access;
  const guard = boardGuard({ resolve: memberBySession({ registry, access }), audit });
  const refuse = refuser(audit);

  /** The link of an open invite, for someone who may manage its role ([AU7]); null otherwise. */
  const linkFor = (actorRole: Role, invite: InviteRecord, now: number): string | null => {
    if (inviteStatus(invite, now) !== 'open' || !mayManage(actorRole, invite.role)) return null;
    const secret = invites.secretOf(invite.id);
    return secret === null ? null : `${INVITE_LINK_PREFIX}${secret}`;
  };

  /** Ends a member's access everywhere at once: bindings, tickets, open sockets; audited. */
  const revokeMember = (actor: GuardedMember, target: MemberRecord): void => {
    members.revoke(target.id);
    sessions.unbindMember(target.id);
    // Tickets issued before the revocation open nothing (the authenticator checks again at redemption).
    tickets.voidMember(target.id);
    const closed = liveSockets.closeMember(target.id);
    logger.info('member.revoked', {
      boardId: target.boardId,
      memberId: target.id,
      by: actor.memberId,
      sockets: closed,
    });
    audit?.record({
      boardId: target.boardId,
      actorMemberId: actor.memberId,
      kind: 'member-revoked',
      detail: { memberId: target.id, role: target.role, sockets: closed },
    });
  };

  app.get('/api/boards', (c) => {
    const { user } = requireStaff(c, access);
    const today = new Date(access.now()).toISOString().slice(0, 10);
    const boards = members.ofUser(user.id).flatMap((member) => {
      const board = registry.get(member.boardId);
      if (!board) return [];
      const held = meetings
        .list(member.boardId)
        .map((meeting) => ({ type: meeting.type, date: meeting.date, closed: meeting.closedAt !== null }));
      return [{ ...board, role: member.role, memberId: member.id, nextReview: reviewTimetable(held, today) }];
    });
    return reply(c, boardListResponse, { boards });
  });

  /** One invite, logged and audited by id and role only (never the label: it often names the person). */
  const createOne = (inviter: GuardedMember, role: Role, label: string, expiresAt: number) => {
    const { secret, invite } = invites.create({
      boardId: inviter.boardId,
      role,
      label,
      createdByMemberId: inviter.memberId,
      expiresAt,
    });
    logger.info('invite.created', {
      boardId: invite.boardId,
      inviteId: invite.id,
      role: invite.role,
      by: inviter.memberId,
    });
    audit?.record({
      boardId: invite.boardId,
      actorMemberId: inviter.memberId,
      kind: 'invite-created',
      detail: { inviteId: invite.id, role: invite.role },
    });
    return { invite, link: `${INVITE_LINK_PREFIX}${secret}` };
  };

  app.post('/api/boards/:id/invites', guard('AU7'), async (c) => {
    const inviter = c.var.member;
    const body = parseJsonBody(inviteRequest, await c.req.text());
    if (!mayManage(inviter.role, body.role)) {
      refuse(inviter, 'AU7', `A ${inviter.role} cannot invite a ${body.role}`);
    }
    const expiresAt = access.now() + (body.expiresInHours ?? DEFAULT_INVITE_HOURS) * 3600_000;
    const { invite, link } = createOne(inviter, body.role, body.label ?? '', expiresAt);
    return reply(c, createdInviteResponse, { id: invite.id, link, expiresAt }, 201);
  });

  // Several people at once ([AU7]): every role is checked before any link is made, all in one
  // transaction, so a refused row leaves nothing half-created.
  app.post('/api/boards/:id/invites/batch', guard('AU7'), async (c) => {
    const inviter = c.var.member;
    const body = parseJsonBody(inviteBatchRequest, await c.req.text());
    const refused = body.invites.find((row) => !mayManage(inviter.role, row.role));
    if (refused) refuse(inviter, 'AU7', `A ${inviter.role} cannot invite a ${refused.role}`);
    const expiresAt = access.now() + (body.expiresInHours ?? DEFAULT_INVITE_HOURS) * 3600_000;
    const created = access.db.transaction(() =>
      body.invites.map((row) => {
        const { invite, link } = createOne(inviter, row.role, row.label ?? '', expiresAt);
        return { id: invite.id, role: invite.role, label: invite.label, link, expiresAt };
      }),
    )();
    return reply(c, createdInvitesResponse, { invites: created }, 201);
  });

  app.get('/api/boards/:id/invites', guard('AU8'), (c) => {
    const { boardId } = c.var.member;
    const now = access.now();
    const list = invites.ofBoard(boardId).map((invite) => ({
      id: invite.id,
      role: invite.role,
      label: invite.label,
      createdAt: invite.createdAt,
      expiresAt: invite.expiresAt,
      status: inviteStatus(invite, now),
      usedByMemberId: invite.usedByMemberId,
      link: linkFor(c.var.member.role, invite, now),
    }));
    return reply(c, inviteListResponse, { invites: list });
  });

  app.delete('/api/boards/:id/invites/:inviteId', guard('AU9'), (c) => {
    const actor = c.var.member;
    const invite = invites.get(pathId(c.req.param('inviteId'), 'inviteId'));
    if (!invite || invite.boardId !== actor.boardId)
      throw new ApiError(404, ApiErrorCode.notFound, 'No such invite');
    if (!mayManage(actor.role, invite.role)) {
      refuse(actor, 'AU9', `A ${actor.role} cannot revoke a ${invite.role} invite`);
    }
    invites.revoke(invite.id);
    logger.info('invite.revoked', { boardId: invite.boardId, inviteId: invite.id, by: actor.memberId });
    audit?.record({
      boardId: invite.boardId,
      actorMemberId: actor.memberId,
      kind: 'invite-revoked',
      detail: { inviteId: invite.id, role: invite.role },
    });
    // An opened link is a person on the board: revoking it ends their access too, as removing
    // the member does (the facilitator thinks of the link and the person as one).
    const holder = invite.usedByMemberId === null ? null : members.get(invite.usedByMemberId);
    if (holder && holder.boardId === actor.boardId && holder.id !== actor.memberId) {
      revokeMember(actor, holder);
    }
    return c.body(null, 204);
  });

  /** What a join page may show before the person joins (SPEC [AU17]); nothing for a bad link. */
  app.post('/api/invites/preview', async (c) => {
    const ip = `invite:${clientAddress(c)}`;
    const allowed = access.limiters.inviteByIp.check(ip);
    if (!allowed.ok) {
      c.header('Retry-After', String(allowed.retryAfterS));
      throw new ApiError(429, ApiErrorCode.rateLimited, 'Too many attempts; try again later');
    }
    const body = parseJsonBody(invitePreviewRequest, await c.req.text());
    const invite = invites.bySecret(body.invite);
    const board = invite ? registry.get(invite.boardId) : null;
    if (!invite || board === null) {
      access.limiters.inviteByIp.fail(ip);
      throw new ApiError(404, ApiErrorCode.notFound, 'This invite link is not valid');
    }
    if (invite.revokedAt !== null)
      throw new ApiError(410, ApiErrorCode.inviteRevoked, 'This invite was revoked');
    let alreadyJoined = false;
    if (invite.usedByMemberId !== null) {
      const device = signedIn(access, c.req.header('Cookie'));
      const holder = members.get(invite.usedByMemberId);
      alreadyJoined =
        device !== null &&
        holder !== null &&
        holder.revokedAt === null &&
        sessions.memberIds(device.session.id).includes(holder.id);
      if (!alreadyJoined) {
        if (holder && holder.revokedAt !== null)
          throw new ApiError(
            410,
            ApiErrorCode.memberRemoved,
            'The access given with this invite was removed',
          );
        throw new ApiError(410, ApiErrorCode.inviteUsed, 'This invite has already been used to join');
      }
    } else if (invite.expiresAt <= access.now()) {
      throw new ApiError(410, ApiErrorCode.inviteExpired, 'This invite has expired');
    }
    const inviter = members.get(invite.createdByMemberId);
    logger.info('invite.previewed', { boardId: invite.boardId, inviteId: invite.id });
    return reply(c, invitePreviewResponse, {
      boardTitle: board.title,
      inviterName: inviter?.displayName ?? '',
      role: invite.role,
      expiresAt: invite.expiresAt,
      alreadyJoined,
    });
  });

  app.get('/api/boards/:id/members', guard('AU8'), (c) => {
    const { boardId } = c.var.member;
    return reply(c, memberListResponse, { members: members.ofBoard(boardId).map(publicMember) });
  });

  app.delete('/api/boards/:id/members/:memberId', guard('AU11'), (c) => {
    const actor = c.var.member;
    const target = members.get(pathId(c.req.param('memberId'), 'memberId'));
    if (!target || target.boardId !== actor.boardId)
      throw new ApiError(404, ApiErrorCode.notFound, 'No such member');
    if (target.id === actor.memberId)
      throw new ApiError(409, ApiErrorCode.invalidInput, 'You cannot revoke yourself');
    if (!mayManage(actor.role, target.role)) {
      refuse(actor, 'AU11', `A ${actor.role} cannot revoke a ${target.role}`);
    }
    revokeMember(actor, target);
    return c.body(null, 204);
  });

  app.post('/api/boards/:id/tickets', guard('AU12'), (c) => {
    const { boardId, memberId, role, sessionId } = c.var.member;
    // A member's own bound first: one person cannot drain the server's pool and lock others out.
    const allowed = tickets.allows(memberId);
    if (!allowed.ok) {
      c.header('Retry-After', String(allowed.retryAfterS));
      if (allowed.reason === 'member-limit')
        throw new ApiError(429, ApiErrorCode.rateLimited, 'Too many tickets outstanding for you; retry soon');
      throw new ApiError(503, ApiErrorCode.unavailable, 'Too many tickets outstanding; retry soon');
    }
    const issued = tickets.issue({ boardId, memberId, role, sessionId });
    return reply(c, ticketResponse, issued, 201);
  });

  app.post('/api/invites/open', async (c) => {
    const ip = `invite:${clientAddress(c)}`;
    const allowed = access.limiters.inviteByIp.check(ip);
    if (!allowed.ok) {
      c.header('Retry-After', String(allowed.retryAfterS));
      throw new ApiError(429, ApiErrorCode.rateLimited, 'Too many attempts; try again later');
    }
    const body = parseJsonBody(openInviteRequest, await c.req.text());
    const invite = invites.bySecret(body.invite);
    if (!invite || registry.get(invite.boardId) === null) {
      access.limiters.inviteByIp.fail(ip);
      throw new ApiError(404, ApiErrorCode.notFound, 'This invite link is not valid');
    }
    const opened = openInvite(c, invite, body.displayName);
    logger.info('invite.opened', { boardId: invite.boardId, inviteId: invite.id, memberId: opened.id });
    if (opened.fresh) {
      audit?.record({
        boardId: invite.boardId,
        actorMemberId: opened.id,
        kind: 'invite-opened',
        detail: { inviteId: invite.id, role: opened.role },
      });
    }
    const member = { ...publicMember(opened), boardId: opened.boardId };
    return reply(c, openedInviteResponse, { member }, opened.fresh ? 201 : 200);
  });

  /** Binds the invite to a new member of this device, or answers the device that already holds it. */
  function openInvite(c: Context, invite: InviteRecord, name: string): MemberRecord & { fresh: boolean } {
    if (invite.revokedAt !== null)
      throw new ApiError(410, ApiErrorCode.inviteRevoked, 'This invite was revoked');
    const device = signedIn(access, c.req.header('Cookie'));
    if (invite.usedByMemberId !== null) {
      const mine = device ? sessions.memberIds(device.session.id).includes(invite.usedByMemberId) : false;
      const holder = members.get(invite.usedByMemberId);
      if (mine && holder && holder.revokedAt === null) return { ...holder, fresh: false };
      // The person who joined with it was removed (their bindings are gone, so no browser is
      // "theirs" any more): the link is over for everyone, and that is what to say.
      if (holder && holder.revokedAt !== null) {
        throw new ApiError(410, ApiErrorCode.memberRemoved, 'The access given with this invite was removed');
      }
      // Another browser, or this one after signing out or after its session ended: the server
      // cannot tell these apart, so the words for the person say both (accounts/messages.en.ts).
      throw new ApiError(410, ApiErrorCode.inviteUsed, 'This invite has already been used to join');
    }
    if (invite.expiresAt <= access.now())
      throw new ApiError(410, ApiErrorCode.inviteExpired, 'This invite has expired');
    const bind = access.db.transaction(() => {
      const created = device ? null : sessions.create(null);
      const sessionId = device?.session.id ?? created?.session.id ?? '';
      // [AU16] A staff account holds a staff role through its account; a guest role binds the device.
      const staffUser = may(invite.role, 'AU16') ? (device?.user?.id ?? null) : null;
      const member = members.create({
        boardId: invite.boardId,
        role: invite.role,
        displayName: name,
        userId: staffUser,
      });
      // Guarded update: of two devices racing for one invite exactly one wins, the other rolls back.
      if (!invites.markUsed(invite.id, member.id)) {
        throw new ApiError(410, ApiErrorCode.inviteUsed, 'This invite has been used by someone else');
      }
      sessions.addMember(sessionId, member.id);
      return { member, secret: created?.secret ?? null };
    });
    const { member, secret } = bind();
    if (secret !== null) writeSessionCookie(c, secret, cookies);
    return { ...member, fresh: true };
  }
}
