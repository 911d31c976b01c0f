import { ROLES } from '@kinmap/model';
import { createMemoryStore } from '@kinmap/sync';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { type BoardRegistry, createBoardRegistry } from './boardRegistry.js';
import { openDatabase } from './sqliteStore.js';

type Logged = { event: string; fields: Record<string, unknown> };

function setup(registryOverride?: Partial<BoardRegistry>) {
  const db = openDatabase(':memory:');
  const registry = { ...createBoardRegistry({ db, store: createMemoryStore() }), ...registryOverride };
  const logs: Logged[] = [];
  const record = (event: string, fields: Record<string, unknown> = {}) => logs.push({ event, fields });
  const app = createApp({ registry, logger: { info: record, warn: record, error: record } });
  return { app, db, logs };
}

const postJson = (body: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body,
});

async function createBoard(app: ReturnType<typeof setup>['app'], title = 'Family map') {
  const res = await app.request('/api/boards', postJson(JSON.stringify({ title })));
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; tokens: Record<(typeof ROLES)[number], string> };
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
  it('answers 201 with the board id and five distinct tokens of at least 128 bits', async () => {
    const res = await setup().app.request('/api/boards', postJson('{"title":"Family map"}'));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; tokens: Record<string, string> };
    expect(Object.keys(body).sort()).toEqual(['id', 'tokens']);
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(Object.keys(body.tokens).sort()).toEqual([...ROLES].sort());
    const tokens = Object.values(body.tokens);
    expect(new Set(tokens).size).toBe(5);
    for (const token of tokens)
      expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
  });

  it('trims the title and stores SQL-looking text verbatim and harmlessly', async () => {
    const { app, db } = setup();
    const first = await createBoard(app, 'Other board');
    const title = "Robert'); DROP TABLE boards; --";
    const board = await createBoard(app, `  ${title}  `);
    const res = await app.request(`/api/boards/${board.id}`, {
      headers: { Authorization: `Bearer ${board.tokens.family}` },
    });
    expect(((await res.json()) as { title: string }).title).toBe(title);
    expect(db.prepare('SELECT COUNT(*) AS n FROM boards').get()).toEqual({ n: 2 });
    const again = await app.request(`/api/boards/${first.id}?token=${first.tokens.viewer}`);
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
    const { app, db } = setup();
    await expectError(await app.request('/api/boards', postJson(body)), 400, code);
    expect(db.prepare('SELECT COUNT(*) AS n FROM boards').get()).toEqual({ n: 0 });
  });

  it('answers 413 to a body over the limit, whether or not Content-Length announces it', async () => {
    const { app } = setup();
    const huge = JSON.stringify({ title: 'x'.repeat(64 * 1024) });
    await expectError(await app.request('/api/boards', postJson(huge)), 413, 'body-too-large');
    const announced = postJson(huge, { 'Content-Length': String(huge.length) });
    await expectError(await app.request('/api/boards', announced), 413, 'body-too-large');
  });
});

describe('GET /api/boards/:id', () => {
  it('tells each token its role, by Bearer header or ?token=', async () => {
    const { app } = setup();
    const board = await createBoard(app);
    for (const role of ROLES) {
      const byHeader = await app.request(`/api/boards/${board.id}`, {
        headers: { Authorization: `Bearer ${board.tokens[role]}` },
      });
      expect(await byHeader.json()).toEqual({
        id: board.id,
        title: 'Family map',
        createdAt: expect.any(Number),
        role,
      });
      const byQuery = await app.request(`/api/boards/${board.id}?token=${board.tokens[role]}`);
      expect(((await byQuery.json()) as { role: string }).role).toBe(role);
    }
  });

  it('answers 401 without a token, 403 with a wrong or foreign token, 404 for an unknown board', async () => {
    const { app } = setup();
    const board = await createBoard(app);
    const other = await createBoard(app);
    const missing = await app.request(`/api/boards/${board.id}`);
    await expectError(missing, 401, 'missing-token');
    expect(missing.headers.get('WWW-Authenticate')).toBe('Bearer');
    await expectError(await app.request(`/api/boards/${board.id}?token=guess`), 403, 'wrong-token');
    await expectError(
      await app.request(`/api/boards/${board.id}?token=${other.tokens.facilitator}`),
      403,
      'wrong-token',
    );
    await expectError(
      await app.request(`/api/boards/unknownBoard?token=${board.tokens.facilitator}`),
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
    const { app, db } = setup();
    await createBoard(app);
    await expectError(await app.request(`${path}?token=x`), 404, 'not-found');
    expect(db.prepare('SELECT COUNT(*) AS n FROM boards').get()).toEqual({ n: 1 });
  });

  it('[E2] never logs the token, only the path without its query string', async () => {
    const { app, logs } = setup();
    const board = await createBoard(app);
    await app.request(`/api/boards/${board.id}?token=${board.tokens.facilitator}`);
    const line = logs.find((entry) => entry.event === 'http.request' && entry.fields.method === 'GET');
    expect(line?.fields).toMatchObject({ path: `/api/boards/${board.id}`, status: 200 });
    const everything = JSON.stringify(logs);
    for (const token of Object.values(board.tokens)) expect(everything).not.toContain(token);
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
    const res = await app.request('/api/boards/abc?token=t');
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
