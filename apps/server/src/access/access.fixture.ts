import { hashPassword } from '../accounts/password.js';
import { createApp } from '../app.js';
import { createServices, type ServicesConfig } from '../services.js';
import { openDatabase } from '../storage/database.js';
import type { DataCipher } from '../storage/dataCipher.js';

/**
 * Test-only: the app as production builds it (createServices) over `:memory:` SQLite, with cheap
 * scrypt, a movable clock and recorded logs. Call `close()` after a test that used the rooms.
 */
export function accessFixture({ cipher = null, reportLimits }: FixtureOptions = {}) {
  const db = openDatabase(':memory:');
  const clock = { now: 1_800_000_000_000 };
  const now = () => clock.now;
  const logs: string[] = [];
  const record = (event: string, fields: Record<string, unknown> = {}) =>
    logs.push(JSON.stringify({ event, fields }));
  const logger = { info: record, warn: record, error: record };
  const services = createServices(db, {
    cipher,
    logger,
    now,
    scryptCost: { N: 1024, r: 8, p: 1 },
    ...(reportLimits ? { reportLimits } : {}),
  });
  const { registry, access, store, rooms, versions, meetings } = services;
  const app = createApp(services, {
    secureCookies: false,
    webDist: null,
    // Rate limits are per address; tests choose theirs with a header.
    clientAddress: (c) => c.req.header('X-Test-Ip') ?? 'test',
  });
  const origin = 'http://localhost';

  /** A request as the web app sends it: JSON, CSRF header, same Origin, and the device's cookie. */
  const call = (method: string, path: string, { cookie, body, headers = {} }: CallOptions = {}) =>
    app.request(path, {
      method,
      headers: {
        Origin: origin,
        'X-Kinmap-CSRF': '1',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(cookie ? { Cookie: `kinmap_session=${cookie}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });

  async function createStaff(email: string, isAdmin = false) {
    const passwordHash = await hashPassword('a long password', access.scryptCost);
    const created = access.users.create({
      email,
      displayName: `Staff ${email.split('@')[0]}`,
      passwordHash,
      isAdmin,
    });
    if (!created.ok) throw new Error('user not created');
    return created.value;
  }

  /** Signs in and returns the cookie's secret. */
  async function login(email: string, password = 'a long password'): Promise<string> {
    const res = await call('POST', '/api/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
    return sessionCookieOf(res) ?? '';
  }

  async function createBoard(cookie: string, title = 'Family map') {
    const res = await call('POST', '/api/boards', { cookie, body: { title } });
    if (res.status !== 201) throw new Error(`board not created: ${res.status}`);
    return (await res.json()) as { id: string; memberId: string };
  }

  /** Invites and opens the invite on a fresh device; returns that device's cookie and member id. */
  async function inviteGuest(inviterCookie: string, boardId: string, role: string, name = 'Alex') {
    const invited = await call('POST', `/api/boards/${boardId}/invites`, {
      cookie: inviterCookie,
      body: { role },
    });
    if (invited.status !== 201) throw new Error(`invite failed: ${invited.status}`);
    const { link } = (await invited.json()) as { link: string };
    const opened = await call('POST', '/api/invites/open', {
      body: { invite: inviteSecret(link), displayName: name },
    });
    if (opened.status !== 201) throw new Error(`open failed: ${opened.status}`);
    const { member } = (await opened.json()) as { member: { id: string } };
    return { cookie: sessionCookieOf(opened) ?? '', memberId: member.id };
  }

  const close = async () => {
    await services.reports.close();
    await rooms.shutdown();
    await store.close();
    db.close();
  };
  return {
    clock,
    registry,
    access,
    app,
    logs,
    call,
    createStaff,
    login,
    createBoard,
    inviteGuest,
    services,
    store,
    rooms,
    versions,
    meetings,
    close,
  };
}

export interface FixtureOptions {
  readonly cipher?: DataCipher | null;
  readonly reportLimits?: ServicesConfig['reportLimits'];
}

export interface CallOptions {
  readonly cookie?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export function sessionCookieOf(res: Response): string | null {
  const header = res.headers.get('Set-Cookie') ?? '';
  const match = /kinmap_session=([^;]*)/.exec(header);
  return match?.[1] ? match[1] : null;
}

export const inviteSecret = (link: string): string =>
  link.slice(link.indexOf('#invite=') + '#invite='.length);
