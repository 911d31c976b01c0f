import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database.js';
import { createDataCipher } from '../storage/dataCipher.js';
import { createPrivateRatings } from './privateRatings.js';

const keyHash = Buffer.alloc(32, 7);
const rating = { value: 7, reason: 'Gran-helps-4411', at: 1000 };

describe('createPrivateRatings', () => {
  it('[PR3] stores, lists and removes a person’s private rating', () => {
    const ratings = createPrivateRatings(openDatabase(':memory:'));
    ratings.put('b', 'overall', 'alex', rating, keyHash);
    expect(ratings.get('b', 'overall', 'alex')).toEqual({ rating, keyHash });
    expect(Object.keys(ratings.list('b', 'overall'))).toEqual(['alex']);
    expect(ratings.remove('b', 'overall', 'alex')).toBe(true);
    expect(ratings.get('b', 'overall', 'alex')).toBeNull();
  });

  it('[AD5] with a key, the row holds neither value nor reason; rows from before the key are sealed at the next start', () => {
    const db = openDatabase(':memory:');
    createPrivateRatings(db).put('b', 'overall', 'early', { ...rating, value: 3 }, keyHash);
    const cipher = createDataCipher(randomBytes(32));
    const ratings = createPrivateRatings(db, cipher);
    ratings.put('b', 'overall', 'alex', rating, keyHash);
    const rows = db.prepare('SELECT value, reason, sealed FROM private_ratings').all() as {
      value: number;
      reason: string;
      sealed: Buffer;
    }[];
    expect(rows.map((row) => [row.value, row.reason])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    expect(rows.some((row) => row.sealed.toString('latin1').includes('Gran-helps'))).toBe(false);
    expect(ratings.get('b', 'overall', 'alex')?.rating).toEqual(rating);
    expect(ratings.get('b', 'overall', 'early')?.rating).toEqual({ ...rating, value: 3 });
  });
});
