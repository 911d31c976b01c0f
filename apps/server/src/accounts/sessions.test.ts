import { describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database.js';
import { createSessions, SESSION_TTL_MS, sessionIdOf } from './sessions.js';

describe('sessions', () => {
  it('stores only the SHA-256 of the secret and looks it up until it expires', () => {
    const db = openDatabase(':memory:');
    const clock = { now: 1000 };
    const sessions = createSessions(db, () => clock.now);
    const { secret, session } = sessions.create('user1');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.id).toBe(sessionIdOf(secret));
    expect(JSON.stringify(db.prepare('SELECT * FROM sessions').all())).not.toContain(secret);
    expect(sessions.lookup(secret)?.userId).toBe('user1');
    clock.now += SESSION_TTL_MS;
    expect(sessions.lookup(secret)).toBeNull();
  });

  it('forgets a revoked session and ignores malformed secrets', () => {
    const sessions = createSessions(openDatabase(':memory:'));
    const { secret, session } = sessions.create(null);
    sessions.revoke(session.id);
    expect(sessions.lookup(secret)).toBeNull();
    expect(sessions.lookup("' OR 1=1 --")).toBeNull();
    expect(sessions.lookup(session.id)).toBeNull();
  });

  it('binds guest members to a session and unbinds a member from every session', () => {
    const sessions = createSessions(openDatabase(':memory:'));
    const a = sessions.create(null).session;
    const b = sessions.create(null).session;
    sessions.addMember(a.id, 'm1');
    sessions.addMember(a.id, 'm1');
    sessions.addMember(b.id, 'm1');
    sessions.addMember(a.id, 'm2');
    expect(sessions.memberIds(a.id)).toEqual(['m1', 'm2']);
    expect(sessions.sessionsOfMember('m1').sort()).toEqual([a.id, b.id].sort());
    sessions.unbindMember('m1');
    expect(sessions.memberIds(a.id)).toEqual(['m2']);
    expect(sessions.memberIds(b.id)).toEqual([]);
  });
});
