import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAccessAuthenticator } from './access/memberAuthenticator.js';
import { socketAddress } from './accounts/sessionCookie.js';
import { createApp } from './app.js';
import type { BoardRegistry } from './boards/boardRegistry.js';
import { silentLogger } from './ops/logger.js';
import { createServices } from './services.js';
import { openDatabase } from './storage/database.js';

type Logged = { event: string; fields: Record<string, unknown> };

/** The app with one signed-in staff member; invites, members and guests are in boardAccessRoutes.test.ts. */
function setup(registryOverride?: Partial<BoardRegistry>) {
  const db = openDatabase(':memory:');
  const logs: Logged[] = [];
  const record = (event: string, fields: Record<string, unknown> = {}) => logs.push({ event, fields });
  const logger = { info: record, warn: record, error: record };
  const services = createServices(db, { cipher: null, logger, scryptCost: { N: 1024, r: 8, p: 1 } });
  const { access } = services;
  // An overridden registry is the one every route and the authenticator read.
  const registry = { ...services.registry, ...registryOverride };
  const authenticate = createAccessAuthenticator({ registry, access });
  const settings = { secureCookies: false, webDist: null, clientAddress: socketAddress };
  const app = createApp({ ...services, registry, authenticate }, settings);
  const user = access.users.create({
    email: 'fay@example.org',
    displayName: 'Fay',
    passwordHash: 'x',
    isAdmin: false,
  });
  if (!user.ok) throw new Error('user not created');
  const staff = access.sessions.create(user.value.id).secret;
  return { app, db, logs, access, staff, cookie: { Cookie: `kinmap_session=${staff}` } };
}

/** As the web app posts: JSON, the CSRF header and this host's Origin, with the staff cookie. */
const postJson = (body: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: {
    'Content-Type': 'application/json',
    'X-Kinmap-CSRF': '1',
    Origin: 'http://localhost',
    ...headers,
  },
  body,
});

async function createBoard(t: ReturnType<typeof setup>, title = 'Family map') {
  const res = await t.app.request('/api/boards', postJson(JSON.stringify({ title }), t.cookie));
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; memberId: string };
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('Content-Type')).toContain('application/json');
  const body = await res.json();
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
  return body as { error: { code: string; message: string } };
}

describe('GET /healthz', () => {
  it('answers 200 { ok: true } with the basic security headers', async () => {
    const res = await setup().app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(res.headers.get('X-Request-Id')).toBeTruthy();
  });
});

describe('POST /api/boards', () => {
  it('[AU5] answers 201 with the board id and the creator’s member id, and no secret', async () => {
    const t = setup();
    const res = await t.app.request('/api/boards', postJson('{"title":"Family map"}', t.cookie));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; memberId: string };
    expect(Object.keys(body).sort()).toEqual(['id', 'memberId']);
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(t.access.members.get(body.memberId)).toMatchObject({ boardId: body.id, role: 'facilitator' });
  });

  it('[AU5] creates nothing for a caller without a staff session', async () => {
    const t = setup();
    await expectError(
      await t.app.request('/api/boards', postJson('{"title":"Family map"}')),
      401,
      'not-signed-in',
    );
    const guest = { Cookie: `kinmap_session=${t.access.sessions.create(null).secret}` };
    await expectError(
      await t.app.request('/api/boards', postJson('{"title":"Family map"}', guest)),
      403,
      'forbidden',
    );
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM boards').get()).toEqual({ n: 0 });
  });

  it('trims the title and stores SQL-looking text verbatim and harmlessly', async () => {
    const t = setup();
    const first = await createBoard(t, 'Other board');
    const title = "Robert'); DROP TABLE boards; --";
    const board = await createBoard(t, `  ${title}  `);
    const res = await t.app.request(`/api/boards/${board.id}`, { headers: t.cookie });
    expect(((await res.json()) as { title: string }).title).toBe(title);
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM boards').get()).toEqual({ n: 2 });
    const again = await t.app.request(`/api/boards/${first.id}`, { headers: t.cookie });
    expect(again.status).toBe(200);
  });

  it.each([
    ['not JSON', '{"title": ', 'bad-json'],
    ['an empty body', '', 'bad-json'],
    ['a number title', '{"title": 42}', 'invalid-input'],
    ['a missing title', '{}', 'invalid-input'],
    ['a blank title', '{"title": "   "}', 'invalid-input'],
    ['a 201-character title', JSON.stringify({ title: 'x'.repeat(201) }), 'invalid-input'],
    ['an array body', '["title"]', 'invalid-input'],
    ['a null body', 'null', 'invalid-input'],
    ['a title with an unpaired surrogate', '{"title": "a\\ud800b"}', 'invalid-input'],
  ])('answers 400 to %s, with a JSON error', async (_case, body, code) => {
    const { app, db, cookie } = setup();
    await expectError(await app.request('/api/boards', postJson(body, cookie)), 400, code);
    expect(db.prepare('SELECT COUNT(*) AS n FROM boards').get()).toEqual({ n: 0 });
  });

  it('answers 413 to a body over the limit, whether or not Content-Length announces it', async () => {
    const { app, cookie } = setup();
    const huge = JSON.stringify({ title: 'x'.repeat(64 * 1024) });
    await expectError(await app.request('/api/boards', postJson(huge, cookie)), 413, 'body-too-large');
    const announced = postJson(huge, { ...cookie, 'Content-Length': String(huge.length) });
    await expectError(await app.request('/api/boards', announced), 413, 'body-too-large');
  });
});

describe('GET /api/boards/:id', () => {
  it('[AU6] tells the creator’s session its role and member id', async () => {
    const t = setup();
    const board = await createBoard(t);
    const res = await t.app.request(`/api/boards/${board.id}`, { headers: t.cookie });
    expect(await res.json()).toEqual({
      id: board.id,
      title: 'Family map',
      createdAt: expect.any(Number),
      role: 'facilitator',
      memberId: board.memberId,
    });
  });

  it('[E1] answers 401 without a member’s cookie (a bearer or ?token= opens nothing), 404 for an unknown board', async () => {
    const t = setup();
    const board = await createBoard(t);
    for (const [path, headers] of [
      [`/api/boards/${board.id}`, {}],
      [`/api/boards/${board.id}`, { Cookie: 'kinmap_session=forged' }],
      [`/api/boards/${board.id}?token=${t.staff}`, {}],
      [`/api/boards/${board.id}`, { Authorization: `Bearer ${t.staff}` }],
    ] as const) {
      const res = await t.app.request(path, { headers });
      await expectError(res, 401, 'not-signed-in');
      expect(res.headers.get('WWW-Authenticate')).toBeNull();
    }
    await expectError(
      await t.app.request('/api/boards/unknownBoard', { headers: t.cookie }),
      404,
      'not-found',
    );
  });

  it.each([
    '/api/boards/..%2F..%2Fetc%2Fpasswd',
    '/api/boards/%2e%2e',
    `/api/boards/${'a'.repeat(65)}`,
    '/api/boards/a%20b',
    "/api/boards/'%3B%20DROP%20TABLE%20boards%3B--",
    '/api/boards/%00',
  ])('answers 404 JSON to the hostile id in %s', async (path) => {
    const t = setup();
    await createBoard(t);
    await expectError(await t.app.request(path, { headers: t.cookie }), 404, 'not-found');
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM boards').get()).toEqual({ n: 1 });
  });

  it('[E2] never logs the session secret or a query string, only the path', async () => {
    const t = setup();
    const board = await createBoard(t);
    await t.app.request(`/api/boards/${board.id}?ticket=query-secret-value`, { headers: t.cookie });
    const line = t.logs.find((entry) => entry.event === 'http.request' && entry.fields.method === 'GET');
    expect(line?.fields).toMatchObject({ path: `/api/boards/${board.id}`, status: 200 });
    const everything = JSON.stringify(t.logs);
    expect(everything).not.toContain(t.staff);
    expect(everything).not.toContain('query-secret-value');
    expect(everything).not.toContain('Family map');
  });
});

describe('errors', () => {
  it('answers unknown API routes 404 and plain HTTP on /sync 426, as JSON errors', async () => {
    const { app } = setup();
    await expectError(await app.request('/api/nothing'), 404, 'not-found');
    await expectError(await app.request('/api/boards', { method: 'DELETE' }), 404, 'not-found');
    await expectError(await app.request('/sync/board'), 426, 'upgrade-required');
  });

  it('turns an unexpected failure into a generic 500 and logs only the error class', async () => {
    const { app, logs } = setup({
      get: () => {
        throw new TypeError('secret detail');
      },
    });
    const res = await app.request('/api/boards/abc');
    const body = await expectError(res, 500, 'internal');
    expect(body.error.message).not.toContain('secret');
    expect(logs.find((entry) => entry.event === 'http.error')?.fields).toMatchObject({ name: 'TypeError' });
    expect(JSON.stringify(logs)).not.toContain('secret detail');
  });

  it('answers pages with 503 "not built" when no web app is configured', async () => {
    const res = await setup().app.request('/b/someBoard');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('not built');
  });
});

describe('security headers on static files', () => {
  it('[AU15] adds Strict-Transport-Security only when the deployment uses secure cookies', async () => {
    const services = createServices(openDatabase(':memory:'), { cipher: null, logger: silentLogger });
    const settings = { webDist: null, clientAddress: socketAddress };
    const secure = await createApp(services, { ...settings, secureCookies: true }).request('/healthz');
    expect(secure.headers.get('Strict-Transport-Security')).toBe('max-age=15552000; includeSubDomains');
    const plain = await createApp(services, { ...settings, secureCookies: false }).request('/healthz');
    expect(plain.headers.get('Strict-Transport-Security')).toBeNull();
  });

  it('[AU15] sends the CSP and nosniff with the web app’s files and its index fallback', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kinmap-csp-'));
    try {
      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>Kinmap</title>');
      writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
      const services = createServices(openDatabase(':memory:'), { cipher: null, logger: silentLogger });
      const app = createApp(services, { secureCookies: false, webDist: root, clientAddress: socketAddress });
      for (const path of ['/assets/app.js', '/b/someBoard', '/assets/missing.js']) {
        const res = await app.request(path);
        expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
        expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
