import { contentHash, type VersionMeta } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { decodeVersion } from './boardSnapshot.js';
import { historyFixtures, json } from './history.fixture.js';

const setup = historyFixtures();

describe('meetings', () => {
  it('[VE4] the facilitator starts one meeting at a time and fills it in; staff read them; others are refused', async () => {
    const f = await setup();
    const meetingId = await f.startMeeting();
    const again = await f.call('POST', `/api/boards/${f.boardId}/meetings`, {
      cookie: f.facilitator.cookie,
      body: { type: 'core-group', date: '2025-03-13' },
    });
    expect(again.status).toBe(409);
    expect(((await json(again)).error as { code: string }).code).toBe('meeting-open');
    const attendance = {
      participantIds: [f.family.memberId],
      othersPresent: [{ name: 'Nain Gwen', role: 'Grandmother' }],
      apologies: ['Dr Łukasz'],
    };
    const patched = await f.call('PATCH', `/api/boards/${f.boardId}/meetings/${meetingId}`, {
      cookie: f.facilitator.cookie,
      body: { attendance, decision: 'Child protection plan continues' },
    });
    expect(patched.status).toBe(200);
    expect((await json(patched)).meeting).toMatchObject({
      attendance,
      decision: 'Child protection plan continues',
    });
    const listed = await json(
      await f.call('GET', `/api/boards/${f.boardId}/meetings`, { cookie: f.practitioner.cookie }),
    );
    expect((listed.meetings as { id: string }[]).map((m) => m.id)).toEqual([meetingId]);

    for (const who of [f.practitioner, f.family, f.network, f.viewer]) {
      const start = await f.call('POST', `/api/boards/${f.boardId}/meetings`, {
        cookie: who.cookie,
        body: { type: 'core-group', date: '2025-03-13' },
      });
      const patch = await f.call('PATCH', `/api/boards/${f.boardId}/meetings/${meetingId}`, {
        cookie: who.cookie,
        body: { decision: 'Rewritten' },
      });
      const close = await f.call('POST', `/api/boards/${f.boardId}/meetings/${meetingId}/close`, {
        cookie: who.cookie,
        body: {},
      });
      expect([start.status, patch.status, close.status]).toEqual([403, 403, 403]);
    }
    for (const who of [f.family, f.network, f.viewer]) {
      expect((await f.call('GET', `/api/boards/${f.boardId}/meetings`, { cookie: who.cookie })).status).toBe(
        403,
      );
    }
    expect(f.meetings.get(f.boardId, meetingId)?.decision).toBe('Child protection plan continues');
  });

  it('[VE4] refuses a bad type, date, attendance or decision with 400, and an unknown meeting with 404', async () => {
    const f = await setup();
    const { cookie } = f.facilitator;
    const bad = [
      { type: 'tea-party', date: '2025-03-12' },
      { type: 'core-group', date: '12/03/2025' },
      { type: 'core-group', date: '2025-02-30' },
      { type: 'core-group' },
      { type: 'core-group', date: '2025-03-12', extra: true },
    ];
    for (const body of bad) {
      expect(
        (await f.call('POST', `/api/boards/${f.boardId}/meetings`, { cookie, body })).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    const meetingId = await f.startMeeting();
    const path = `/api/boards/${f.boardId}/meetings/${meetingId}`;
    const tooMany = {
      participantIds: [],
      othersPresent: [],
      apologies: Array.from({ length: 201 }, () => 'Name'),
    };
    for (const body of [
      {},
      { attendance: tooMany },
      { attendance: { participantIds: ['not an id!'], othersPresent: [], apologies: [] } },
      { decision: 'x'.repeat(20_001) },
      { decision: '\ud800' },
    ]) {
      expect((await f.call('PATCH', path, { cookie, body })).status, JSON.stringify(body).slice(0, 80)).toBe(
        400,
      );
    }
    // The longest decision, in a script of two-byte characters, is within the body limit.
    const longest = await f.call('PATCH', path, { cookie, body: { decision: 'ŵ'.repeat(20_000) } });
    expect(longest.status).toBe(200);
    expect((await f.call('PATCH', path, { cookie, body: { decision: 'x'.repeat(600_000) } })).status).toBe(
      413,
    );
    const unknown = `/api/boards/${f.boardId}/meetings/aaaaaaaaaaaaaaaaaaaaaa`;
    expect((await f.call('PATCH', unknown, { cookie, body: { decision: 'x' } })).status).toBe(404);
    expect((await f.call('POST', `${unknown}/close`, { cookie, body: {} })).status).toBe(404);
    expect(f.meetings.get(f.boardId, meetingId)?.decision).toBe('ŵ'.repeat(20_000));
  });

  it('[VE5] closing saves a meeting version; closing twice is 409 and never alters the first version', async () => {
    const f = await setup();
    await f.card('Mum has stopped drinking — Mae Mam wedi stopio');
    const meetingId = await f.startMeeting();
    const closePath = `/api/boards/${f.boardId}/meetings/${meetingId}/close`;
    const closed = await f.call('POST', closePath, { cookie: f.facilitator.cookie, body: {} });
    expect(closed.status).toBe(200);
    const { meeting, version } = (await closed.json()) as {
      meeting: { closedBy: string; versionId: string };
      version: VersionMeta;
    };
    expect(version).toMatchObject({ number: 1, kind: 'meeting', meetingId });
    expect(meeting).toMatchObject({ closedBy: f.facilitator.memberId, versionId: version.id });
    const first = f.versions.get(f.boardId, version.id);
    const firstBytes = Buffer.concat([
      first?.shared ?? new Uint8Array(),
      first?.restricted ?? new Uint8Array(),
    ]);

    // The board moves on, then someone closes the same meeting again.
    await f.card('A new worry after the meeting');
    const twice = await f.call('POST', closePath, { cookie: f.facilitator.cookie, body: {} });
    expect(twice.status).toBe(409);
    expect(((await json(twice)).error as { code: string }).code).toBe('meeting-closed');
    const patch = await f.call('PATCH', `/api/boards/${f.boardId}/meetings/${meetingId}`, {
      cookie: f.facilitator.cookie,
      body: { decision: 'Changed afterwards' },
    });
    expect(patch.status).toBe(409);

    expect(f.versions.list(f.boardId)).toEqual([version]);
    const after = f.versions.get(f.boardId, version.id);
    expect(after?.meta).toEqual(version);
    expect(Buffer.concat([after?.shared ?? new Uint8Array(), after?.restricted ?? new Uint8Array()])).toEqual(
      firstBytes,
    );
    expect(after && (await contentHash(decodeVersion(after)))).toBe(version.contentHash);
    const kinds = f.events().map((e) => e.kind);
    expect(kinds.filter((k) => k === 'meeting-started' || k === 'meeting-closed')).toEqual([
      'meeting-started',
      'meeting-closed',
    ]);
  });
});
