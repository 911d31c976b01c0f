import { OVERALL_SCALE_ID } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { DAD_KEY, expectError, MUM_KEY, REASON, setup, stopAfterEach } from './scaleRoutes.fixture.js';

stopAfterEach();

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
