import type { BoardId, Role } from '@kinmap/model';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { NewAuditEvent } from '../audit/auditLog.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import type { BoardMember } from './authenticator.js';
import { type BoardEnv, boardGuard, memberByAuthenticator, type ResolveMember } from './boardGuard.js';

const member = (role: Role): BoardMember => ({
  boardId: 'board-1' as BoardId,
  memberId: `m-${role}`,
  role,
  sessionId: 's-1',
  via: 'session',
});

/** An app with one guarded route that echoes the member the guard handed on. */
function appWith(resolve: ResolveMember) {
  const recorded: NewAuditEvent[] = [];
  let resolved = 0;
  const guard = boardGuard({
    resolve: (c) => {
      resolved++;
      return resolve(c);
    },
    audit: { record: (event) => void recorded.push(event) },
  });
  const app = new Hono<BoardEnv>();
  app.onError((err, c) => (err instanceof ApiError ? c.json(err.toBody(), err.status) : c.text('boom', 500)));
  app.get('/api/boards/:id/meetings', guard('VE4'), (c) => c.json(c.var.member));
  return { app, recorded, resolvedCount: () => resolved };
}

describe('boardGuard', () => {
  it('[VE4] lets a role the policy table allows through, resolving the member once, as c.var.member', async () => {
    const { app, recorded, resolvedCount } = appWith(() => member('facilitator'));
    const res = await app.request('/api/boards/board-1/meetings');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(member('facilitator'));
    expect(resolvedCount()).toBe(1);
    expect(recorded).toEqual([]);
  });

  it('[VE4] [AD2] refuses any other role with 403 and records the refusal with the rule id', async () => {
    const { app, recorded } = appWith(() => member('practitioner'));
    const res = await app.request('/api/boards/board-1/meetings');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: { code: ApiErrorCode.forbidden, message: 'A practitioner may not run meetings' },
    });
    expect(recorded).toEqual([
      {
        boardId: 'board-1',
        actorMemberId: 'm-practitioner',
        kind: 'refused',
        detail: { rule: 'VE4', role: 'practitioner' },
      },
    ]);
  });

  it('[E1] passes the way-in answers through unchanged and records nothing', async () => {
    const authenticate = memberByAuthenticator(() => ({ ok: false, reason: 'not-signed-in' }));
    const { app, recorded } = appWith(authenticate);
    const res = await app.request('/api/boards/board-1/meetings');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(ApiErrorCode.notSignedIn);
    const unknown = appWith(memberByAuthenticator(() => ({ ok: false, reason: 'unknown-board' })));
    expect((await unknown.app.request('/api/boards/nope/meetings')).status).toBe(404);
    expect(recorded).toEqual([]);
  });

  it('hands the authenticator the path’s board id and headers, and the member without `ok`', async () => {
    const seen: string[] = [];
    const resolve = memberByAuthenticator((request) => {
      seen.push(`${request.boardId} ${String(request.headers?.cookie)}`);
      return { ok: true, ...member('facilitator') };
    });
    const { app } = appWith(resolve);
    const res = await app.request('/api/boards/board-1/meetings', {
      headers: { Cookie: 'kinmap_session=x' },
    });
    expect(await res.json()).toEqual(member('facilitator'));
    expect(seen).toEqual(['board-1 kinmap_session=x']);
  });
});
