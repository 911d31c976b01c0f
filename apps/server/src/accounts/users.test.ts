import { describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database.js';
import { createUsers } from './users.js';

const user = { email: ' Sam@Example.ORG ', displayName: 'Sam', passwordHash: 'scrypt$…', isAdmin: false };

describe('users', () => {
  it('stores emails lower-cased and unique, and finds users by id or email', () => {
    const users = createUsers(openDatabase(':memory:'), () => 42);
    const created = users.create(user);
    if (!created.ok) throw new Error('not created');
    expect(created.value).toMatchObject({ email: 'sam@example.org', createdAt: 42, disabledAt: null });
    expect(users.byEmail('SAM@example.org')?.id).toBe(created.value.id);
    expect(users.byId(created.value.id)?.email).toBe('sam@example.org');
    expect(users.create({ ...user, email: 'sam@EXAMPLE.org' })).toEqual({ ok: false, reason: 'email-taken' });
    expect(users.count()).toBe(1);
  });

  it('creates the first user only while none exists', () => {
    const users = createUsers(openDatabase(':memory:'));
    expect(users.createFirst({ ...user, isAdmin: true })?.isAdmin).toBe(true);
    expect(users.createFirst({ ...user, email: 'other@example.org' })).toBeNull();
    expect(users.count()).toBe(1);
  });

  it('answers null to hostile ids and emails without touching the table', () => {
    const users = createUsers(openDatabase(':memory:'));
    expect(users.byId("x' OR 1=1 --")).toBeNull();
    expect(users.byId('../../etc')).toBeNull();
    expect(users.byEmail(`${'a'.repeat(300)}@x.y`)).toBeNull();
  });
});
