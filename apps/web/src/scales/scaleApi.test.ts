import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../lib/fakeFetch.fixture';
import {
  fetchPrivateRating,
  forgetParticipantKey,
  loadParticipantKey,
  revealScale,
  savePrivateRating,
  withdrawPrivateRating,
} from './scaleApi';

const target = { boardId: 'b1', participantId: 'mum', key: 'k'.repeat(22) };

describe('scaleApi', () => {
  it('sends a private score with the session cookie, the CSRF header and the participant key, and reads it back', async () => {
    const { calls, doFetch } = fakeFetch(200, { rating: { value: 7, reason: 'r', at: 3 } });
    const result = await savePrivateRating(target, 'overall', { value: 7, reason: 'r' }, doFetch);
    expect(result).toEqual({ ok: true, value: { value: 7, reason: 'r', at: 3 } });
    expect(calls[0]?.url).toBe('/api/boards/b1/scales/overall/ratings/mum');
    expect(calls[0]?.init.method).toBe('PUT');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(calls[0]?.init.headers).toEqual({
      'X-Kinmap-CSRF': '1',
      'content-type': 'application/json',
      'x-participant-key': target.key,
    });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ value: 7, reason: 'r' });
  });

  it('reads "not scored" as null, and a malformed answer or a refusal as a failure', async () => {
    expect(await fetchPrivateRating(target, 'overall', fakeFetch(200, { rating: null }).doFetch)).toEqual({
      ok: true,
      value: null,
    });
    expect(
      await fetchPrivateRating(target, 'overall', fakeFetch(200, { rating: { value: 'x' } }).doFetch),
    ).toEqual({
      ok: false,
      reason: 'failed',
    });
    const read = fakeFetch(200, { rating: null });
    await fetchPrivateRating(target, 'overall', read.doFetch);
    // Reading changes nothing, so it needs no CSRF header.
    expect(read.calls[0]?.init.headers).toEqual({ 'x-participant-key': target.key });
    expect(await fetchPrivateRating(target, 'overall', fakeFetch(403, {}).doFetch)).toEqual({
      ok: false,
      reason: 'forbidden',
    });
  });

  it('withdraws with DELETE and reveals with POST', async () => {
    const deleted = fakeFetch(204, null);
    expect(await withdrawPrivateRating(target, 'overall', deleted.doFetch)).toEqual({
      ok: true,
      value: null,
    });
    expect(deleted.calls[0]?.init.method).toBe('DELETE');
    const revealed = fakeFetch(200, { revealed: 2 });
    expect(await revealScale(target, 'p1', revealed.doFetch)).toEqual({ ok: true, value: 2 });
    expect(revealed.calls[0]?.url).toBe('/api/boards/b1/scales/p1/reveal');
    for (const { init } of [...deleted.calls, ...revealed.calls]) {
      expect(init.headers).toMatchObject({ 'X-Kinmap-CSRF': '1' });
      expect(init.credentials).toBe('same-origin');
    }
  });

  it('keeps one participant key per browser and replaces a malformed one', () => {
    const items = new Map<string, string>();
    const store = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    };
    const first = loadParticipantKey(store, () => 'a'.repeat(44));
    expect(loadParticipantKey(store, () => 'b'.repeat(44))).toBe(first);
    items.set('kinmap.participantKey', 'bad key');
    expect(loadParticipantKey(store, () => 'c'.repeat(44))).toBe('c'.repeat(44));
    // Sign-out on a borrowed device forgets it: the next person gets a key of their own.
    forgetParticipantKey(store);
    expect(items.has('kinmap.participantKey')).toBe(false);
    expect(loadParticipantKey(store, () => 'd'.repeat(44))).toBe('d'.repeat(44));
  });
});
