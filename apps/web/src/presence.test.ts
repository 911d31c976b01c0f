import { describe, expect, it } from 'vitest';
import { ROLE_COLORS } from './colors';
import { type Presence, peopleOnline, readPeers } from './presence';

const valid = { participantId: 'p2', name: 'Alex', role: 'family', color: 'red', cursor: { x: 10, y: 20 } };

describe('readPeers', () => {
  it('reads other clients and leaves out this one', () => {
    const peers = readPeers(
      new Map<number, unknown>([
        [1, { ...valid, participantId: 'me' }],
        [2, valid],
      ]),
      1,
    );
    expect(peers).toEqual([
      {
        clientId: 2,
        participantId: 'p2',
        name: 'Alex',
        role: 'family',
        color: ROLE_COLORS.family,
        cursor: { x: 10, y: 20 },
      },
    ]);
  });

  it('skips malformed states and drops a malformed cursor', () => {
    const peers = readPeers(
      new Map<number, unknown>([
        [2, null],
        [3, { ...valid, role: 'admin' }],
        [4, { ...valid, name: 42 }],
        [5, { ...valid, cursor: { x: Number.NaN, y: 1 } }],
        [6, { ...valid, name: 'n'.repeat(500) }],
      ]),
      1,
    );
    expect(peers.map((p) => p.clientId)).toEqual([5, 6]);
    expect(peers[0]?.cursor).toBeNull();
    expect(peers[1]?.name.length).toBe(80);
  });
});

describe('peopleOnline', () => {
  it('lists each person once, you first, then by name', () => {
    const me: Presence = { participantId: 'me', name: 'Sam', role: 'facilitator', color: '', cursor: null };
    const peers = readPeers(
      new Map<number, unknown>([
        [2, { ...valid, name: 'Zoe', participantId: 'z' }],
        [3, { ...valid, name: 'Alex', participantId: 'a' }],
        [4, { ...valid, name: 'Alex again', participantId: 'a' }],
        [5, { ...valid, name: 'Sam other tab', participantId: 'me' }],
      ]),
      1,
    );
    expect(peopleOnline(me, peers).map((p) => p.name)).toEqual(['Sam', 'Alex', 'Zoe']);
  });
});
