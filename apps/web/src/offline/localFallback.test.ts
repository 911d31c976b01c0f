import { describe, expect, it } from 'vitest';
import type { ApiFailure } from '../lib/api';
import { createLocalBoards, type IndexStorage } from './localBoards';
import { localFallback } from './localFallback';

function boardsWithCopy(role: 'family' | 'practitioner' = 'family') {
  const items = new Map<string, string>();
  const storage: IndexStorage = {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
  const deleted: string[] = [];
  const boards = createLocalBoards(storage, { delete: async (name) => void deleted.push(name) });
  boards.remember({ boardId: 'b1', memberId: 'm1', role, name: 'Alex' });
  return { boards, deleted };
}
const failed = (reason: ApiFailure) => ({ ok: false as const, reason });

describe('localFallback', () => {
  it('opens the copy when the server cannot be reached', () => {
    const { boards, deleted } = boardsWithCopy();
    expect(localFallback('b1', failed('failed'), boards).open?.memberId).toBe('m1');
    expect(localFallback('b2', failed('failed'), boards).open).toBeNull();
    expect(deleted).toEqual([]);
  });

  it('wipes the copy when the server refuses the board or says it is gone', async () => {
    for (const reason of ['unauthorized', 'forbidden', 'not-found'] as const) {
      const { boards, deleted } = boardsWithCopy();
      expect(localFallback('b1', failed(reason), boards)).toEqual({ open: null, lostUnsaved: false });
      expect(boards.find('b1')).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(deleted).toContain('kinmap:b1:m1');
    }
  });

  it('keeps the copy but does not open it on other answers, nor when the board opens', () => {
    const { boards, deleted } = boardsWithCopy();
    expect(localFallback('b1', failed('rate-limited'), boards).open).toBeNull();
    const opened = { id: 'b1', title: 'T', createdAt: 0, role: 'family' as const, memberId: 'm1' };
    expect(localFallback('b1', { ok: true, value: opened }, boards).open).toBeNull();
    expect(boards.find('b1')).not.toBeNull();
    expect(deleted).toEqual([]);
  });

  it("keeps a staff member's copy when only their session has ended (401), to send once they sign in", async () => {
    const { boards, deleted } = boardsWithCopy('practitioner');
    boards.markUnsaved('b1', 'm1', 'shared', true);
    expect(localFallback('b1', failed('unauthorized'), boards)).toEqual({ open: null, lostUnsaved: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(boards.find('b1')?.unsaved).toEqual(['shared']);
    expect(deleted).toEqual([]);
    localFallback('b1', failed('forbidden'), boards);
    expect(boards.find('b1')).toBeNull();
  });

  it('reports unsaved changes lost when access ended, not when the board is gone', () => {
    const { boards } = boardsWithCopy();
    boards.markUnsaved('b1', 'm1', 'shared', true);
    expect(localFallback('b1', failed('forbidden'), boards)).toEqual({ open: null, lostUnsaved: true });
    const again = boardsWithCopy().boards;
    again.markUnsaved('b1', 'm1', 'shared', true);
    expect(localFallback('b1', failed('not-found'), again).lostUnsaved).toBe(false);
  });
});
