import { describe, expect, it } from 'vitest';
import { type Peer, readPeers } from '../board/presence/presence';
import { facilitatorToFollow, followedView, newSummon, summonsSeen } from './follow';

const base = { participantId: 'p', name: 'Sam', role: 'facilitator', color: '', cursor: null };
const view = (x: number) => ({ x, y: 0, scale: 1 });

function peers(...states: Record<string, unknown>[]): Peer[] {
  return readPeers(new Map<number, unknown>(states.map((s, i) => [i + 10, { ...base, ...s }])), 0);
}

describe('newSummon', () => {
  it('obeys a facilitator’s summon once, and a later one again', () => {
    const first = peers({ summon: { at: 1, viewport: view(100) } });
    const a = newSummon(first, new Map());
    expect(a.summon?.viewport).toEqual(view(100));
    expect(a.summon?.name).toBe('Sam');
    expect(newSummon(first, a.seen).summon).toBeNull();
    const second = peers({ summon: { at: 2, viewport: view(300) } });
    expect(newSummon(second, a.seen).summon?.viewport).toEqual(view(300));
  });

  it('ignores a summon from anyone who is not a facilitator', () => {
    const family = peers({ role: 'family', summon: { at: 1, viewport: view(100) } });
    expect(newSummon(family, new Map()).summon).toBeNull();
  });

  it('does not obey summons that were already there when the screen opened', () => {
    const old = peers({ summon: { at: 1, viewport: view(100) } });
    expect(newSummon(old, summonsSeen(old)).summon).toBeNull();
  });
});

describe('following', () => {
  it('reads the followed person’s viewport, and nothing once they have gone', () => {
    const list = peers({ viewport: view(40) });
    expect(followedView(list, 10)).toEqual({ frame: null, viewport: view(40) });
    expect(followedView(list, 99)).toBeNull();
    expect(followedView(list, null)).toBeNull();
  });

  it('has a wall screen follow a facilitator who shares a viewport', () => {
    const list = peers(
      { role: 'family', name: 'Alex', viewport: view(1) },
      { name: 'Zed', viewport: view(2) },
      { name: 'Sam', viewport: null },
    );
    expect(facilitatorToFollow(list)?.name).toBe('Zed');
    expect(facilitatorToFollow(peers({ role: 'family', viewport: view(1) }))).toBeNull();
  });
});
