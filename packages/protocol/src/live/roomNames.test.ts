import { describe, expect, it } from 'vitest';
import {
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
    });
    expect(parseSyncPath(`${SYNC_PATH}/b1`)).toEqual({ boardId: 'b1', restricted: false });
  });

  it('reads no board from any other path', () => {
    for (const path of ['/sync', '/sync/', '/sync/b1/restricted/more', '/sync/b1/other', '/api/b1']) {
      expect(parseSyncPath(path)).toBeNull();
    }
  });
});
