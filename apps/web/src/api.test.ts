import { describe, expect, it } from 'vitest';
import { createBoard, fetchBoardAccess, shareLink, wsUrl } from './api';
import { readTokenFromHash } from './session';

function fakeFetch(status: number, body: unknown, seen: RequestInit[] = []): typeof fetch {
  return (async (_url: string, init: RequestInit) => {
    seen.push(init);
    return new Response(JSON.stringify(body), { status });
  }) as typeof fetch;
}

const tokens = { facilitator: 'f', practitioner: 'p', family: 'fa', network: 'n', viewer: 'v' };

describe('api', () => {
  it('creates a board and returns its id and the five role tokens', async () => {
    const result = await createBoard('Case 7', fakeFetch(201, { id: 'b1', tokens }));
    expect(result).toEqual({ ok: true, value: { id: 'b1', tokens } });
  });

  it('treats a response without every role token as a failure', async () => {
    const result = await createBoard('Case 7', fakeFetch(201, { id: 'b1', tokens: { facilitator: 'f' } }));
    expect(result).toEqual({ ok: false, reason: 'failed' });
  });

  it('sends the token as a bearer header and reads the role', async () => {
    const seen: RequestInit[] = [];
    const body = { id: 'b1', title: 'Case 7', createdAt: 5, role: 'family' };
    const result = await fetchBoardAccess('b1', 'secret', fakeFetch(200, body, seen));
    expect(result).toEqual({ ok: true, value: body });
    expect(new Headers(seen[0]?.headers).get('authorization')).toBe('Bearer secret');
  });

  it('turns refusals into reasons', async () => {
    expect(await fetchBoardAccess('b1', 't', fakeFetch(403, {}))).toEqual({ ok: false, reason: 'forbidden' });
    expect(await fetchBoardAccess('b1', 't', fakeFetch(404, {}))).toEqual({ ok: false, reason: 'not-found' });
    const offline = (async () => {
      throw new TypeError('network down');
    }) as typeof fetch;
    expect(await fetchBoardAccess('b1', 't', offline)).toEqual({ ok: false, reason: 'failed' });
  });

  it('builds ws and share addresses for the page’s own host', () => {
    expect(wsUrl('/sync', { protocol: 'https:', host: 'kin.example' })).toBe('wss://kin.example/sync');
    expect(wsUrl('/sync', { protocol: 'http:', host: 'localhost:3000' })).toBe('ws://localhost:3000/sync');
    const link = shareLink('http://localhost:3000', 'b1', 'a+b/c');
    expect(link.startsWith('http://localhost:3000/b/b1#token=')).toBe(true);
    expect(readTokenFromHash(new URL(link).hash)).toBe('a+b/c');
  });
});
