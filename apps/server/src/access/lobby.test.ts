import { describe, expect, it } from 'vitest';
import { createLobby } from './lobby.js';

const BOARD = 'board_1';
const MEMBER = 'member_1';

describe('the lobby behind the wall code', () => {
  it('stops taking requests when the code expires after 30 minutes', () => {
    let t = 1_000;
    const lobby = createLobby({ now: () => t });
    const { code } = lobby.open(BOARD, MEMBER);
    expect(lobby.ask(code, 'Nan', '').ok).toBe(true);
    t += 30 * 60_000;
    expect(lobby.codeOf(BOARD)).toBeNull();
    expect(lobby.ask(code, 'Late', '')).toEqual({ ok: false, reason: 'no-code' });
  });

  it('forgets an unanswered request after 15 minutes, and an admitted one 30 minutes after admission', () => {
    let t = 1_000;
    const lobby = createLobby({ now: () => t });
    const { code } = lobby.open(BOARD, MEMBER);
    const first = lobby.ask(code, 'Nan', '');
    const second = lobby.ask(code, 'Bo', '');
    if (!first.ok || !second.ok) throw new Error('asking failed');
    t += 14 * 60_000;
    expect(lobby.admit(BOARD, second.request.id, 'x'.repeat(43))).toBe(true);
    t += 2 * 60_000;
    // The unanswered request is gone: its token answers nothing, and it cannot be admitted.
    expect(lobby.byToken(first.token)).toBeNull();
    expect(lobby.admit(BOARD, first.request.id, 'y'.repeat(43))).toBe(false);
    expect(lobby.byToken(second.token)?.status).toBe('admitted');
    t += 29 * 60_000;
    expect(lobby.byToken(second.token)).toBeNull();
  });

  it('a new code replaces the old one; answers are final', () => {
    const lobby = createLobby();
    const old = lobby.open(BOARD, MEMBER).code;
    const fresh = lobby.open(BOARD, MEMBER).code;
    expect(fresh).not.toBe(old);
    expect(lobby.ask(old, 'Nan', '').ok).toBe(false);
    const asked = lobby.ask(fresh, 'Nan', '');
    if (!asked.ok) throw new Error('asking failed');
    expect(lobby.decline(BOARD, asked.request.id)).toBe(true);
    expect(lobby.admit(BOARD, asked.request.id, 'x'.repeat(43))).toBe(false);
    expect(lobby.decline('other', asked.request.id)).toBe(false);
    expect(lobby.waitingOf(BOARD)).toEqual([]);
  });

  it('caps the people waiting per board, and the records kept', () => {
    const lobby = createLobby({ maxWaiting: 2, maxRecords: 3 });
    const { code } = lobby.open(BOARD, MEMBER);
    const a = lobby.ask(code, 'A', '');
    expect(lobby.ask(code, 'B', '').ok).toBe(true);
    expect(lobby.ask(code, 'C', '')).toEqual({ ok: false, reason: 'full' });
    if (!a.ok) throw new Error('asking failed');
    lobby.decline(BOARD, a.request.id);
    expect(lobby.ask(code, 'C', '').ok).toBe(true);
    expect(lobby.ask(code, 'D', '')).toEqual({ ok: false, reason: 'full' });
  });

  it('keeps at most maxBoards codes, dropping the oldest', () => {
    const lobby = createLobby({ maxBoards: 2 });
    const first = lobby.open('b1', MEMBER).code;
    lobby.open('b2', MEMBER);
    lobby.open('b3', MEMBER);
    expect(lobby.codeOf('b1')).toBeNull();
    expect(lobby.ask(first, 'Nan', '').ok).toBe(false);
    expect(lobby.codeOf('b3')).not.toBeNull();
  });

  it('finds nothing for malformed tokens', () => {
    const lobby = createLobby();
    for (const token of ['', 'x', 'a'.repeat(44), '../../etc']) expect(lobby.byToken(token)).toBeNull();
  });
});
