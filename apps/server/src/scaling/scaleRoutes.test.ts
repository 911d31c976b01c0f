import { OVERALL_SCALE_ID } from '@kinmap/model';
import { PARTICIPANT_KEY_HEADER } from '@kinmap/protocol';
import { describe, expect, it } from 'vitest';
import {
  contains,
  DAD_KEY,
  expectError,
  MUM_KEY,
  memberCookie,
  REASON,
  setup,
  stopAfterEach,
} from './scaleRoutes.fixture.js';

stopAfterEach();

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

  it('[AC11] a locked board takes no private score from family or network, nor withdraws one', async () => {
    const t = await setup();
    await t.openPrivately();
    await t.score('dad', DAD_KEY, { value: 3 }, 'network');
    await t.lock();
    await expectError(await t.score('mum', MUM_KEY, { value: 7 }), 409, 'board-locked');
    await expectError(await t.call('DELETE', t.ratingUrl('dad'), 'network', DAD_KEY), 409, 'board-locked');
    expect(await t.scale()).toMatchObject({ scored: [t.id.dad] });
    expect(t.privateRatings.get(t.boardId, OVERALL_SCALE_ID, t.id.mum)).toBeNull();
    await t.lock(false);
    expect((await t.score('mum', MUM_KEY, { value: 7 })).status).toBe(200);
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
