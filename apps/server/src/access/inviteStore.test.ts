import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database.js';
import { createDataCipher } from '../storage/dataCipher.js';
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

describe('open links kept for their inviters', () => {
  it('keeps the secret of an open invite, sealed with a key, and deletes it once used or revoked', () => {
    const db = openDatabase(':memory:');
    const cipher = createDataCipher(randomBytes(32));
    const invites = createInvites(db, () => 1, cipher);
    const a = invites.create(invite);
    const b = invites.create(invite);
    expect(invites.secretOf(a.invite.id)).toBe(a.secret);
    const row = db
      .prepare('SELECT secret_plain, secret_sealed FROM invites WHERE id = ?')
      .get(a.invite.id) as {
      secret_plain: string | null;
      secret_sealed: Buffer;
    };
    expect(row.secret_plain).toBeNull();
    expect(row.secret_sealed.includes(Buffer.from(a.secret))).toBe(false);
    invites.markUsed(a.invite.id, 'm1');
    invites.revoke(b.invite.id);
    expect([invites.secretOf(a.invite.id), invites.secretOf(b.invite.id)]).toEqual([null, null]);
    const left = db.prepare('SELECT COUNT(*) AS n FROM invites WHERE secret_sealed IS NOT NULL').get() as {
      n: number;
    };
    expect(left.n).toBe(0);
    // Without the key a sealed secret gives nothing (no throw).
    const c = invites.create(invite);
    expect(createInvites(db, () => 1, null).secretOf(c.invite.id)).toBeNull();
  });

  it('drops expired secrets when a new link is made', () => {
    const db = openDatabase(':memory:');
    let now = 1;
    const invites = createInvites(db, () => now);
    const old = invites.create({ ...invite, expiresAt: 10 });
    expect(invites.secretOf(old.invite.id)).toBe(old.secret);
    now = 20;
    invites.create({ ...invite, expiresAt: 99 });
    expect(invites.secretOf(old.invite.id)).toBeNull();
  });
});
