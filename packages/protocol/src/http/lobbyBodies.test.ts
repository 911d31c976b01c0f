import { describe, expect, it } from 'vitest';
import { formatLobbyCode, LOBBY_CODE_ALPHABET, lobbyAskRequest, parseLobbyCode } from './lobbyBodies.js';

describe('the wall code as typed or scanned', () => {
  it('reads the code whatever its case, hyphen, spaces or leading #', () => {
    for (const typed of ['ABCDE-FGHJK', 'abcde-fghjk', '#ABCDE-FGHJK', ' abcde fghjk ', 'ABCDEFGHJK']) {
      expect(parseLobbyCode(typed)).toBe('ABCDEFGHJK');
    }
    expect(formatLobbyCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
  });

  it('refuses letters that are easy to misread, wrong lengths and long input', () => {
    for (const typed of ['ABCDE-FGHJ0', 'ABCDE-FGHJI', 'ABCDE-FGHJ', 'ABCDE-FGHJKL', '', 'A'.repeat(41)]) {
      expect(parseLobbyCode(typed)).toBeNull();
    }
    expect(LOBBY_CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('takes a name and an optional note, nothing else', () => {
    expect(lobbyAskRequest.safeParse({ code: 'ABCDE-FGHJK', name: ' Nan ', about: 'Grandma' }).data).toEqual({
      code: 'ABCDE-FGHJK',
      name: 'Nan',
      about: 'Grandma',
    });
    expect(lobbyAskRequest.safeParse({ code: 'ABCDE-FGHJK', name: 'Nan', role: 'family' }).success).toBe(
      false,
    );
    expect(lobbyAskRequest.safeParse({ code: 'ABCDE-FGHJK', name: '' }).success).toBe(false);
  });
});
