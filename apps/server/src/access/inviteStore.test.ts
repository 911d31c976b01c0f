import { describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database.js';
import { createInvites } from './inviteStore.js';
import { hashSecret } from './secrets.js';

const invite = {
  boardId: 'b1',
  role: 'family' as const,
  label: 'Mum',
  createdByMemberId: 'm0',
  expiresAt: 99,
};

describe('invites', () => {
  it('stores only the secret’s hash and finds the invite by its secret', () => {
    const db = openDatabase(':memory:');
    const invites = createInvites(db, () => 1);
    const { secret, invite: created } = invites.create(invite);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = db.prepare('SELECT token_hash FROM invites').get() as { token_hash: Buffer };
    expect(row.token_hash.equals(hashSecret(secret))).toBe(true);
    expect(invites.bySecret(secret)?.id).toBe(created.id);
    expect(invites.bySecret(`${secret.slice(0, -1)}x`)).toBeNull();
    expect(invites.bySecret("' OR 1=1 --")).toBeNull();
  });

  it('binds the first member only, and revokes once', () => {
    const invites = createInvites(openDatabase(':memory:'));
    const { invite: created } = invites.create(invite);
    expect(invites.markUsed(created.id, 'm1')).toBe(true);
    expect(invites.markUsed(created.id, 'm2')).toBe(false);
    expect(invites.get(created.id)?.usedByMemberId).toBe('m1');
    expect(invites.revoke(created.id)).toBe(true);
    expect(invites.revoke(created.id)).toBe(false);
    expect(invites.ofBoard('b1')).toHaveLength(1);
  });
});
