import { asParticipantId, type Role } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { mayMarkProfessionalsOnly, mayMoveOrDelete } from './cardPermissions';

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
