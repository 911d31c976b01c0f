import type { Role } from '@kinmap/model';
import { createdBoardResponse } from '@kinmap/protocol';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type ApiResult,
  apiRequest,
  type BoardSummary,
  type CreatedBoard,
  createBoard,
  fetchBoardAccess,
  listBoards,
  readAs,
  requestInit,
  wsUrl,
} from './api';

interface Call {
  readonly url: string;
  readonly init: RequestInit;
}

function fakeFetch(status: number, body: unknown, calls: Call[] = [], headers: Record<string, string> = {}) {
  return (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(status === 204 ? null : JSON.stringify(body), { status, headers });
  }) as typeof fetch;
}

describe('requestInit', () => {
  it('sends the cookie and no CSRF header when only reading', () => {
    expect(requestInit({})).toEqual({ method: 'GET', credentials: 'same-origin', headers: {} });
  });

  it('adds the CSRF header to every state change, and a JSON body when there is one', () => {
    for (const method of ['POST', 'PUT', 'DELETE'] as const) {
      const init = requestInit({ method });
      expect(init.credentials).toBe('same-origin');
      expect(init.headers).toEqual({ 'X-Kinmap-CSRF': '1' });
      expect(init.body).toBeUndefined();
    }
    const init = requestInit({ method: 'POST', body: { title: 'Case 7' }, headers: { 'x-a': 'b' } });
    expect(init.headers).toEqual({ 'x-a': 'b', 'X-Kinmap-CSRF': '1', 'content-type': 'application/json' });
    expect(JSON.parse(String(init.body))).toEqual({ title: 'Case 7' });
  });
});

describe('apiRequest', () => {
  it('reads JSON, and null for 204', async () => {
    expect(await apiRequest('/x', {}, fakeFetch(200, { a: 1 }))).toEqual({ ok: true, value: { a: 1 } });
    expect(await apiRequest('/x', { method: 'DELETE' }, fakeFetch(204, null))).toEqual({
      ok: true,
      value: null,
    });
  });

  it('turns refusals into reasons with the server’s code', async () => {
    const used = { error: { code: 'invite-used', message: 'used' } };
    expect(await apiRequest('/x', {}, fakeFetch(410, used))).toEqual({
      ok: false,
      reason: 'gone',
      code: 'invite-used',
    });
    expect(await apiRequest('/x', {}, fakeFetch(401, {}))).toEqual({ ok: false, reason: 'unauthorized' });
    expect(await apiRequest('/x', {}, fakeFetch(403, 'not an object'))).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(await apiRequest('/x', {}, fakeFetch(413, {}))).toEqual({ ok: false, reason: 'invalid' });
    expect(await apiRequest('/x', {}, fakeFetch(502, {}))).toEqual({ ok: false, reason: 'failed' });
  });

  it('reads how long to wait after too many tries', async () => {
    const limited = fakeFetch(429, { error: { code: 'rate-limited', message: 'x' } }, [], {
      'Retry-After': '840',
    });
    expect(await apiRequest('/x', {}, limited)).toEqual({
      ok: false,
      reason: 'rate-limited',
      code: 'rate-limited',
      retryAfterS: 840,
    });
    const noHeader = await apiRequest('/x', {}, fakeFetch(429, {}));
    expect(noHeader).toEqual({ ok: false, reason: 'rate-limited' });
  });

  it('never throws: a network failure or a broken body is a failure', async () => {
    const offline = (async () => {
      throw new TypeError('network down');
    }) as unknown as typeof fetch;
    expect(await apiRequest('/x', {}, offline)).toEqual({ ok: false, reason: 'failed' });
    const broken = (async () => new Response('<html>', { status: 200 })) as unknown as typeof fetch;
    expect(await apiRequest('/x', {}, broken)).toEqual({ ok: false, reason: 'failed' });
  });
});

describe('boards', () => {
  it('creates a board with the CSRF header and returns its id and this person’s member id', async () => {
    const calls: Call[] = [];
    const result = await createBoard(
      'Case 7',
      fakeFetch(201, { id: 'b1', memberId: 'm1', tokens: {} }, calls),
    );
    expect(result).toEqual({ ok: true, value: { id: 'b1', memberId: 'm1' } });
    expect(calls[0]?.url).toBe('/api/boards');
    expect(calls[0]?.init.headers).toMatchObject({ 'X-Kinmap-CSRF': '1' });
    expect(await createBoard('Case 7', fakeFetch(201, { id: 'b1' }))).toEqual({
      ok: false,
      reason: 'failed',
    });
  });

  it('opens a board with the cookie only and reads the role and member id', async () => {
    const calls: Call[] = [];
    const body = { id: 'b1', title: 'Case 7', createdAt: 5, role: 'family', memberId: 'm2' };
    expect(await fetchBoardAccess('b1', fakeFetch(200, body, calls))).toEqual({ ok: true, value: body });
    expect(calls[0]?.url).toBe('/api/boards/b1');
    expect(new Headers(calls[0]?.init.headers).get('authorization')).toBeNull();
    expect(calls[0]?.init.credentials).toBe('same-origin');
  });

  it('refuses an answer without a member id or with an unknown role', async () => {
    const legacy = { id: 'b1', title: 'Case 7', createdAt: 5, role: 'family' };
    expect(await fetchBoardAccess('b1', fakeFetch(200, legacy))).toEqual({ ok: false, reason: 'failed' });
    const odd = { ...legacy, memberId: 'm', role: 'admin' };
    expect(await fetchBoardAccess('b1', fakeFetch(200, odd))).toEqual({ ok: false, reason: 'failed' });
  });

  it('lists this person’s boards newest first, skipping malformed entries', async () => {
    const boards = [
      { id: 'old', title: 'A', createdAt: 1, role: 'facilitator', memberId: 'm1' },
      { id: 'bad', title: 7 },
      { id: 'new', title: 'B', createdAt: 9, role: 'practitioner', memberId: 'm2' },
    ];
    const result = await listBoards(fakeFetch(200, { boards }));
    expect(result.ok && result.value.map((b) => b.id)).toEqual(['new', 'old']);
    expect(await listBoards(fakeFetch(200, { boards: 'x' }))).toEqual({ ok: false, reason: 'failed' });
  });

  it('builds ws addresses for the page’s own host', () => {
    expect(wsUrl('/sync', { protocol: 'https:', host: 'kin.example' })).toBe('wss://kin.example/sync');
    expect(wsUrl('/sync', { protocol: 'http:', host: 'localhost:3000' })).toBe('ws://localhost:3000/sync');
  });
});

describe('the wire contract', () => {
  it('reads an answer with the route’s schema from @kinmap/protocol, refusing another shape', () => {
    const answer = (value: unknown): ApiResult<unknown> => ({ ok: true, value });
    expect(readAs(answer({ id: 'b1', memberId: 'm1' }), createdBoardResponse)).toEqual({
      ok: true,
      value: { id: 'b1', memberId: 'm1' },
    });
    expect(readAs(answer({ id: 'b1', member: 'm1' }), createdBoardResponse)).toEqual({
      ok: false,
      reason: 'failed',
    });
    const refused = { ok: false, reason: 'forbidden' } as const;
    expect(readAs(refused, createdBoardResponse)).toBe(refused);
  });

  it('takes its types from the schemas, so renaming a response field fails to compile here', () => {
    expect(Object.keys(createdBoardResponse.shape)).toEqual(['id', 'memberId']);
    // Checked by `tsc` (pnpm typecheck), which fails on a renamed or retyped field in the protocol.
    expectTypeOf<CreatedBoard>().toEqualTypeOf<{ id: string; memberId: string }>();
    expectTypeOf<BoardSummary>().toEqualTypeOf<{
      id: string;
      title: string;
      createdAt: number;
      role: Role;
      memberId: string;
      nextReview?:
        | {
            after: { type: 'initial-conference' | 'review-conference'; date: string };
            dueBy: string;
            overdue: boolean;
          }
        | null
        | undefined;
    }>();
    expectTypeOf(createBoard).returns.resolves.toEqualTypeOf<ApiResult<CreatedBoard>>();
  });
});
