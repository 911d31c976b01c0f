import { describe, expect, it } from 'vitest';
import type { AwarenessEntry } from '../protocol.js';
import { createAwarenessGuard } from './awarenessGuard.js';

const entry = (clientId: number, state: object | null = { name: 'x' }, clock = 1): AwarenessEntry => ({
  clientId,
  clock,
  state,
});

/** A guard over a room that remembers the clock of every entry it admitted, like the relay's Awareness. */
function guardWithRoom() {
  const clocks = new Map<number, number>();
  const guard = createAwarenessGuard({ knownClock: (id) => clocks.get(id) ?? 0 });
  const admit = (connectionId: string, entries: AwarenessEntry[]) => {
    const admitted = guard.admit(connectionId, entries);
    for (const e of admitted) clocks.set(e.clientId, Math.max(e.clock, clocks.get(e.clientId) ?? 0));
    return admitted;
  };
  return { guard, admit };
}

describe('createAwarenessGuard', () => {
  it('[A1] lets a connection claim its own id and speak only for it', () => {
    const { guard, admit } = guardWithRoom();
    expect(admit('a', [entry(1)])).toEqual([entry(1)]);
    expect(admit('b', [entry(2), entry(1, { name: 'spoofed' }, 9)])).toEqual([entry(2)]);
    expect(guard.ownerOf(1)).toBe('a');
    expect(guard.ownerOf(2)).toBe('b');
  });

  it('[L5] lets one connection own at most four ids: made-up ids past that are dropped', () => {
    const { guard, admit } = guardWithRoom();
    const fresh = [10, 11, 12, 13, 14, 15].map((id) => entry(id));
    expect(admit('a', fresh).map((e) => e.clientId)).toEqual([10, 11, 12, 13]);
    expect(guard.ownerOf(14)).toBeUndefined();
    expect(admit('b', [entry(14)])).toEqual([entry(14)]);
    guard.release('a');
    expect(admit('a', [entry(15)])).toEqual([entry(15)]);
  });

  it("[A1] drops a connection's re-sent copies of other clients' states", () => {
    const { admit } = guardWithRoom();
    admit('a', [entry(1)]);
    admit('b', [entry(2)]);
    expect(admit('b', [entry(1, { name: 'x' }, 5), entry(2, { name: 'y' }, 2)])).toEqual([
      entry(2, { name: 'y' }, 2),
    ]);
  });

  it("[A1] never lets an echo of a departed client's last state claim its id", () => {
    const { guard, admit } = guardWithRoom();
    admit('departed', [entry(1, { name: 'Gran' }, 4)]);
    guard.release('departed');
    // A newcomer that owns nothing yet re-sends the state it heard from the room.
    expect(admit('newcomer', [entry(1, { name: 'Gran' }, 4)])).toEqual([]);
    expect(guard.ownerOf(1)).toBeUndefined();
    expect(admit('newcomer', [entry(5, { name: 'Newcomer' }, 1)])).toEqual([
      entry(5, { name: 'Newcomer' }, 1),
    ]);
  });

  it('does not claim with a clock the room already has, nor with the default clock 0', () => {
    const { guard, admit } = guardWithRoom();
    expect(admit('a', [entry(1, {}, 0)])).toEqual([]);
    expect(guard.ownerOf(1)).toBeUndefined();
    expect(admit('a', [entry(1, {}, 1)])).toEqual([entry(1, {}, 1)]);
  });

  it('allows a later new id only if the room has never seen it', () => {
    const { guard, admit } = guardWithRoom();
    admit('a', [entry(1)]);
    admit('b', [entry(2)]);
    guard.release('b');
    expect(admit('a', [entry(2, { name: 'x' }, 7)])).toEqual([]);
    expect(admit('a', [entry(3)])).toEqual([entry(3)]);
    expect(guard.ownerOf(3)).toBe('a');
  });

  it('lets a reconnecting client claim its old id back, with a newer clock, once the old connection is gone', () => {
    const { guard, admit } = guardWithRoom();
    admit('first', [entry(7, { name: 'Sam' }, 3)]);
    expect(admit('second', [entry(7, { name: 'Sam' }, 4)])).toEqual([]);
    expect(guard.release('first')).toEqual([7]);
    expect(admit('second', [entry(7, { name: 'Sam' }, 5)])).toEqual([entry(7, { name: 'Sam' }, 5)]);
  });

  it('never claims an id with a removal (null state), but passes the owner’s removal', () => {
    const { guard, admit } = guardWithRoom();
    expect(admit('a', [entry(1, null, 3)])).toEqual([]);
    expect(guard.ownerOf(1)).toBeUndefined();
    expect(admit('a', [entry(2)])).toEqual([entry(2)]);
    expect(admit('a', [entry(2, null, 1)])).toEqual([entry(2, null, 1)]);
  });

  it('forgets every id of a released connection', () => {
    const { guard, admit } = guardWithRoom();
    admit('a', [entry(1), entry(2)]);
    expect(guard.release('a').sort()).toEqual([1, 2]);
    expect(guard.ownerOf(1)).toBeUndefined();
    expect(guard.release('a')).toEqual([]);
  });
});
