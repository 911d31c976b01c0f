import { describe, expect, it } from 'vitest';
import { createLiveSockets } from './liveSockets.js';

describe('liveSockets', () => {
  it('closes a member’s or a session’s sockets with 4403 and forgets them', () => {
    const live = createLiveSockets();
    const closed: string[] = [];
    const add = (name: string, memberId: string | null, sessionId: string | null) =>
      live.add({ memberId, sessionId, close: (code, reason) => closed.push(`${name}:${code}:${reason}`) });
    add('a', 'm1', 's1');
    add('b', 'm1', 's2');
    add('c', 'm2', 's2');
    const unregister = add('d', 'm3', null);
    expect(live.closeMember('m1')).toBe(2);
    expect(closed).toEqual(['a:4403:access revoked', 'b:4403:access revoked']);
    expect(live.closeSession('s2')).toBe(1);
    unregister();
    expect(live.closeMember('m3')).toBe(0);
    expect(live.size()).toBe(0);
  });

  it('counts open sockets per member and admits no more than the bound; closing one frees a place', () => {
    const live = createLiveSockets({ maxPerMember: 2 });
    const socket = (memberId: string) => ({ memberId, sessionId: null, close: () => {} });
    const first = live.add(socket('m1'));
    live.add(socket('m1'));
    expect(live.admits('m1')).toBe(false);
    expect(live.admits('m2')).toBe(true);
    first();
    first();
    expect(live.countMember('m1')).toBe(1);
    expect(live.admits('m1')).toBe(true);
    live.closeMember('m1');
    expect(live.countMember('m1')).toBe(0);
  });

  it("closes, in one room only, the sockets of members a child's changed choice no longer admits", () => {
    const live = createLiveSockets();
    const closed: string[] = [];
    const add = (name: string, memberId: string, room: string) =>
      live.add({
        memberId,
        sessionId: null,
        room,
        close: (code, reason) => closed.push(`${name}:${code}:${reason}`),
      });
    add('mum-tool', 'mum', 'b1:child:t1');
    add('mum-board', 'mum', 'b1');
    add('worker-tool', 'pat', 'b1:child:t1');
    add('mum-other-tool', 'mum', 'b1:child:t2');
    expect(live.closeInRoom('b1:child:t1', (memberId) => memberId === 'pat', 'not chosen by the child')).toBe(
      1,
    );
    expect(closed).toEqual(['mum-tool:4403:not chosen by the child']);
    expect(live.countMember('mum')).toBe(2);
  });
});
