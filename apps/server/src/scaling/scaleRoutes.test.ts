import {
  type Actor,
  asParticipantId,
  asScaleId,
  OVERALL_SCALE_ID,
  ROLES,
  type Role,
  readBoard,
  setScaleMode,
} from '@kinmap/model';
import { PARTICIPANT_KEY_HEADER } from '@kinmap/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AccessControl } from '../access/accessControl.js';
import { socketAddress } from '../accounts/sessionCookie.js';
import { createApp } from '../app.js';
import { createServices } from '../services.js';
import { openDatabase } from '../storage/database.js';

const MUM_KEY = 'mum-key-0123456789abcdefghij';
const DAD_KEY = 'dad-key-0123456789abcdefghij';
const REASON = 'Gran now stays over every weekend';
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function setup() {
  const db = openDatabase(':memory:');
  const logs: string[] = [];
  const record = (event: string, fields: Record<string, unknown> = {}) =>
    logs.push(JSON.stringify({ event, fields }));
  const services = createServices(db, {
    cipher: null,
    logger: { info: record, warn: record, error: record },
  });
  const { registry, rooms, privateRatings, access } = services;
  stops.push(() => rooms.shutdown());
  const app = createApp(services, { secureCookies: false, webDist: null, clientAddress: socketAddress });
  // A full disk, as SQLite reports it: every write to the update log fails while this is on.
  db.exec(`CREATE TEMP TABLE refuse_appends (on_ INTEGER NOT NULL);
    INSERT INTO refuse_appends VALUES (0);
    CREATE TEMP TRIGGER refuse_appends BEFORE INSERT ON main.updates
    WHEN (SELECT on_ FROM refuse_appends) BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
  const refuseAppends = (on: boolean) => db.prepare('UPDATE refuse_appends SET on_ = ?').run(on ? 1 : 0);
  const created = await registry.create('Family map');
  if (!created.ok) throw new Error('board not created');
  const boardId = created.value.id;
  const cookies = Object.fromEntries(ROLES.map((role) => [role, memberCookie(access, boardId, role).secret]));
  // Two people who score: each may give, read and withdraw only their own score [PR7].
  const mum = memberCookie(access, boardId, 'family');
  const dad = memberCookie(access, boardId, 'network');
  const people: Record<string, { id: string; role: Role; secret: string }> = {
    mum: { ...mum, role: 'family' },
    dad: { ...dad, role: 'network' },
  };
  const id = { mum: mum.id, dad: dad.id };

  const ratingUrl = (participant: string, scaleId: string = OVERALL_SCALE_ID) =>
    `/api/boards/${boardId}/scales/${scaleId}/ratings/${people[participant]?.id ?? participant}`;
  // The person the address names, when the call is made in their role; else someone else in that role.
  const cookieFor = (url: string, role: Role) =>
    Object.values(people).find((p) => p.role === role && url.endsWith(`/ratings/${p.id}`))?.secret ??
    cookies[role];
  const call = (method: string, url: string, role: Role, key: string | null, body?: unknown) =>
    app.request(url, {
      method,
      headers: {
        Cookie: `kinmap_session=${cookieFor(url, role)}`,
        'X-Kinmap-CSRF': '1',
        Origin: 'http://localhost',
        'Content-Type': 'application/json',
        ...(key ? { [PARTICIPANT_KEY_HEADER]: key } : {}),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const score = (participantId: string, key: string, body: unknown, role: Role = 'family') =>
    call('PUT', ratingUrl(participantId), role, key, body);
  const reveal = (role: Role = 'facilitator', scaleId: string = OVERALL_SCALE_ID) =>
    call('POST', `/api/boards/${boardId}/scales/${scaleId}/reveal`, role, null);
  const facilitator: Actor = { participantId: asParticipantId('fac'), role: 'facilitator' };
  async function openPrivately(scaleId: string = OVERALL_SCALE_ID) {
    const done = await rooms.change(boardId, (doc) =>
      setScaleMode(doc, facilitator, asScaleId(scaleId), 'private'),
    );
    expect(done).toMatchObject({ ok: true, value: { ok: true } });
  }
  async function docBytes() {
    const result = await rooms.change(boardId, (doc) => Y.encodeStateAsUpdate(doc));
    if (!result.ok) throw new Error(result.reason);
    return result.value;
  }
  async function scale() {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await docBytes());
    return readBoard(doc).scales[OVERALL_SCALE_ID];
  }
  return {
    app,
    access,
    registry,
    boardId,
    privateRatings,
    logs,
    ratingUrl,
    id,
    call,
    score,
    reveal,
    openPrivately,
    docBytes,
    scale,
    refuseAppends,
  };
}

/** A device session holding a guest member of the board in that role: what an opened invite leaves. */
function memberCookie(access: AccessControl, boardId: string, role: Role): { id: string; secret: string } {
  const member = access.members.create({ boardId, role, displayName: role, userId: null });
  const { secret, session } = access.sessions.create(null);
  access.sessions.addMember(session.id, member.id);
  return { id: member.id, secret };
}

const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
}

describe('PUT a private rating', () => {
  it('[PR3] stores the score outside the document, which only learns who has scored', async () => {
    const t = await setup();
    await t.openPrivately();
    const res = await t.score('mum', MUM_KEY, { value: 7, reason: REASON });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ rating: { value: 7, reason: REASON, at: expect.any(Number) } });
    expect(await t.scale()).toMatchObject({ mode: 'private', ratings: {}, scored: [t.id.mum] });
    expect(contains(await t.docBytes(), REASON)).toBe(false);
    expect(t.privateRatings.get(t.boardId, OVERALL_SCALE_ID, t.id.mum)?.rating).toMatchObject({
      value: 7,
      reason: REASON,
    });
  });

  it('[PR3] scoring again with the same key replaces the score; another key may not', async () => {
    const t = await setup();
    await t.openPrivately();
    await t.score('mum', MUM_KEY, { value: 7 });
    expect((await t.score('mum', MUM_KEY, { value: 8, reason: 'more' })).status).toBe(200);
    await expectError(await t.score('mum', DAD_KEY, { value: 1 }), 403, 'forbidden');
    expect(t.privateRatings.get(t.boardId, OVERALL_SCALE_ID, t.id.mum)?.rating).toMatchObject({
      value: 8,
      reason: 'more',
    });
  });

  it('[PR1] is refused with 409 while the scale is not collecting privately', async () => {
    const t = await setup();
    await expectError(await t.score('mum', MUM_KEY, { value: 7 }), 409, 'wrong-mode');
    expect(t.privateRatings.list(t.boardId, OVERALL_SCALE_ID)).toEqual({});
  });

  it.each([
    ['a value above 10', { value: 11 }],
    ['a value that is not whole', { value: 4.5 }],
    ['a value that is a string', { value: '7' }],
    ['no value', { reason: 'x' }],
    ['a reason over 2,000 characters', { value: 5, reason: 'r'.repeat(2_001) }],
    ['a reason with an unpaired surrogate', { value: 5, reason: '\ud800' }],
    ['an array', [7]],
  ])('refuses %s with 400 invalid-input', async (_, body) => {
    const t = await setup();
    await t.openPrivately();
    await expectError(await t.score('mum', MUM_KEY, body), 400, 'invalid-input');
    expect((await t.scale())?.scored).toEqual([]);
  });

  it('refuses bad JSON, a missing or malformed participant key, bad ids, viewers and non-members', async () => {
    const t = await setup();
    await t.openPrivately();
    await expectError(await t.score('mum', MUM_KEY, '{"value":'), 400, 'bad-json');
    await expectError(await t.score('mum', '', { value: 5 }), 400, 'invalid-input');
    await expectError(await t.score('mum', 'short', { value: 5 }), 400, 'invalid-input');
    await expectError(
      await t.call('PUT', t.ratingUrl('not an id'), 'family', MUM_KEY, { value: 5 }),
      400,
      'invalid-input',
    );
    await expectError(await t.score('mum', MUM_KEY, { value: 5 }, 'viewer'), 403, 'forbidden');
    await expectError(
      await t.call('PUT', t.ratingUrl('mum', 'nope'), 'family', MUM_KEY, { value: 5 }),
      404,
      'not-found',
    );
    const other = await t.registry.create('Other map');
    if (!other.ok) throw new Error('board not created');
    for (const cookie of ['forged', memberCookie(t.access, other.value.id, 'facilitator')]) {
      const stranger = await t.app.request(t.ratingUrl('mum'), {
        method: 'PUT',
        headers: {
          Cookie: `kinmap_session=${cookie}`,
          'X-Kinmap-CSRF': '1',
          Origin: 'http://localhost',
          'Content-Type': 'application/json',
          [PARTICIPANT_KEY_HEADER]: MUM_KEY,
        },
        body: '{"value":5}',
      });
      await expectError(stranger, 401, 'not-signed-in');
    }
    const bearer = await t.app.request(t.ratingUrl('mum'), {
      method: 'PUT',
      headers: { Authorization: 'Bearer nope', [PARTICIPANT_KEY_HEADER]: MUM_KEY },
      body: '{"value":5}',
    });
    await expectError(bearer, 401, 'not-signed-in');
    expect((await t.scale())?.scored).toEqual([]);
  });

  it('[PR6] never logs a score or a reason', async () => {
    const t = await setup();
    await t.openPrivately();
    await t.score('mum', MUM_KEY, { value: 9, reason: REASON });
    await t.reveal();
    expect(t.logs.some((line) => line.includes('scale.scored_privately'))).toBe(true);
    expect(t.logs.join('\n')).not.toContain(REASON);
    expect(t.logs.join('\n')).not.toMatch(/"value"/);
  });
});

describe('GET and DELETE a private rating', () => {
  it('[PR3] gives a person their own score back (after a reload), and nobody else', async () => {
    const t = await setup();
    await t.openPrivately();
    expect(await (await t.call('GET', t.ratingUrl('mum'), 'family', MUM_KEY)).json()).toEqual({
      rating: null,
    });
    await t.score('mum', MUM_KEY, { value: 7, reason: REASON });
    const own = await t.call('GET', t.ratingUrl('mum'), 'family', MUM_KEY);
    expect(await own.json()).toMatchObject({ rating: { value: 7, reason: REASON } });
    await expectError(await t.call('GET', t.ratingUrl('mum'), 'practitioner', DAD_KEY), 403, 'forbidden');
    await expectError(await t.call('GET', t.ratingUrl('mum'), 'viewer', MUM_KEY), 403, 'forbidden');
  });

  it('[PR3] withdrawing takes the person off the scored list and deletes the score', async () => {
    const t = await setup();
    await t.openPrivately();
    await t.score('mum', MUM_KEY, { value: 7 });
    await expectError(await t.call('DELETE', t.ratingUrl('mum'), 'family', DAD_KEY), 403, 'forbidden');
    expect((await t.call('DELETE', t.ratingUrl('mum'), 'family', MUM_KEY)).status).toBe(204);
    expect((await t.scale())?.scored).toEqual([]);
    expect(t.privateRatings.get(t.boardId, OVERALL_SCALE_ID, t.id.mum)).toBeNull();
  });

  it('[PR2] a score left from an earlier round is not shown once a new round opens', async () => {
    const t = await setup();
    await t.openPrivately();
    await t.score('mum', MUM_KEY, { value: 7 });
    await t.openPrivately();
    expect(await (await t.call('GET', t.ratingUrl('mum'), 'family', MUM_KEY)).json()).toEqual({
      rating: null,
    });
  });
});

describe('whose score', () => {
  it('[PR7] refuses giving, reading or withdrawing someone else’s score, even with their key', async () => {
    const t = await setup();
    await t.openPrivately();
    await t.score('mum', MUM_KEY, { value: 7 });
    // Dad (network) addresses Mum's score: refused whatever key he presents.
    for (const method of ['PUT', 'GET', 'DELETE']) {
      const res = await t.call(
        method,
        t.ratingUrl('mum'),
        'network',
        MUM_KEY,
        method === 'PUT' ? { value: 1 } : undefined,
      );
      await expectError(res, 403, 'forbidden');
    }
    expect(t.privateRatings.get(t.boardId, OVERALL_SCALE_ID, t.id.mum)?.rating.value).toBe(7);
  });
});

describe('POST reveal', () => {
  it('[PR4] writes every private score into the document at once and deletes the private copies', async () => {
    const t = await setup();
    await t.openPrivately();
    await t.score('mum', MUM_KEY, { value: 7, reason: REASON });
    await t.score('dad', DAD_KEY, { value: 4 }, 'network');
    const res = await t.reveal();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ revealed: 2 });
    const revealed = await t.scale();
    expect(revealed).toMatchObject({ mode: 'revealed', scored: [] });
    expect(revealed?.ratings).toEqual({
      [t.id.mum]: { value: 7, reason: REASON, at: expect.any(Number) },
      [t.id.dad]: { value: 4, reason: '', at: expect.any(Number) },
    });
    expect(t.privateRatings.list(t.boardId, OVERALL_SCALE_ID)).toEqual({});
  });

  it('[PR5] only the facilitator can reveal', async () => {
    const t = await setup();
    await t.openPrivately();
    await t.score('mum', MUM_KEY, { value: 7 });
    for (const role of ['practitioner', 'family', 'network', 'viewer'] as const) {
      await expectError(await t.reveal(role), 403, 'forbidden');
    }
    expect(await t.scale()).toMatchObject({ mode: 'private', ratings: {}, scored: [t.id.mum] });
    await expectError(await t.reveal('facilitator', 'nope'), 404, 'not-found');
  });

  it('[PR4] a reveal the store refuses keeps the private scores for the next try', async () => {
    const t = await setup();
    await t.openPrivately();
    await t.score('mum', MUM_KEY, { value: 7, reason: REASON });
    t.refuseAppends(true);
    await expectError(await t.reveal(), 503, 'unavailable');
    t.refuseAppends(false);
    expect(t.privateRatings.get(t.boardId, OVERALL_SCALE_ID, t.id.mum)?.rating.value).toBe(7);
    expect(await (await t.reveal()).json()).toEqual({ revealed: 1 });
    expect((await t.scale())?.ratings[t.id.mum]?.reason).toBe(REASON);
  });
});
