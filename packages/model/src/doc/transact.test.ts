import { describe, expect, it } from 'vitest';
import { addCard } from '../cards/cards.js';
import { expectUnchanged, newBoard, originsOf, practitioner, unwrap } from '../test-support.js';
import { Origins } from './origins.js';
import { readBoard } from './read.js';
import { commit, prepare, resolveOptions } from './transact.js';
import { z } from './zod.js';

describe('commit', () => {
  it('runs the op in exactly one transaction labelled with its origin and returns its value', () => {
    const doc = newBoard();
    let value = 0;
    const origins = originsOf(doc, () => {
      value = commit(doc, Origins.storage, () => {
        doc.getMap('meta').set('a', 1);
        doc.getMap('meta').set('b', 2);
        return 7;
      });
    });
    expect(value).toBe(7);
    expect(origins).toEqual([Origins.storage]);
  });
});

describe('ops and origins', () => {
  it('label their transaction local by default and with the given origin otherwise', () => {
    const doc = newBoard();
    expect(originsOf(doc, () => addCard(doc, practitioner, { category: 'harm' }))).toEqual([Origins.local]);
    const remote = originsOf(doc, () =>
      addCard(doc, practitioner, { category: 'harm' }, { origin: Origins.remote }),
    );
    expect(remote).toEqual([Origins.remote]);
  });

  it('take the time from opts.now', () => {
    const doc = newBoard();
    const { cardId } = unwrap(addCard(doc, practitioner, { category: 'harm' }, { now: 1234 }));
    expect(readBoard(doc).cards[cardId]?.createdAt).toBe(1234);
  });

  it('refuse a non-finite clock or a foreign origin without writing', () => {
    const doc = newBoard();
    const bad = [{ now: Number.POSITIVE_INFINITY }, { origin: { kind: 'provider' } as never }];
    for (const opts of bad) {
      expect(
        expectUnchanged(doc, () => addCard(doc, practitioner, { category: 'harm' }, opts)),
      ).toMatchObject({
        reason: 'invalid-input',
      });
    }
  });
});

describe('prepare', () => {
  it('names the failing field without quoting the input', () => {
    const result = prepare(z.object({ text: z.string().check(z.maxLength(3)) }), practitioner, {
      text: 'secret name',
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.detail).toContain('text');
    expect(result.ok ? '' : result.detail).not.toContain('secret');
  });

  it('prefixes actor problems with "actor."', () => {
    const result = prepare(z.object({}), { participantId: 'x y', role: 'family' } as never, {});
    expect(result).toMatchObject({ ok: false, reason: 'invalid-input' });
    expect(result.ok ? '' : result.detail).toMatch(/^actor\.participantId/);
  });

  it('resolveOptions defaults to the local origin and the current time', () => {
    const resolved = unwrap(resolveOptions());
    expect(resolved.origin).toBe(Origins.local);
    expect(Number.isFinite(resolved.now)).toBe(true);
  });
});
