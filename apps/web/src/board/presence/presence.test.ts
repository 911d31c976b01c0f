import { describe, expect, it } from 'vitest';
import { ROLE_COLORS } from '../../canvas/colors';
import { MAX_FRAME_CARDS } from '../../canvas/frame';
import {
  cardWatchers,
  type Presence,
  peopleOnline,
  readPeers,
  readPointer,
  touchesOthers,
  watcherLabel,
} from './presence';

const POINTER = {
  x: 10,
  y: 20,
  board: { width: 1385, height: 2400 },
  on: [
    { kind: 'card', id: 'card_1', at: { x: 0.25, y: 0.5 } },
    { kind: 'section', id: 'harm', at: { x: 0.1, y: 0.9 } },
  ],
};
const valid = { participantId: 'p2', name: 'Alex', role: 'family', color: 'red', cursor: POINTER };

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
        cursor: POINTER,
        selected: null,
        editing: null,
        viewport: null,
        frame: null,
        wall: null,
        wallView: null,
        summon: null,
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

describe('readPointer: a pointer from another browser is checked whole [A6]', () => {
  const anchor = (fields: Record<string, unknown>) => ({ ...POINTER, on: [{ ...POINTER.on[0], ...fields }] });
  const hostile: Array<[string, unknown]> = [
    ['not an object', 'here'],
    ['raw coordinates only (no anchors, no board)', { x: 10, y: 20 }],
    ['a coordinate out of range', { ...POINTER, x: 1e12 }],
    ['an infinite coordinate', { ...POINTER, y: Number.POSITIVE_INFINITY }],
    ['a board of no size', { ...POINTER, board: { width: 0, height: 10 } }],
    ['a board that is not an object', { ...POINTER, board: 'big' }],
    ['anchors that are not a list', { ...POINTER, on: { kind: 'card' } }],
    ['too many anchors', { ...POINTER, on: Array.from({ length: 5 }, () => POINTER.on[1]) }],
    ['two anchors of one kind', { ...POINTER, on: [POINTER.on[1], POINTER.on[1]] }],
    ['an unknown kind', anchor({ kind: 'person' })],
    ['an unknown section', anchor({ kind: 'section', id: 'secrets' })],
    ['an unknown column', anchor({ kind: 'column', id: 'left' })],
    ['a band with a name', anchor({ kind: 'analysis', id: 'x' })],
    ['a card id of the wrong form', anchor({ id: 'a b/../c' })],
    ['a card id too long', anchor({ id: 'x'.repeat(65) })],
    ['a card id that is not a string', anchor({ id: 42 })],
    ['a fraction past 1', anchor({ at: { x: 1.5, y: 0 } })],
    ['a negative fraction', anchor({ at: { x: 0, y: -0.1 } })],
    ['a fraction that is NaN', anchor({ at: { x: Number.NaN, y: 0 } })],
    ['a fraction that is text', anchor({ at: { x: '0.5', y: 0 } })],
    ['no fractions', anchor({ at: null })],
  ];
  for (const [what, cursor] of hostile)
    it(`ignores the whole pointer: ${what}`, () => {
      expect(readPointer(cursor)).toBeNull();
    });

  it('keeps a well-formed pointer as sent, and one over nothing (no anchors)', () => {
    expect(readPointer(POINTER)).toEqual(POINTER);
    expect(readPointer({ ...POINTER, on: [] })).toEqual({ ...POINTER, on: [] });
    expect(
      readPointer({ ...POINTER, on: [{ kind: 'analysis', id: '', at: { x: 1, y: 0 } }] })?.on,
    ).toHaveLength(1);
  });

  it('takes only the pointer’s own fields (nothing else rides along)', () => {
    expect(readPointer({ ...POINTER, extra: 'x'.repeat(1000) })).toEqual(POINTER);
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

describe('cardWatchers', () => {
  const peer = (clientId: number, fields: Record<string, unknown>) =>
    readPeers(new Map<number, unknown>([[clientId, { ...valid, ...fields }]]), 0);

  it('reads which card someone chose and which one they are typing in, and ignores junk ids', () => {
    const [ok] = peer(2, { selected: 'card_1', editing: 'card-2' });
    expect(ok?.selected).toBe('card_1');
    expect(ok?.editing).toBe('card-2');
    const [bad] = peer(3, { selected: 42, editing: '<script>' });
    expect(bad?.selected).toBeNull();
    expect(bad?.editing).toBeNull();
    expect(peer(4, { selected: 'x'.repeat(65) })[0]?.selected).toBeNull();
  });

  it('lists the people on each card, the one typing first and each person once', () => {
    const peers = [
      ...peer(2, { participantId: 'z', name: 'Zoe', selected: 'c1' }),
      ...peer(3, { participantId: 'a', name: 'Alex', selected: 'c1' }),
      ...peer(4, { participantId: 'y', name: 'Yan', role: 'network', selected: 'c1', editing: 'c1' }),
      ...peer(5, { participantId: 'a', name: 'Alex', editing: 'c2', selected: 'c2' }),
      ...peer(6, { participantId: 'a', name: 'Alex', selected: 'c2' }),
    ];
    const watchers = cardWatchers(peers);
    expect(watchers.get('c1')?.map((w) => [w.name, w.editing])).toEqual([
      ['Yan', true],
      ['Alex', false],
      ['Zoe', false],
    ]);
    expect(watchers.get('c1')?.[0]?.color).toBe(ROLE_COLORS.network);
    expect(watchers.get('c2')?.map((w) => [w.name, w.editing])).toEqual([['Alex', true]]);
    expect(watchers.has('c3')).toBe(false);
  });
});

describe('watcherLabel', () => {
  const w = (name: string, editing: boolean) => ({ clientId: 1, name, color: '', editing });

  it('names the person typing, or the person who chose the card, and counts the rest', () => {
    expect(watcherLabel([w('Alex', true)])).toBe('Alex is editing');
    expect(watcherLabel([w('Alex', false)])).toBe('Alex');
    expect(watcherLabel([w('Alex', true), w('Zoe', false), w('Yan', false)])).toBe('Alex is editing +2');
    expect(watcherLabel([])).toBe('');
  });
});

describe('viewport and summon', () => {
  const one = (fields: Record<string, unknown>) =>
    readPeers(new Map<number, unknown>([[2, { ...valid, ...fields }]]), 0)[0];

  it('reads a viewport and a summon, keeping the zoom within its limits', () => {
    const peer = one({
      viewport: { x: 10, y: 20, scale: 50 },
      summon: { at: 5, viewport: { x: 1, y: 2, scale: 1 } },
    });
    expect(peer?.viewport).toEqual({ x: 10, y: 20, scale: 3 });
    const sized = one({ viewport: { x: 1, y: 2, scale: 1, width: 800, height: 600 } });
    expect(sized?.viewport).toEqual({ x: 1, y: 2, scale: 1, width: 800, height: 600 });
    expect(one({ viewport: { x: 1, y: 2, scale: 1, width: -5, height: 600 } })?.viewport).toEqual({
      x: 1,
      y: 2,
      scale: 1,
    });
    expect(peer?.summon).toEqual({ at: 5, viewport: { x: 1, y: 2, scale: 1 }, frame: null });
    // A letterboxed view (the board centred in a wider screen) starts left of the board.
    expect(one({ viewport: { x: -120, y: -8, scale: 0.5 } })?.viewport).toEqual({
      x: -120,
      y: -8,
      scale: 0.5,
    });
  });

  it('drops viewports and summons that are not plain finite numbers', () => {
    expect(one({ viewport: { x: '1', y: 2, scale: 1 } })?.viewport).toBeNull();
    expect(one({ viewport: { x: Number.POSITIVE_INFINITY, y: 2, scale: 1 } })?.viewport).toBeNull();
    expect(one({ viewport: { x: 1e12, y: 2, scale: 1 } })?.viewport).toBeNull();
    expect(one({ summon: { at: 'now', viewport: { x: 1, y: 2, scale: 1 } } })?.summon).toBeNull();
    expect(one({ summon: { at: 1, viewport: null } })?.summon).toBeNull();
  });
});

describe('frames from other browsers', () => {
  const one = (fields: Record<string, unknown>) =>
    readPeers(new Map<number, unknown>([[2, { ...valid, ...fields }]]), 0)[0];
  const frame = {
    rect: { x: 10, y: 20, width: 800, height: 600 },
    board: { width: 1385, height: 2400 },
    columns: ['worries'],
    sections: ['harm', 'harm'],
    cards: ['c1', 'c2'],
    analysis: false,
    within: { kind: 'card', id: 'c1', at: { x: 0, y: 0, width: 1, height: 1 } },
    onBoard: { x: 0, y: 0, width: 0.5, height: 0.25 },
  };

  it('reads a frame, the wall’s and one in a summon, dropping repeated anchors', () => {
    const peer = one({
      frame,
      wall: frame,
      wallView: frame,
      summon: { at: 1, viewport: { x: 0, y: 0, scale: 1 }, frame },
    });
    expect(peer?.frame?.sections).toEqual(['harm']);
    expect(peer?.frame?.cards).toEqual(['c1', 'c2']);
    expect(peer?.wall?.columns).toEqual(['worries']);
    expect(peer?.wallView?.within?.id).toBe('c1');
    expect(peer?.summon?.frame?.rect).toEqual(frame.rect);
  });

  it('ignores a hostile frame whole: bad ids, unknown sections, too many cards, odd numbers, wrong types', () => {
    const bad: unknown[] = [
      { ...frame, cards: ['c1', '<script>'] },
      { ...frame, cards: Array.from({ length: MAX_FRAME_CARDS + 1 }, (_, i) => `c${i}`) },
      { ...frame, cards: 'c1' },
      { ...frame, sections: ['harm', 'toString'] },
      { ...frame, columns: ['worries', 'worries', 'worries', 'worries'] },
      { ...frame, columns: ['__proto__'] },
      { ...frame, rect: { x: Number.NaN, y: 0, width: 1, height: 1 } },
      { ...frame, rect: { x: 0, y: 0, width: -1, height: 1 } },
      { ...frame, rect: { x: 1e12, y: 0, width: 1, height: 1 } },
      { ...frame, board: { width: 0, height: 10 } },
      { ...frame, analysis: 'yes' },
      { ...frame, within: { kind: 'card', id: 'a b', at: { x: 0, y: 0, width: 1, height: 1 } } },
      { ...frame, within: { kind: 'column', id: 'harm', at: { x: 0, y: 0, width: 1, height: 1 } } },
      { ...frame, within: { kind: 'eval', id: '', at: { x: 0, y: 0, width: 1, height: 1 } } },
      { ...frame, onBoard: null },
      [frame],
      'frame',
    ];
    for (const value of bad) expect(one({ frame: value })?.frame).toBeNull();
    expect(one({ frame: { ...frame, within: null } })?.frame?.within).toBeNull();
  });
});

describe('touchesOthers', () => {
  it('is false when only this browser changed (its own view, cursor or selection)', () => {
    expect(touchesOthers({ added: [], updated: [7], removed: [] }, 7)).toBe(false);
    expect(touchesOthers({ added: [7], updated: [], removed: [] }, 7)).toBe(false);
  });

  it('is true when anyone else came, changed or left', () => {
    expect(touchesOthers({ added: [8], updated: [], removed: [] }, 7)).toBe(true);
    expect(touchesOthers({ added: [], updated: [7, 8], removed: [] }, 7)).toBe(true);
    expect(touchesOthers({ added: [], updated: [], removed: [9] }, 7)).toBe(true);
  });
});
