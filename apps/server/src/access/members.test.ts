import { describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database.js';
import { createMembers } from './members.js';

describe('members', () => {
  it('finds a staff user’s live member per board and lists a board’s members', () => {
    const members = createMembers(openDatabase(':memory:'), () => 5);
    const staff = members.create({ boardId: 'b1', role: 'facilitator', displayName: 'Fay', userId: 'u1' });
    const guest = members.create({ boardId: 'b1', role: 'family', displayName: 'Alex', userId: null });
    expect(members.ofUserOnBoard('u1', 'b1')?.id).toBe(staff.id);
    expect(members.ofUserOnBoard('u1', 'b2')).toBeNull();
    expect(members.ofUser('u1').map((m) => m.id)).toEqual([staff.id]);
    expect(
      members
        .ofBoard('b1')
        .map((m) => m.id)
        .sort(),
    ).toEqual([staff.id, guest.id].sort());
    expect(members.get(guest.id)).toMatchObject({
      role: 'family',
      userId: null,
      createdAt: 5,
      revokedAt: null,
    });
  });

  it('revokes once: a revoked staff member no longer opens the board', () => {
    const members = createMembers(openDatabase(':memory:'));
    const staff = members.create({ boardId: 'b1', role: 'practitioner', displayName: 'Pat', userId: 'u1' });
    expect(members.revoke(staff.id)).toBe(true);
    expect(members.revoke(staff.id)).toBe(false);
    expect(members.ofUserOnBoard('u1', 'b1')).toBeNull();
    expect(members.ofUser('u1')).toEqual([]);
    expect(members.get(staff.id)?.revokedAt).not.toBeNull();
  });

  it('reads a hand-edited unknown role as viewer, the least access', () => {
    const db = openDatabase(':memory:');
    const members = createMembers(db);
    const m = members.create({ boardId: 'b1', role: 'family', displayName: 'A', userId: null });
    db.prepare("UPDATE members SET role = 'superuser' WHERE id = ?").run(m.id);
    expect(members.get(m.id)?.role).toBe('viewer');
    expect(members.get('../x')).toBeNull();
  });
});
