import { asParticipantId, type Role } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import {
  mayEditText,
  mayLock,
  mayMarkProfessionalsOnly,
  mayMoveOrDelete,
  maySettleSuggestions,
  mayWriteBoard,
} from './cardPermissions';

const actor = (role: Role, id = 'me') => ({ participantId: asParticipantId(id), role });
const mine = { authorId: asParticipantId('me') };
const theirs = { authorId: asParticipantId('someone-else') };

describe('mayMoveOrDelete', () => {
  it('[AC4] lets every role that writes move or delete its own card; a viewer writes nothing', () => {
    for (const role of ['facilitator', 'practitioner', 'family', 'network'] as const)
      expect(mayMoveOrDelete(mine, actor(role))).toBe(true);
    expect(mayMoveOrDelete(mine, actor('viewer'))).toBe(false);
  });

  it('[AC5] lets only staff move or delete another person’s card', () => {
    expect(mayMoveOrDelete(theirs, actor('facilitator'))).toBe(true);
    expect(mayMoveOrDelete(theirs, actor('practitioner'))).toBe(true);
    expect(mayMoveOrDelete(theirs, actor('family'))).toBe(false);
    expect(mayMoveOrDelete(theirs, actor('network'))).toBe(false);
  });
});

describe('mayMarkProfessionalsOnly', () => {
  it('[AC6] is for staff only', () => {
    expect(
      ['facilitator', 'practitioner', 'family', 'network', 'viewer'].map((role) =>
        mayMarkProfessionalsOnly({ role: role as Role }),
      ),
    ).toEqual([true, true, false, false, false]);
  });
});

describe('whose words', () => {
  it('[AC3] [AC30] lets family and network edit only their own card text; staff anyone’s', () => {
    expect(mayEditText(mine, actor('family'))).toBe(true);
    expect(mayEditText(theirs, actor('family'))).toBe(false);
    expect(mayEditText(theirs, actor('network'))).toBe(false);
    expect(mayEditText(theirs, actor('practitioner'))).toBe(true);
    expect(mayEditText(mine, actor('viewer'))).toBe(false);
  });

  it('[AC32] [AC33] lets the author or staff settle suggestions', () => {
    expect(maySettleSuggestions(mine, actor('family'))).toBe(true);
    expect(maySettleSuggestions(theirs, actor('network'))).toBe(false);
    expect(maySettleSuggestions(theirs, actor('facilitator'))).toBe(true);
  });

  it('[AC10] [AC11] stops family and network writing a locked board; staff keep writing; only the facilitator locks', () => {
    expect(mayWriteBoard(true, actor('family'))).toBe(false);
    expect(mayWriteBoard(false, actor('family'))).toBe(true);
    expect(mayWriteBoard(true, actor('practitioner'))).toBe(true);
    expect(mayLock(actor('facilitator'))).toBe(true);
    expect(mayLock(actor('practitioner'))).toBe(false);
  });
});
