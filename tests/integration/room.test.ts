import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '@kinmap/server';
import { afterEach, describe, expect, it } from 'vitest';
import {
  boardWithFamily,
  boardWithMembers,
  cookieOf,
  Fixture,
  get,
  post,
  syncedByTicket,
} from './helpers.js';

/**
 * Getting the room in (issue 13 item 7) on the real server: several invites at once, every open
 * link listed again, revoking an opened link ends that person's access, the join page's preview,
 * and imported boards named as copies.
 */

interface Listed {
  id: string;
  role: string;
  label: string;
  status: string;
  link: string | null;
  usedByMemberId: string | null;
}

const del = (url: string, cookie: string) =>
  fetch(url, {
    method: 'DELETE',
    headers: { Cookie: cookie, Origin: new URL(url).origin, 'X-Kinmap-CSRF': '1' },
  });

const secretOf = (link: string) => link.split('#invite=')[1] ?? '';

describe('getting the room in', () => {
  const fixture = new Fixture();
  afterEach(() => fixture.cleanup());

  async function listInvites(server: { url: string }, boardId: string, cookie: string) {
    const res = await fetch(`${server.url}/api/boards/${boardId}/invites`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { invites: Listed[] }).invites;
  }

  it('creates several invites in one request, and lists every open link again until it is opened', async () => {
    const server = await fixture.start();
    const { boardId, facilitator } = await boardWithMembers(server, 'Case 7001');
    const res = await post(
      server,
      `/api/boards/${boardId}/invites/batch`,
      {
        invites: [
          { role: 'family', label: 'Alex (Mum)' },
          { role: 'network', label: 'Aunt Sue' },
          { role: 'practitioner', label: 'Pat' },
        ],
        expiresInHours: 48,
      },
      facilitator.cookie,
    );
    expect(res.status).toBe(201);
    const created = (
      (await res.json()) as { invites: { id: string; link: string; role: string; label: string }[] }
    ).invites;
    expect(created.map((i) => [i.role, i.label])).toEqual([
      ['family', 'Alex (Mum)'],
      ['network', 'Aunt Sue'],
      ['practitioner', 'Pat'],
    ]);
    expect(new Set(created.map((i) => i.link)).size).toBe(3);

    const listed = await listInvites(server, boardId, facilitator.cookie);
    expect(listed).toHaveLength(3);
    for (const one of created) expect(listed.find((l) => l.id === one.id)?.link).toBe(one.link);

    // Opened: the link is no longer kept or shown.
    const family = created[0];
    const opened = await post(server, '/api/invites/open', {
      invite: secretOf(family?.link ?? ''),
      displayName: 'Alex',
    });
    expect(opened.status).toBe(201);
    const after = await listInvites(server, boardId, facilitator.cookie);
    expect(after.find((l) => l.id === family?.id)).toMatchObject({ status: 'used', link: null });
    expect(after.filter((l) => l.link !== null)).toHaveLength(2);
  });

  it('refuses hostile batches: too many, too long, wrong types, roles above the actor, guests', async () => {
    const server = await fixture.start();
    const { boardId, facilitator, practitioner, family } = await boardWithMembers(server, 'Case 7002', [
      'practitioner',
      'family',
    ]);
    const path = `/api/boards/${boardId}/invites/batch`;
    const before = (await listInvites(server, boardId, facilitator.cookie)).length;
    const row = { role: 'family', label: 'A' };
    const bodies: unknown[] = [
      { invites: [] },
      { invites: Array.from({ length: 21 }, () => row) },
      { invites: [{ role: 'family', label: 'x'.repeat(101) }] },
      { invites: [{ role: 'owner' }] },
      { invites: [{ role: 'family', label: 7 }] },
      { invites: [{ role: 'family', extra: true }] },
      { invites: row },
      { invites: [row], expiresInHours: 0 },
      { invites: [row], expiresInHours: 1e9 },
      { invites: [{ role: 'family', label: '\ud800' }] },
      'family',
      null,
    ];
    for (const body of bodies) {
      expect((await post(server, path, body, facilitator.cookie)).status, JSON.stringify(body)).toBe(400);
    }
    // A practitioner may invite family but not a facilitator: the whole request is refused.
    const mixed = { invites: [row, { role: 'facilitator', label: 'B' }] };
    expect((await post(server, path, mixed, practitioner.cookie)).status).toBe(403);
    // Family members invite nobody.
    expect((await post(server, path, { invites: [row] }, family.cookie)).status).toBe(403);
    expect(await listInvites(server, boardId, facilitator.cookie)).toHaveLength(before);
    // A practitioner sees the link of a family invite, not of a facilitator invite made by staff.
    const made = await post(
      server,
      path,
      { invites: [{ role: 'facilitator', label: 'Co-chair' }] },
      facilitator.cookie,
    );
    expect(made.status).toBe(201);
    const seen = await listInvites(server, boardId, practitioner.cookie);
    expect(seen.find((l) => l.role === 'facilitator' && l.status === 'open')?.link).toBeNull();
  });

  it('revoking an opened link ends that person’s access at once: socket closed, board refused', async () => {
    const server = await fixture.start();
    const { boardId, facilitator, family } = await boardWithFamily(server, 'Case 7003');
    const client = await syncedByTicket(server, boardId, family);
    const closed = new Promise<number>((resolve) => {
      client.provider.ws?.addEventListener('close', (event) => resolve(event.code));
    });
    client.provider.shouldConnect = false;
    const used = (await listInvites(server, boardId, facilitator.cookie)).find((l) => l.status === 'used');
    expect(used?.usedByMemberId).toBe(family.memberId);
    const res = await del(`${server.url}/api/boards/${boardId}/invites/${used?.id}`, facilitator.cookie);
    expect(res.status).toBe(204);
    expect(await closed).toBe(4403);
    client.provider.destroy();
    expect((await get(server, `/api/boards/${boardId}`, family.cookie)).status).toBe(401);
    const members = (await (
      await get(server, `/api/boards/${boardId}/members`, facilitator.cookie)
    ).json()) as {
      members: { id: string; revokedAt: number | null }[];
    };
    expect(members.members.find((m) => m.id === family.memberId)?.revokedAt).not.toBeNull();
    const audit = (await (await get(server, `/api/boards/${boardId}/audit`, facilitator.cookie)).json()) as {
      entries: { kind: string }[];
    };
    const kinds = audit.entries.map((e) => e.kind);
    expect(kinds).toContain('invite-revoked');
    expect(kinds).toContain('member-revoked');
    // The audit's own records hold ids and roles, never names (the reader joins names for staff).
    expect(JSON.stringify(audit.entries.map((e) => (e as { detail?: unknown }).detail))).not.toContain(
      'Alex',
    );
  });

  it('the join preview names the board, the inviter and the role, only for a valid link', async () => {
    const server = await fixture.start();
    const { boardId, facilitator } = await boardWithMembers(server, 'Case 7004');
    const made = await post(
      server,
      `/api/boards/${boardId}/invites/batch`,
      {
        invites: [
          { role: 'family', label: 'Mum' },
          { role: 'network', label: 'Sue' },
        ],
      },
      facilitator.cookie,
    );
    const [mum, sue] = ((await made.json()) as { invites: { id: string; link: string }[] }).invites;
    const preview = await post(server, '/api/invites/preview', { invite: secretOf(mum?.link ?? '') });
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([
      'alreadyJoined',
      'boardTitle',
      'expiresAt',
      'inviterName',
      'role',
    ]);
    expect(body).toMatchObject({
      boardTitle: 'Case 7004',
      inviterName: 'Sam Chair',
      role: 'family',
      alreadyJoined: false,
    });
    // The label (who the link is for) is staff-only: not in the preview.
    expect(JSON.stringify(body)).not.toContain('Mum');

    // Unknown, malformed, revoked, or opened on another device: nothing about the board.
    const bad = await post(server, '/api/invites/preview', { invite: 'A'.repeat(43) });
    expect(bad.status).toBe(404);
    expect(await bad.text()).not.toContain('Case 7004');
    for (const hostile of [{ invite: 5 }, { invite: 'x'.repeat(101) }, { invite: 'a', more: 1 }, []]) {
      expect((await post(server, '/api/invites/preview', hostile)).status).toBe(400);
    }
    await del(`${server.url}/api/boards/${boardId}/invites/${sue?.id}`, facilitator.cookie);
    const revoked = await post(server, '/api/invites/preview', { invite: secretOf(sue?.link ?? '') });
    expect(revoked.status).toBe(410);
    expect(await revoked.text()).not.toContain('Case 7004');

    const opened = await post(server, '/api/invites/open', {
      invite: secretOf(mum?.link ?? ''),
      displayName: 'Alex',
    });
    const device = cookieOf(opened);
    const mine = await post(server, '/api/invites/preview', { invite: secretOf(mum?.link ?? '') }, device);
    expect(await mine.json()).toMatchObject({ alreadyJoined: true, boardTitle: 'Case 7004' });
    const theirs = await post(server, '/api/invites/preview', { invite: secretOf(mum?.link ?? '') });
    expect(theirs.status).toBe(410);
  });

  it('guesses at the preview are rate-limited per address', async () => {
    const server = await fixture.start();
    let last = 0;
    for (let i = 0; i < 12; i++) {
      last = (await post(server, '/api/invites/preview', { invite: randomBytes(32).toString('base64url') }))
        .status;
    }
    expect(last).toBe(429);
  });

  it('keeps open links sealed at rest when a data key is set, and shows them again', async () => {
    const server = await fixture.start({ dataKey: randomBytes(32) });
    const { boardId, facilitator } = await boardWithMembers(server, 'Case 7005');
    const made = await post(
      server,
      `/api/boards/${boardId}/invites/batch`,
      { invites: [{ role: 'family' }] },
      facilitator.cookie,
    );
    const [one] = ((await made.json()) as { invites: { link: string }[] }).invites;
    const listed = await listInvites(server, boardId, facilitator.cookie);
    expect(listed[0]?.link).toBe(one?.link);
    await server.close();
    const file = readFileSync(join(fixture.dataDir, DATABASE_FILE));
    expect(file.includes(Buffer.from(secretOf(one?.link ?? '')))).toBe(false);
  });

  it('names an imported board as a copy when the importer already has that title', async () => {
    const server = await fixture.start();
    const { boardId, facilitator } = await boardWithMembers(server, 'Case 7006');
    const exported = await (
      await get(server, `/api/boards/${boardId}/export.json`, facilitator.cookie)
    ).text();
    const titles: string[] = [];
    for (let i = 0; i < 2; i++) {
      const imported = await fetch(`${server.url}/api/boards/import`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Origin: server.url,
          'X-Kinmap-CSRF': '1',
          Cookie: facilitator.cookie,
        },
        body: exported,
      });
      expect(imported.status).toBe(201);
      const { id } = (await imported.json()) as { id: string };
      const board = (await (await get(server, `/api/boards/${id}`, facilitator.cookie)).json()) as {
        title: string;
      };
      titles.push(board.title);
    }
    expect(titles).toEqual(['Case 7006 (copy)', 'Case 7006 (copy 2)']);
    const list = (await (await get(server, '/api/boards', facilitator.cookie)).json()) as {
      boards: { title: string }[];
    };
    expect(list.boards.map((b) => b.title).sort()).toEqual([
      'Case 7006',
      'Case 7006 (copy 2)',
      'Case 7006 (copy)',
    ]);
  });
});
