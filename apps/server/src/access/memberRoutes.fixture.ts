import type { Role } from '@kinmap/model';
import { expect } from 'vitest';
import { accessFixture, inviteSecret } from './access.fixture.js';

// Test-only: a board with a member of every role, shared by the member and invite route tests.

export async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
}

/** A board created by a facilitator, with a practitioner (invited staff) and guests of each role. */
export async function boardWithEveryone() {
  const f = accessFixture();
  await f.createStaff('fay@example.org');
  await f.createStaff('pat@example.org');
  const facilitator = await f.login('fay@example.org');
  const board = await f.createBoard(facilitator);
  // A staff member joins by opening a practitioner invite on their signed-in device.
  const practitioner = await f.login('pat@example.org');
  const invited = await f.call('POST', `/api/boards/${board.id}/invites`, {
    cookie: facilitator,
    body: { role: 'practitioner' },
  });
  const { link } = (await invited.json()) as { link: string };
  const opened = await f.call('POST', '/api/invites/open', {
    cookie: practitioner,
    body: { invite: inviteSecret(link), displayName: 'Pat' },
  });
  const practitionerId = ((await opened.json()) as { member: { id: string } }).member.id;
  const guests = {
    family: await f.inviteGuest(facilitator, board.id, 'family', 'Alex'),
    network: await f.inviteGuest(facilitator, board.id, 'network', 'Sue'),
    viewer: await f.inviteGuest(facilitator, board.id, 'viewer', 'Vic'),
  };
  const cookies: Record<Role, string> = {
    facilitator,
    practitioner,
    family: guests.family.cookie,
    network: guests.network.cookie,
    viewer: guests.viewer.cookie,
  };
  const memberIds: Record<Role, string> = {
    facilitator: board.memberId,
    practitioner: practitionerId,
    family: guests.family.memberId,
    network: guests.network.memberId,
    viewer: guests.viewer.memberId,
  };
  return { ...f, board, cookies, memberIds };
}
