import { describe, expect, it } from 'vitest';
import {
  childToolRoomId,
  childToolRoomName,
  parseSyncPath,
  restrictedRoomId,
  restrictedRoomName,
  roomDocumentOf,
  SYNC_PATH,
} from './roomNames.js';

describe('room naming', () => {
  it('names a board’s restricted room apart from its shared one, and back', () => {
    expect(restrictedRoomId('b1')).toBe('b1:restricted');
    expect(roomDocumentOf('b1:restricted')).toEqual({ boardId: 'b1', document: 'restricted' });
    expect(roomDocumentOf('b1')).toEqual({ boardId: 'b1', document: 'shared' });
  });

  it('gives the client a room name whose URL the server reads as the same restricted room', () => {
    expect(restrictedRoomName('b1')).toBe('b1/restricted');
    expect(parseSyncPath(`${SYNC_PATH}/${restrictedRoomName('b1')}`)).toEqual({
      boardId: 'b1',
      restricted: true,
      toolId: null,
    });
    expect(parseSyncPath(`${SYNC_PATH}/b1`)).toEqual({ boardId: 'b1', restricted: false, toolId: null });
  });

  it("names a child's tool as a room of its own, the same on both sides", () => {
    expect(childToolRoomId('b1', 't-1')).toBe('b1:child:t-1');
    expect(roomDocumentOf('b1:child:t-1')).toEqual({ boardId: 'b1', document: 'child', toolId: 't-1' });
    expect(parseSyncPath(`${SYNC_PATH}/${childToolRoomName('b1', 't-1')}`)).toEqual({
      boardId: 'b1',
      restricted: false,
      toolId: 't-1',
    });
  });

  it('reads no board from any other path', () => {
    for (const path of [
      '/sync',
      '/sync/',
      '/sync/b1/restricted/more',
      '/sync/b1/other',
      '/api/b1',
      '/sync/b1/child/',
      '/sync/b1/child/t1/more',
      '/sync/b1/child/t%2F1',
      `/sync/b1/child/${'t'.repeat(129)}`,
    ]) {
      expect(parseSyncPath(path)).toBeNull();
    }
  });
});
