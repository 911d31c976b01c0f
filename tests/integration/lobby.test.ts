import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  boardWithMembers,
  cookieOf,
  Fixture,
  get,
  post,
  refusalStatus,
  syncedByTicket,
  syncUrl,
} from './helpers.js';

/**
 * The wall's join code on the real server (issue 13 item 7; SPEC [AU20]–[AU22]): the code opens a
 * waiting room only; the facilitator admits (a one-person invite) or declines; nobody else may
 * show the code or admit; hostile bodies are 400.
 */

interface Code {
  code: string;
  link: string;
  expiresAt: number;
}

const del = (url: string, cookie: string) =>
  fetch(url, {
    method: 'DELETE',
    headers: { Cookie: cookie, Origin: new URL(url).origin, 'X-Kinmap-CSRF': '1' },
  });

describe('asking to join at the wall', () => {
  const fixture = new Fixture();
  afterEach(() => fixture.cleanup());

  async function showCode(server: { url: string }, boardId: string, cookie: string): Promise<Code> {
    const res = await post(server, `/api/boards/${boardId}/lobby`, {}, cookie);
    expect(res.status).toBe(201);
    const { code } = (await res.json()) as { code: Code };
    return code;
  }

  async function ask(server: { url: string }, code: string, name = 'Nan', about?: string) {
    const res = await post(server, '/api/lobby/ask', { code, name, ...(about ? { about } : {}) });
    return res;
  }

  const status = (server: { url: string }, token: string) => post(server, '/api/lobby/status', { token });

  it('[AU22] an unanswered request gets a token and nothing else: no cookie, no board, no socket', async () => {
    const server = await fixture.start();
    const { boardId, facilitator, viewer } = await boardWithMembers(server, 'Case 8001', ['viewer']);
    const code = await showCode(server, boardId, facilitator.cookie);
    expect(code.link).toBe(`/ask#${code.code}`);
    expect(code.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    // The wall (a viewer) reads the same code to show it [AU21].
    const onWall = await get(server, `/api/boards/${boardId}/lobby/code`, viewer.cookie);
    expect(onWall.status).toBe(200);
    expect(((await onWall.json()) as { code: Code }).code?.code).toBe(code.code);

    // Typed in lower case with a space: still the code.
    const asked = await ask(server, code.code.toLowerCase().replace('-', ' '), 'Nan', 'Grandma');
    expect(asked.status).toBe(201);
    expect(asked.headers.get('set-cookie')).toBeNull();
    const body = (await asked.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'token']);
    const token = String(body.token);
    const waiting = await status(server, token);
    expect(await waiting.json()).toMatchObject({ status: 'waiting', invite: null });

    // Nothing of the board: no route, no ticket, no socket (with or without the token as a cookie).
    for (const cookie of ['', `kinmap_session=${token}`]) {
      expect((await get(server, `/api/boards/${boardId}`, cookie)).status).toBe(401);
      expect((await post(server, `/api/boards/${boardId}/tickets`, {}, cookie)).status).toBe(401);
      const ws = new WebSocket(`${syncUrl(server)}/${boardId}`, {
        headers: { Origin: server.url, ...(cookie ? { Cookie: cookie } : {}) },
      });
      ws.on('error', () => {});
      fixture.track(ws);
      expect(await refusalStatus(ws)).toBeGreaterThanOrEqual(400);
    }
    const bySecretAsTicket = fixture.rawSocket(`${syncUrl(server)}/${boardId}?ticket=${token}`);
    expect(await refusalStatus(bySecretAsTicket)).toBe(403);
    // Nor is the token an invite.
    expect((await post(server, '/api/invites/open', { invite: token, displayName: 'Nan' })).status).toBe(404);

    // The facilitator sees the name (and who they are); the lobby state never leaves the route.
    const listed = await get(server, `/api/boards/${boardId}/lobby`, facilitator.cookie);
    const state = (await listed.json()) as { requests: { id: string; name: string; about: string }[] };
    expect(state.requests.map((r) => [r.name, r.about])).toEqual([['Nan', 'Grandma']]);
  });

  it('[AU20] admitted as family: the device opens its one-person invite and syncs the board', async () => {
    const server = await fixture.start();
    const { boardId, facilitator } = await boardWithMembers(server, 'Case 8002');
    const code = await showCode(server, boardId, facilitator.cookie);
    const { token } = (await (await ask(server, code.code, 'Nan')).json()) as { token: string };
    const [request] = (
      (await (await get(server, `/api/boards/${boardId}/lobby`, facilitator.cookie)).json()) as {
        requests: { id: string }[];
      }
    ).requests;
    const admitted = await post(
      server,
      `/api/boards/${boardId}/lobby/${request?.id}/admit`,
      { role: 'family' },
      facilitator.cookie,
    );
    expect(admitted.status).toBe(204);
    const answer = (await (await status(server, token)).json()) as { status: string; invite: string };
    expect(answer.status).toBe('admitted');
    expect(answer.invite).toMatch(/^\/join#invite=/);
    // The usual redemption path: a new member on a new device session.
    const opened = await post(server, '/api/invites/open', {
      invite: answer.invite.split('#invite=')[1],
      displayName: 'Nan',
    });
    expect(opened.status).toBe(201);
    const member = ((await opened.json()) as { member: { id: string; role: string } }).member;
    expect(member.role).toBe('family');
    const nan = { cookie: cookieOf(opened) };
    const board = await get(server, `/api/boards/${boardId}`, nan.cookie);
    expect(((await board.json()) as { role: string }).role).toBe('family');
    const client = await syncedByTicket(server, boardId, nan);
    expect(client.provider.synced).toBe(true);
    client.provider.destroy();
    // Answered: no longer in the waiting list; a second admit finds nobody.
    const after = (await (await get(server, `/api/boards/${boardId}/lobby`, facilitator.cookie)).json()) as {
      requests: unknown[];
    };
    expect(after.requests).toEqual([]);
    expect(
      (
        await post(
          server,
          `/api/boards/${boardId}/lobby/${request?.id}/admit`,
          { role: 'family' },
          facilitator.cookie,
        )
      ).status,
    ).toBe(404);
    // The invite was for one device: a second one is refused.
    const again = await post(server, '/api/invites/open', {
      invite: answer.invite.split('#invite=')[1],
      displayName: 'Someone else',
    });
    expect(again.status).toBe(410);
    // The audit says who admitted, as what; the name the person gave is in no event's words.
    const audit = await get(server, `/api/boards/${boardId}/audit`, facilitator.cookie);
    const entries = ((await audit.json()) as { entries: { kind: string; summary: string }[] }).entries;
    const admittedEvent = entries.find((e) => e.kind === 'lobby-admitted');
    expect(admittedEvent?.summary).toBe("let someone in from the wall's join code as a family member");
    expect(entries.filter((e) => e.kind.startsWith('lobby-')).some((e) => e.summary.includes('Nan'))).toBe(
      false,
    );
  });

  it('[AU20] declined, or after the code is hidden: refused with a clear answer, nothing granted', async () => {
    const server = await fixture.start();
    const { boardId, facilitator } = await boardWithMembers(server, 'Case 8003');
    const code = await showCode(server, boardId, facilitator.cookie);
    const { token } = (await (await ask(server, code.code, 'Stranger')).json()) as { token: string };
    const { token: second } = (await (await ask(server, code.code, 'Uncle Bo')).json()) as { token: string };
    const state = (await (await get(server, `/api/boards/${boardId}/lobby`, facilitator.cookie)).json()) as {
      requests: { id: string; name: string }[];
    };
    const stranger = state.requests.find((r) => r.name === 'Stranger');
    const declined = await post(
      server,
      `/api/boards/${boardId}/lobby/${stranger?.id}/decline`,
      {},
      facilitator.cookie,
    );
    expect(declined.status).toBe(204);
    expect(await (await status(server, token)).json()).toMatchObject({ status: 'declined', invite: null });
    // A declined request cannot be admitted afterwards.
    expect(
      (
        await post(
          server,
          `/api/boards/${boardId}/lobby/${stranger?.id}/admit`,
          { role: 'family' },
          facilitator.cookie,
        )
      ).status,
    ).toBe(404);

    // Hiding the code: the wall's code is gone and the old code asks nothing any more …
    expect((await del(`${server.url}/api/boards/${boardId}/lobby`, facilitator.cookie)).status).toBe(204);
    const onWall = await get(server, `/api/boards/${boardId}/lobby/code`, facilitator.cookie);
    expect(await onWall.json()).toEqual({ code: null });
    const late = await ask(server, code.code, 'Late');
    expect(late.status).toBe(404);
    // … while someone already waiting still gets an answer.
    expect(await (await status(server, second)).json()).toMatchObject({ status: 'waiting' });
    // A fresh code replaces the old one: the old one stays dead.
    const fresh = await showCode(server, boardId, facilitator.cookie);
    expect(fresh.code).not.toBe(code.code);
    expect((await ask(server, code.code, 'Late')).status).toBe(404);
    // An unknown token is 404.
    expect((await status(server, 'A'.repeat(43))).status).toBe(404);
  });

  it('[AU20] only the facilitator shows the code, lists, admits or declines; never as staff', async () => {
    const server = await fixture.start();
    const { boardId, facilitator, practitioner, family, viewer } = await boardWithMembers(
      server,
      'Case 8004',
      ['practitioner', 'family', 'viewer'],
    );
    const code = await showCode(server, boardId, facilitator.cookie);
    await ask(server, code.code, 'Nan');
    const state = (await (await get(server, `/api/boards/${boardId}/lobby`, facilitator.cookie)).json()) as {
      requests: { id: string }[];
    };
    const id = state.requests[0]?.id;
    for (const who of [practitioner, family, viewer]) {
      expect((await post(server, `/api/boards/${boardId}/lobby`, {}, who.cookie)).status).toBe(403);
      expect((await del(`${server.url}/api/boards/${boardId}/lobby`, who.cookie)).status).toBe(403);
      expect((await get(server, `/api/boards/${boardId}/lobby`, who.cookie)).status).toBe(403);
      expect(
        (await post(server, `/api/boards/${boardId}/lobby/${id}/admit`, { role: 'family' }, who.cookie))
          .status,
      ).toBe(403);
      expect((await post(server, `/api/boards/${boardId}/lobby/${id}/decline`, {}, who.cookie)).status).toBe(
        403,
      );
    }
    // Without a session: 401 everywhere.
    expect((await post(server, `/api/boards/${boardId}/lobby`, {})).status).toBe(401);
    expect((await fetch(`${server.url}/api/boards/${boardId}/lobby/code`)).status).toBe(401);
    // Not even the facilitator admits someone from the wall as staff.
    for (const role of ['facilitator', 'practitioner']) {
      const res = await post(
        server,
        `/api/boards/${boardId}/lobby/${id}/admit`,
        { role },
        facilitator.cookie,
      );
      expect(res.status).toBe(403);
    }
    // Still waiting after all of that.
    const still = (await (await get(server, `/api/boards/${boardId}/lobby`, facilitator.cookie)).json()) as {
      requests: unknown[];
    };
    expect(still.requests).toHaveLength(1);
    // Another board's facilitator cannot answer this board's request.
    const other = await post(server, '/api/boards', { title: 'Other' }, facilitator.cookie);
    const otherId = ((await other.json()) as { id: string }).id;
    expect(
      (await post(server, `/api/boards/${otherId}/lobby/${id}/admit`, { role: 'family' }, facilitator.cookie))
        .status,
    ).toBe(404);
  });

  it('refuses hostile input with 400, and limits asks per address', async () => {
    const server = await fixture.start();
    const { boardId, facilitator } = await boardWithMembers(server, 'Case 8005');
    const code = await showCode(server, boardId, facilitator.cookie);
    const hostile: unknown[] = [
      null,
      [],
      'x',
      {},
      { code: code.code },
      { code: code.code, name: '' },
      { code: code.code, name: '   ' },
      { code: code.code, name: 'n'.repeat(101) },
      { code: code.code, name: 42 },
      { code: code.code, name: { toString: 'x' } },
      { code: code.code, name: '\ud800' },
      { code: code.code, name: 'Nan', about: 'a'.repeat(61) },
      { code: code.code, name: 'Nan', about: ['a'] },
      { code: 'C'.repeat(41), name: 'Nan' },
      { code: 7, name: 'Nan' },
      { code: code.code, name: 'Nan', role: 'facilitator' },
    ];
    for (const body of hostile) {
      const res = await post(server, '/api/lobby/ask', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    for (const body of [{}, { token: 5 }, { token: 't'.repeat(101) }, { token: 'x', extra: 1 }]) {
      expect((await post(server, '/api/lobby/status', body)).status, JSON.stringify(body)).toBe(400);
    }
    const { token: waitingToken } = (await (await ask(server, code.code, 'Nan')).json()) as { token: string };
    const state = (await (await get(server, `/api/boards/${boardId}/lobby`, facilitator.cookie)).json()) as {
      requests: { id: string }[];
    };
    const id = state.requests[0]?.id;
    for (const body of [{}, { role: 'boss' }, { role: 'family', extra: true }, { role: ['family'] }]) {
      const res = await post(server, `/api/boards/${boardId}/lobby/${id}/admit`, body, facilitator.cookie);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    for (const bad of ['a%20b', 'a'.repeat(200), '%00']) {
      const res = await post(server, `/api/boards/${boardId}/lobby/${bad}/decline`, {}, facilitator.cookie);
      expect(res.status).toBe(400);
    }
    // Without the CSRF header an ask is refused (like invite opening, always).
    const noCsrf = await fetch(`${server.url}/api/lobby/ask`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: code.code, name: 'Nan' }),
    });
    expect(noCsrf.status).toBe(403);
    // The per-address limit: 20 attempts per 15 minutes (the 17 hostile asks above counted
    // only if they passed the body check; the valid ask counted), then 429 with Retry-After.
    let answer = 201;
    let tries = 0;
    while (answer !== 429 && tries < 40) {
      answer = (await ask(server, code.code, `P${tries}`)).status;
      tries += 1;
    }
    expect(answer).toBe(429);
    expect(tries).toBeLessThanOrEqual(20);
    // Someone already waiting behind this address still hears their answer …
    expect((await status(server, waitingToken)).status).toBe(200);
    // … but guessing tokens is refused once the address is over its limit.
    expect((await status(server, 'B'.repeat(43))).status).toBe(429);
  });

  it('caps the people waiting per board', async () => {
    const server = await fixture.start({ trustedProxies: ['127.0.0.1'] });
    const { boardId, facilitator } = await boardWithMembers(server, 'Case 8006');
    const code = await showCode(server, boardId, facilitator.cookie);
    const from = (n: number) => ({
      'Content-Type': 'application/json',
      Origin: server.url,
      'X-Kinmap-CSRF': '1',
      'X-Forwarded-For': `10.0.0.${n}`,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await fetch(`${server.url}/api/lobby/ask`, {
        method: 'POST',
        headers: from(i),
        body: JSON.stringify({ code: code.code, name: `P${i}` }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });
});
