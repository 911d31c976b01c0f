import {
  asCardId,
  type BoardState,
  type CardState,
  contentHash,
  copyIntoRestricted,
  deleteCard,
  diffBoards,
  isEmptyDiff,
  OVERALL_SCALE_ID,
  rate,
  removeFromShared,
  setCardText,
  type VersionMeta,
} from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { decodeVersion } from './boardSnapshot.js';
import { historyFixtures } from './history.fixture.js';

const setup = historyFixtures();

const json = async (res: Response) => (await res.json()) as Record<string, unknown>;

const equalBoards = (a: BoardState, b: BoardState) => isEmptyDiff(diffBoards(a, b));

describe('versions', () => {
  it('[VE3] staff save, list and open versions; family, network and viewers are refused and recorded', async () => {
    const f = await setup();
    await f.card('Dad drinks most nights');
    const saved = await f.saveVersion({ who: f.practitioner, label: 'After the strategy talk' });
    expect(saved).toMatchObject({
      number: 1,
      kind: 'manual',
      label: 'After the strategy talk',
      meetingId: null,
    });
    expect(saved.createdBy).toEqual({ memberId: f.practitioner.memberId, displayName: 'Pat' });
    for (const staff of [f.facilitator, f.practitioner]) {
      const list = await f.call('GET', `/api/boards/${f.boardId}/versions`, { cookie: staff.cookie });
      expect(await json(list)).toEqual({ versions: [saved] });
      const opened = await f.call('GET', `/api/boards/${f.boardId}/versions/${saved.id}`, {
        cookie: staff.cookie,
      });
      expect(opened.status).toBe(200);
    }
    for (const guest of [f.family, f.network, f.viewer]) {
      const paths = [
        ['GET', '/versions'],
        ['POST', '/versions'],
        ['GET', `/versions/${saved.id}`],
      ] as const;
      for (const [method, path] of paths) {
        const res = await f.call(method, `/api/boards/${f.boardId}${path}`, {
          cookie: guest.cookie,
          ...(method === 'POST' ? { body: { label: 'x' } } : {}),
        });
        expect(res.status, `${method} ${path}`).toBe(403);
      }
    }
    const refused = f.events().filter((e) => e.kind === 'refused');
    expect(refused).toHaveLength(9);
    expect(refused.every((e) => e.detail.rule === 'VE3')).toBe(true);
    expect(f.versions.list(f.boardId)).toHaveLength(1);
  });

  it('[VE3] answers 404 for an unknown board or version, 401 signed out, 400 for a bad label or id', async () => {
    const f = await setup();
    const { cookie } = f.facilitator;
    expect((await f.call('GET', '/api/boards/nosuchboard/versions', { cookie })).status).toBe(404);
    expect((await f.call('GET', `/api/boards/${f.boardId}/versions`)).status).toBe(401);
    expect(
      (await f.call('GET', `/api/boards/${f.boardId}/versions/aaaaaaaaaaaaaaaaaaaaaa`, { cookie })).status,
    ).toBe(404);
    expect((await f.call('GET', `/api/boards/${f.boardId}/versions/bad%20id`, { cookie })).status).toBe(400);
    for (const body of [{ label: 'x'.repeat(201) }, { label: 7 }, {}, '{not json']) {
      const res = await f.call('POST', `/api/boards/${f.boardId}/versions`, { cookie, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(f.versions.list(f.boardId)).toEqual([]);
  });

  it('[VE2] a version holds both documents as they were, with the hash of that content, whatever happens after', async () => {
    const f = await setup();
    await f.registerEveryone();
    const shared = await f.card('Gran walks him to school — Mam-gu', 'existingSafety');
    await f.card('Police called twice — Żółć', 'harm', { restricted: true });
    await f.change((doc) => rate(doc, f.family.actor, OVERALL_SCALE_ID, { value: 4, reason: 'Better' }));
    const before = await f.live();
    const saved = await f.saveVersion();
    await f.change((doc) => setCardText(doc, f.facilitator.actor, asCardId(shared), 'Changed later'));
    const opened = await json(
      await f.call('GET', `/api/boards/${f.boardId}/versions/${saved.id}`, { cookie: f.facilitator.cookie }),
    );
    expect(opened.version).toEqual(saved);
    expect(opened.meeting).toBeNull();
    expect(equalBoards(opened.shared as BoardState, before.shared)).toBe(true);
    expect(equalBoards(opened.restricted as BoardState, before.restricted)).toBe(true);
    expect(saved.contentHash).toBe(await contentHash(before));
    const stored = f.versions.get(f.boardId, saved.id);
    expect(stored && (await contentHash(decodeVersion(stored)))).toBe(saved.contentHash);
  });
});

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

describe('restore', () => {
  it('[VE6] the facilitator restores the whole board, both documents, as a new change; the versions stay', async () => {
    const f = await setup();
    const kept = await f.card('Gran walks him to school');
    const removed = await f.card('Uncle visits on Sundays', 'existingStrength');
    await f.card('Referral from school — Żółć', 'harm', { restricted: true });
    const version = await f.saveVersion();
    const then = await f.live();

    await f.change((doc) => setCardText(doc, f.facilitator.actor, asCardId(kept), 'Gran no longer helps'));
    await f.change((doc) => deleteCard(doc, f.facilitator.actor, asCardId(removed)));
    await f.card('A card added after the version');
    await f.card('A later professionals-only note', 'harm', { restricted: true });
    expect(equalBoards((await f.live()).shared, then.shared)).toBe(false);

    const practitionerTry = await f.call('POST', `/api/boards/${f.boardId}/versions/${version.id}/restore`, {
      cookie: f.practitioner.cookie,
      body: {},
    });
    expect(practitionerTry.status).toBe(403);
    const res = await f.call('POST', `/api/boards/${f.boardId}/versions/${version.id}/restore`, {
      cookie: f.facilitator.cookie,
      body: {},
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { changed: number }).changed).toBeGreaterThan(0);
    const now = await f.live();
    expect(equalBoards(now.shared, then.shared)).toBe(true);
    expect(equalBoards(now.restricted, then.restricted)).toBe(true);
    // The deleted card is back under its own id, author and date.
    expect(now.shared.cards[removed]).toMatchObject({
      id: removed,
      authorId: then.shared.cards[removed]?.authorId,
      createdAt: then.shared.cards[removed]?.createdAt,
    });
    expect(f.versions.list(f.boardId)).toEqual([version]);
    const restore = f.events().find((e) => e.kind === 'restore');
    expect(restore).toMatchObject({
      actor: f.facilitator.memberId,
      detail: { versionId: version.id, cardId: null },
    });
    expect(f.events().find((e) => e.kind === 'refused')?.detail).toMatchObject({
      rule: 'VE6',
      role: 'practitioner',
    });
  });

  it('[VE6] staff bring back one card; a card that moved to the other document since leaves it', async () => {
    const f = await setup();
    const moved = await f.card('Dad shouts at night — Tad yn gweiddi');
    const other = await f.card('Untouched card', 'existingSafety');
    const version = await f.saveVersion();
    const text = (await f.live()).shared.cards[moved]?.text;
    await f.change((doc) => setCardText(doc, f.facilitator.actor, asCardId(other), 'Edited since'));
    // Since the version the card was made professionals-only: copied out, then removed from the shared document.
    const card = (await f.live()).shared.cards[moved] as CardState;
    await f.change((doc) => copyIntoRestricted(doc, [card]), true);
    await f.change((doc) => removeFromShared(doc, [asCardId(moved)]));
    await f.change((doc) => setCardText(doc, f.facilitator.actor, asCardId(moved), 'Police wording'), true);

    const res = await f.call('POST', `/api/boards/${f.boardId}/versions/${version.id}/restore`, {
      cookie: f.practitioner.cookie,
      body: { cardId: moved },
    });
    expect(res.status).toBe(200);
    const now = await f.live();
    expect(now.shared.cards[moved]?.text).toBe(text);
    expect(now.restricted.cards[moved]).toBeUndefined();
    // Only that card: the other edit stays.
    expect(now.shared.cards[other]?.text).toBe('Edited since');
    expect(f.events().find((e) => e.kind === 'restore')).toMatchObject({
      actor: f.practitioner.memberId,
      detail: { versionId: version.id, cardId: moved },
    });
  });

  it('[VE6] a professionals-only card comes back into the restricted document only', async () => {
    const f = await setup();
    const note = await f.card('Police disclosure — Zgłoszenie', 'harm', { restricted: true });
    const version = await f.saveVersion();
    await f.change((doc) => removeFromShared(doc, [asCardId(note)]), true);
    expect((await f.live()).restricted.cards[note]).toBeUndefined();
    const res = await f.call('POST', `/api/boards/${f.boardId}/versions/${version.id}/restore`, {
      cookie: f.practitioner.cookie,
      body: { cardId: note },
    });
    expect(res.status).toBe(200);
    const now = await f.live();
    expect(now.restricted.cards[note]).toMatchObject({
      text: 'Police disclosure — Zgłoszenie',
      professionalsOnly: true,
    });
    expect(now.shared.cards[note]).toBeUndefined();
  });

  it('[VE6] refuses a card the version lacks (404), a malformed body (400), and family members (403)', async () => {
    const f = await setup();
    const cardId = await f.card('A card');
    const version = await f.saveVersion();
    const path = `/api/boards/${f.boardId}/versions/${version.id}/restore`;
    const missing = await f.call('POST', path, {
      cookie: f.practitioner.cookie,
      body: { cardId: 'aaaaaaaaaaaaaaaaaaaaaa' },
    });
    expect(missing.status).toBe(404);
    for (const body of [{ cardId: 'bad id!' }, { cardId: 3 }, '[]', '']) {
      const bad = await f.call('POST', path, { cookie: f.practitioner.cookie, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    for (const who of [f.family, f.network, f.viewer]) {
      expect((await f.call('POST', path, { cookie: who.cookie, body: { cardId } })).status).toBe(403);
    }
    const unknown = `/api/boards/${f.boardId}/versions/aaaaaaaaaaaaaaaaaaaaaa/restore`;
    expect((await f.call('POST', unknown, { cookie: f.facilitator.cookie, body: {} })).status).toBe(404);
    expect(f.events().filter((e) => e.kind === 'restore')).toEqual([]);
  });
});

describe('the audit of versions', () => {
  it('[AD3] reads meetings, versions, restores, exports and refusals in plain words', async () => {
    const f = await setup();
    const cardId = await f.card('A card');
    const meetingId = await f.startMeeting();
    await f.call('POST', `/api/boards/${f.boardId}/meetings/${meetingId}/close`, {
      cookie: f.facilitator.cookie,
      body: {},
    });
    const version = await f.saveVersion({ who: f.practitioner });
    const restorePath = `/api/boards/${f.boardId}/versions/${version.id}/restore`;
    await f.call('POST', restorePath, { cookie: f.practitioner.cookie, body: { cardId } });
    await f.call('POST', restorePath, { cookie: f.facilitator.cookie, body: {} });
    await f.call('GET', `/api/boards/${f.boardId}/versions/${version.id}/export.json`, {
      cookie: f.facilitator.cookie,
    });
    await f.call('GET', `/api/boards/${f.boardId}/export.json`, { cookie: f.facilitator.cookie });
    await f.call('GET', `/api/boards/${f.boardId}/versions`, { cookie: f.family.cookie });
    const res = await f.call('GET', `/api/boards/${f.boardId}/audit`, { cookie: f.facilitator.cookie });
    const { entries } = (await res.json()) as { entries: { source: string; summary: string }[] };
    const events = entries.filter((e) => e.source === 'event').map((e) => e.summary);
    expect(events.slice(-8)).toEqual([
      'started a meeting',
      'closed the meeting, saving version 1',
      'saved version 2',
      'brought back a card from a saved version',
      'restored the whole board to a saved version',
      'downloaded the board export (JSON) of a saved version',
      'downloaded the board export (JSON) of the board as it is now',
      'was refused: may not save or open versions [VE3]',
    ]);
  });
});
