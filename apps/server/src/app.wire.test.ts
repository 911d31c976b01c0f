import {
  auditPageResponse,
  boardAccessResponse,
  boardListResponse,
  closedMeetingResponse,
  createdBoardResponse,
  createdInviteResponse,
  importedBoardResponse,
  inviteListResponse,
  meetingListResponse,
  meetingResponse,
  memberListResponse,
  meResponse,
  openedInviteResponse,
  openedVersionResponse,
  restoreResponse,
  revealResponse,
  savedVersionResponse,
  ticketResponse,
  trajectoryResponse,
  userResponse,
  versionListResponse,
} from '@kinmap/protocol';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import { inviteSecret } from './access/access.fixture.js';
import { historyFixtures } from './history/history.fixture.js';
import { reply } from './http/reply.js';

describe('reply', () => {
  it('answers the body as JSON with the status', async () => {
    const app = new Hono();
    app.post('/boards', (c) => reply(c, createdBoardResponse, { id: 'b1', memberId: 'm1' }, 201));
    const res = await app.request('/boards', { method: 'POST' });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ id: 'b1', memberId: 'm1' });
  });

  it('takes only the schema’s fields: a renamed, missing or mistyped field does not compile', () => {
    const app = new Hono();
    app.get('/renamed', (c) =>
      // @ts-expect-error `member` is not a field of the created-board answer (`memberId` is)
      reply(c, createdBoardResponse, { id: 'b1', member: 'm1' }),
    );
    // @ts-expect-error `memberId` is missing
    app.get('/missing', (c) => reply(c, createdBoardResponse, { id: 'b1' }));
    // @ts-expect-error `revealed` is a number
    app.get('/mistyped', (c) => reply(c, revealResponse, { revealed: '2' }));
    expect(app.routes.map((route) => route.path)).toEqual(['/renamed', '/missing', '/mistyped']);
  });
});

const setup = historyFixtures();

/** The answer's JSON, which must be the shape the route's schema promises. */
async function parsed<S extends z.ZodMiniType>(res: Response, schema: S, status = 200): Promise<z.output<S>> {
  expect(res.status).toBe(status);
  const checked = schema.safeParse(await res.json());
  expect(checked.error?.issues ?? []).toEqual([]);
  return checked.data as z.output<S>;
}

describe('every JSON answer is the shape the wire contract promises', () => {
  it('accounts, boards, invites, members and tickets', async () => {
    const f = await setup();
    const cookie = f.facilitator.cookie;
    const board = `/api/boards/${f.boardId}`;
    await parsed(await f.call('GET', '/api/me', { cookie }), meResponse);
    await parsed(await f.call('GET', '/api/me', { cookie: f.family.cookie }), meResponse);
    await parsed(await f.call('GET', '/api/me'), meResponse);
    await parsed(
      await f.call('POST', '/api/login', { body: { email: 'pam@example.org', password: 'a long password' } }),
      userResponse,
    );
    await parsed(
      await f.call('POST', '/api/boards', { cookie, body: { title: 'Another' } }),
      createdBoardResponse,
      201,
    );
    const boards = await parsed(await f.call('GET', '/api/boards', { cookie }), boardListResponse);
    expect(boards.boards).toHaveLength(2);
    await parsed(await f.call('GET', board, { cookie: f.family.cookie }), boardAccessResponse);
    const invite = await parsed(
      await f.call('POST', `${board}/invites`, { cookie, body: { role: 'network', label: 'Gran' } }),
      createdInviteResponse,
      201,
    );
    const invites = await parsed(await f.call('GET', `${board}/invites`, { cookie }), inviteListResponse);
    expect(invites.invites.map((i) => i.status)).toContain('open');
    await parsed(await f.call('GET', `${board}/members`, { cookie }), memberListResponse);
    await parsed(await f.call('POST', `${board}/tickets`, { cookie }), ticketResponse, 201);
    const opened = await parsed(
      await f.call('POST', '/api/invites/open', {
        body: { invite: inviteSecret(invite.link), displayName: 'Gran' },
      }),
      openedInviteResponse,
      201,
    );
    expect(opened.member).toMatchObject({ boardId: f.boardId, role: 'network' });
  });

  it('meetings, versions, restore, audit, trajectory and import', async () => {
    const f = await setup();
    await f.richBoard();
    const cookie = f.facilitator.cookie;
    const board = `/api/boards/${f.boardId}`;
    const started = await parsed(
      await f.call('POST', `${board}/meetings`, {
        cookie,
        body: { type: 'review-conference', date: '2025-03-12' },
      }),
      meetingResponse,
      201,
    );
    const meeting = `${board}/meetings/${started.meeting.id}`;
    await parsed(
      await f.call('PATCH', meeting, { cookie, body: { decision: 'Stay on a plan' } }),
      meetingResponse,
    );
    const closed = await parsed(await f.call('POST', `${meeting}/close`, { cookie }), closedMeetingResponse);
    await parsed(await f.call('GET', `${board}/meetings`, { cookie }), meetingListResponse);
    await parsed(
      await f.call('POST', `${board}/versions`, { cookie, body: { label: 'After' } }),
      savedVersionResponse,
      201,
    );
    await parsed(await f.call('GET', `${board}/versions`, { cookie }), versionListResponse);
    const version = `${board}/versions/${closed.version.id}`;
    const opened = await parsed(await f.call('GET', version, { cookie }), openedVersionResponse);
    expect(opened.restricted).not.toBeNull();
    await parsed(await f.call('POST', `${version}/restore`, { cookie, body: {} }), restoreResponse);
    await parsed(await f.call('GET', `${board}/audit`, { cookie }), auditPageResponse);
    await parsed(await f.call('GET', `${board}/trajectory`, { cookie }), trajectoryResponse);
    const exported = await (await f.call('GET', `${board}/export.json`, { cookie })).text();
    await parsed(
      await f.call('POST', '/api/boards/import', { cookie, body: exported }),
      importedBoardResponse,
      201,
    );
  });
});
