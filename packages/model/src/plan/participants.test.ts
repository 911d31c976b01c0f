import { describe, expect, it } from 'vitest';
import { asParticipantId } from '../doc/ids.js';
import { readBoard } from '../doc/read.js';
import { expectUnchanged, newBoard, unwrap } from '../test-support.js';
import { isParticipantRegistered, registerParticipant } from './participants.js';

const id = asParticipantId('p1');

describe('registerParticipant', () => {
  it('records a participant with their name, role and join time', () => {
    const doc = newBoard();
    unwrap(registerParticipant(doc, { id, displayName: 'Mum', role: 'family' }, { now: 50 }));
    expect(readBoard(doc).participants).toEqual({
      p1: { id, displayName: 'Mum', role: 'family', joinedAt: 50 },
    });
  });

  it('updates the name and role on a second registration and keeps the first join time', () => {
    const doc = newBoard();
    unwrap(registerParticipant(doc, { id, displayName: 'Mum', role: 'family' }, { now: 50 }));
    unwrap(registerParticipant(doc, { id, displayName: 'Aisha', role: 'network' }, { now: 99 }));
    expect(readBoard(doc).participants.p1).toEqual({
      id,
      displayName: 'Aisha',
      role: 'network',
      joinedAt: 50,
    });
  });

  it('tells whether a person is on the board with this very name and role', () => {
    const doc = newBoard();
    expect(isParticipantRegistered(doc, { id, displayName: 'Mum', role: 'family' })).toBe(false);
    unwrap(registerParticipant(doc, { id, displayName: 'Mum', role: 'family' }));
    expect(isParticipantRegistered(doc, { id, displayName: 'Mum', role: 'family' })).toBe(true);
    expect(isParticipantRegistered(doc, { id, displayName: 'Mum', role: 'network' })).toBe(false);
    expect(isParticipantRegistered(doc, { id, displayName: 'Alex', role: 'family' })).toBe(false);
  });

  it('writes nothing when registering again unchanged', () => {
    const doc = newBoard();
    unwrap(registerParticipant(doc, { id, displayName: 'Mum', role: 'family' }));
    expectUnchanged(doc, () =>
      registerParticipant(doc, { id, displayName: 'Mum', role: 'family' }, { now: 1 }),
    );
  });

  it.each([
    ['a blank name', { id, displayName: '   ', role: 'family' }],
    ['a name over 500 characters', { id, displayName: 'n'.repeat(501), role: 'family' }],
    ['an unknown role', { id, displayName: 'Mum', role: 'judge' }],
    ['a malformed id', { id: 'a/b', displayName: 'Mum', role: 'family' }],
  ])('refuses %s', (_, participant) => {
    const doc = newBoard();
    expect(expectUnchanged(doc, () => registerParticipant(doc, participant as never))).toMatchObject({
      reason: 'invalid-input',
    });
  });
});
