import { asCardId, type BoardState, contentHash, OVERALL_SCALE_ID, rate, setCardText } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { decodeVersion } from './boardSnapshot.js';
import { equalBoards, historyFixtures, json } from './history.fixture.js';

const setup = historyFixtures();

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
