import { OVERALL_SCALE_ID } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { contains, expectError, MUM_KEY, setup, stopAfterEach } from './scaleRoutes.fixture.js';

// Issue 14, [PR9]: staff record a private score for a person of the case who has no device (a
// child, a grandparent); it stays off the document until the reveal, which says who recorded it.

stopAfterEach();

const STAFF_KEY = 'staff-key-0123456789abcdefghij';
const CHILD_REASON = 'I feel safe when Nain is there';

describe('a private score recorded for someone without a device', () => {
  it('[PR9] is stored off the document, read back by staff, and revealed with who recorded it', async () => {
    const t = await setup();
    const jo = await t.addChild();
    await t.openPrivately();
    const put = await t.call('PUT', t.ratingUrl(jo), 'practitioner', STAFF_KEY, {
      value: 6,
      reason: CHILD_REASON,
    });
    expect(put.status).toBe(200);
    const practitionerId = t.memberIdOf('practitioner');
    expect(((await put.json()) as { rating: unknown }).rating).toMatchObject({
      value: 6,
      recordedBy: practitionerId,
    });
    // [PR1]/[PR3] on the wire: the document knows only that Jo has scored.
    expect(await t.scale()).toMatchObject({ mode: 'private', ratings: {}, scored: [jo] });
    expect(contains(await t.docBytes(), CHILD_REASON)).toBe(false);
    // Another member of staff (another browser, another key) reads it back.
    const read = await t.call('GET', t.ratingUrl(jo), 'facilitator', MUM_KEY);
    expect(((await read.json()) as { rating: unknown }).rating).toMatchObject({
      value: 6,
      reason: CHILD_REASON,
      recordedBy: practitionerId,
    });
    expect(await (await t.reveal()).json()).toEqual({ revealed: 1 });
    expect((await t.scale())?.ratings[jo]).toEqual({
      value: 6,
      reason: CHILD_REASON,
      at: expect.any(Number),
      recordedBy: practitionerId,
    });
  });

  it('[PR9] is withdrawn by staff: off the scored list and out of the store', async () => {
    const t = await setup();
    const jo = await t.addChild();
    await t.openPrivately();
    await t.call('PUT', t.ratingUrl(jo), 'facilitator', STAFF_KEY, { value: 2 });
    const res = await t.call('DELETE', t.ratingUrl(jo), 'practitioner', STAFF_KEY);
    expect(res.status).toBe(204);
    expect(await t.scale()).toMatchObject({ scored: [] });
    expect(t.privateRatings.get(t.boardId, OVERALL_SCALE_ID, jo)).toBeNull();
  });

  it('[PR9] is refused to family and network, and for anyone who is not a person of the case', async () => {
    const t = await setup();
    const jo = await t.addChild();
    await t.openPrivately();
    for (const role of ['family', 'network'] as const) {
      await expectError(await t.call('PUT', t.ratingUrl(jo), role, MUM_KEY, { value: 5 }), 403, 'forbidden');
      await expectError(await t.call('GET', t.ratingUrl(jo), role, MUM_KEY), 403, 'forbidden');
      await expectError(await t.call('DELETE', t.ratingUrl(jo), role, MUM_KEY), 403, 'forbidden');
    }
    // A participant with a device scores for themselves: staff cannot score in their place ([PR7]).
    await expectError(
      await t.call('PUT', t.ratingUrl(t.id.mum), 'practitioner', STAFF_KEY, { value: 5 }),
      403,
      'forbidden',
    );
    await expectError(
      await t.call('PUT', t.ratingUrl('nobody-at-all'), 'facilitator', STAFF_KEY, { value: 5 }),
      403,
      'forbidden',
    );
    expect(await t.scale()).toMatchObject({ scored: [] });
  });
});

describe('a private score written down before the person joined', () => {
  it('[AC48] gives way to their own private score once staff linked them to their device', async () => {
    const t = await setup();
    const jo = await t.addChild();
    await t.openPrivately();
    await t.call('PUT', t.ratingUrl(jo), 'practitioner', STAFF_KEY, { value: 2, reason: CHILD_REASON });
    expect(await t.scale()).toMatchObject({ scored: [jo] });
    await t.linkPerson(jo, t.id.mum);
    expect((await t.score('mum', MUM_KEY, { value: 6 })).status).toBe(200);
    expect(await t.scale()).toMatchObject({ scored: [t.id.mum] });
    expect(t.privateRatings.get(t.boardId, OVERALL_SCALE_ID, jo)).toBeNull();
    expect(await (await t.reveal()).json()).toEqual({ revealed: 1 });
    expect(Object.keys((await t.scale())?.ratings ?? {})).toEqual([t.id.mum]);
  });
});
