import type { BoardState } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { attendanceIsEmpty, presentParticipants, withPresentTicked } from './presentAttendance';

const person = (id: string, displayName: string, role: string) => ({ id, displayName, role, joinedAt: 1 });

describe('attendance from who is present', () => {
  const board = {
    participants: {
      mum: person('mum', 'Alex', 'family'),
      sue: person('sue', 'Sue', 'network'),
      wall: person('wall', 'Wall screen', 'viewer'),
      pat: person('pat', 'Pat', 'practitioner'),
    },
  } as unknown as BoardState;

  it('ticks the people on the board now who take part, never the wall screen or someone absent', () => {
    expect(presentParticipants(board, ['wall', 'pat', 'mum', 'ghost'])).toEqual(['mum', 'pat']);
    expect(presentParticipants(board, [])).toEqual([]);
  });

  it('adds who is here to what was recorded, unticking nobody', () => {
    const none = { participantIds: [], othersPresent: [], apologies: [] };
    expect(attendanceIsEmpty(none)).toBe(true);
    expect(attendanceIsEmpty({ ...none, apologies: ['Dad'] })).toBe(false);
    expect(withPresentTicked({ ...none, participantIds: ['sue'] }, ['mum', 'sue'])).toEqual({
      ...none,
      participantIds: ['sue', 'mum'],
    });
  });
});
