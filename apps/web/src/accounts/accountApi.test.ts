import { describe, expect, it } from 'vitest';
import { fetchMe, memberName, type SignedIn, setUpAdministrator, signIn, signOut } from './accountApi';

interface Call {
  readonly url: string;
  readonly init: RequestInit;
}

function fakeFetch(status: number, body: unknown, calls: Call[] = []) {
  return (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(status === 204 ? null : JSON.stringify(body), { status });
  }) as typeof fetch;
}

const user = { id: 'u1', email: 'sam@example.org', displayName: 'Sam', isAdmin: true };

describe('accountApi', () => {
  it('signs in with a CSRF-marked JSON body and reads the user', async () => {
    const calls: Call[] = [];
    expect(await signIn('sam@example.org', 'pw', fakeFetch(200, { user }, calls))).toEqual({
      ok: true,
      value: user,
    });
    expect(calls[0]?.url).toBe('/api/login');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.headers).toMatchObject({
      'X-Kinmap-CSRF': '1',
      'content-type': 'application/json',
    });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ email: 'sam@example.org', password: 'pw' });
  });

  it('reports wrong details and too many tries as the server codes them', async () => {
    const wrong = fakeFetch(401, { error: { code: 'bad-credentials', message: 'x' } });
    expect(await signIn('a@b.c', 'x', wrong)).toEqual({
      ok: false,
      reason: 'unauthorized',
      code: 'bad-credentials',
    });
  });

  it('signs out with the CSRF header', async () => {
    const calls: Call[] = [];
    expect(await signOut(fakeFetch(204, null, calls))).toEqual({ ok: true, value: null });
    expect(calls[0]?.init.headers).toMatchObject({ 'X-Kinmap-CSRF': '1' });
  });

  it('sends the setup code with the new administrator', async () => {
    const calls: Call[] = [];
    const form = { code: 'c0de', email: 'a@b.org', displayName: 'Ada', password: 'long enough pw' };
    expect(await setUpAdministrator(form, fakeFetch(201, { user }, calls))).toEqual({
      ok: true,
      value: user,
    });
    expect(calls[0]?.url).toBe('/api/setup');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(form);
  });

  it('reads who this device is: staff, or a guest holding members', async () => {
    const members = [{ id: 'm1', boardId: 'b1', role: 'family', displayName: 'Alex' }, { id: 'x' }];
    expect(await fetchMe(fakeFetch(200, { user, members }))).toEqual({
      ok: true,
      value: { user, members: [members[0]] },
    });
    expect(await fetchMe(fakeFetch(200, { user: null, members: [] }))).toEqual({
      ok: true,
      value: { user: null, members: [] },
    });
    expect(await fetchMe(fakeFetch(200, { user: { id: 1 }, members: [] }))).toEqual({
      ok: false,
      reason: 'failed',
    });
    expect(await fetchMe(fakeFetch(401, {}))).toEqual({ ok: false, reason: 'unauthorized' });
  });

  it('names a person by their member record, else by their staff account', () => {
    const me: SignedIn = {
      user,
      members: [{ id: 'm1', boardId: 'b1', role: 'practitioner', displayName: 'Sam P' }],
    };
    expect(memberName(me, 'm1')).toBe('Sam P');
    expect(memberName(me, 'm9')).toBe('Sam');
    expect(memberName({ user: null, members: [] }, 'm9')).toBeNull();
  });
});
