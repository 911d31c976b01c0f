import { describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database.js';
import { createSetupSecret, SETUP_TTL_MS } from './setupSecret.js';

describe('setupSecret', () => {
  it('[AU1] accepts the latest secret for 24 hours, stored only as a hash', () => {
    const db = openDatabase(':memory:');
    const clock = { now: 0 };
    const setup = createSetupSecret(db, () => clock.now);
    const first = setup.issue();
    const second = setup.issue();
    expect(setup.check(first.secret)).toBe(false);
    expect(setup.check(second.secret)).toBe(true);
    expect(JSON.stringify(db.prepare('SELECT * FROM setup_secret').all())).not.toContain(second.secret);
    clock.now = SETUP_TTL_MS;
    expect(setup.check(second.secret)).toBe(false);
  });

  it('[AU1] forgets the secret once cleared', () => {
    const setup = createSetupSecret(openDatabase(':memory:'));
    const { secret } = setup.issue();
    setup.clear();
    expect(setup.check(secret)).toBe(false);
    expect(setup.check('')).toBe(false);
  });
});
