import {
  type Actor,
  addPerson,
  asParticipantId,
  asPersonId,
  asScaleId,
  OVERALL_SCALE_ID,
  ROLES,
  type Role,
  readBoard,
  setLocked,
  setScaleMode,
  updatePerson,
} from '@kinmap/model';
import { PARTICIPANT_KEY_HEADER } from '@kinmap/protocol';
import { afterEach, expect } from 'vitest';
import * as Y from 'yjs';
import type { AccessControl } from '../access/accessControl.js';
import { socketAddress } from '../accounts/sessionCookie.js';
import { createApp } from '../app.js';
import { createServices } from '../services.js';
import { openDatabase } from '../storage/database.js';

// Test-only: an app with the scale routes over in-memory SQLite, shared by the scale route tests.

export const MUM_KEY = 'mum-key-0123456789abcdefghij';
export const DAD_KEY = 'dad-key-0123456789abcdefghij';
export const REASON = 'Gran now stays over every weekend';
const stops: Array<() => Promise<void>> = [];
/** Call once at the top of a test file: shuts down the rooms `setup` made after each test. */
export function stopAfterEach(): void {
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });
}

export async function setup() {
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
  const holders = Object.fromEntries(ROLES.map((role) => [role, memberCookie(access, boardId, role)]));
  const cookies = Object.fromEntries(ROLES.map((role) => [role, holders[role]?.secret]));
  /** The member id of the one member in `role` the calls use (not mum or dad). */
  const memberIdOf = (role: Role): string => holders[role]?.id ?? '';
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
  /** Adds a child of the case (issue 14) and returns their person id. */
  async function addChild(name = 'Jo') {
    const done = await rooms.change(boardId, (doc) => addPerson(doc, facilitator, { name, age: 9 }));
    if (!done.ok || !done.value.ok) throw new Error('child not added');
    return done.value.value.personId as string;
  }
  /** Staff link a person of the case to the participant they joined as ([AC48]). */
  async function linkPerson(personId: string, participantId: string) {
    const done = await rooms.change(boardId, (doc) =>
      updatePerson(doc, facilitator, asPersonId(personId), { participantId: asParticipantId(participantId) }),
    );
    expect(done).toMatchObject({ ok: true, value: { ok: true } });
  }
  async function lock(locked = true) {
    const done = await rooms.change(boardId, (doc) => setLocked(doc, facilitator, locked));
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
    addChild,
    linkPerson,
    memberIdOf,
    lock,
    docBytes,
    scale,
    refuseAppends,
  };
}

/** A device session holding a guest member of the board in that role: what an opened invite leaves. */
export function memberCookie(
  access: AccessControl,
  boardId: string,
  role: Role,
): { id: string; secret: string } {
  const member = access.members.create({ boardId, role, displayName: role, userId: null });
  const { secret, session } = access.sessions.create(null);
  access.sessions.addMember(session.id, member.id);
  return { id: member.id, secret };
}

export const contains = (bytes: Uint8Array, text: string) =>
  Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));

export async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
}
