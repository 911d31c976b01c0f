import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  boardWithMembers,
  closeEvent,
  Fixture,
  opened,
  post,
  refusalStatus,
  syncUrl,
  ticketFor,
} from './helpers.js';

// Issue 12: one member must not drain the server's tickets or sockets, and a ticket dies with the
// session or membership it was issued to.
describe('per-member bounds and voided tickets (real server, real sockets)', () => {
  let fixture: Fixture;
  beforeEach(() => {
    fixture = new Fixture();
  });
  afterEach(() => fixture.cleanup());

  const ticketStatus = async (server: { url: string }, boardId: string, cookie: string) =>
    (await post(server, `/api/boards/${boardId}/tickets`, {}, cookie)).status;

  it('[AU12] one member asking for tickets in a loop is refused with 429 once over their bound; another member still gets one', async () => {
    const server = await fixture.start();
    const { boardId, family, facilitator } = await boardWithMembers(server, 'Case', ['family']);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push(await ticketStatus(server, boardId, family.cookie));
    // 32 outstanding per member by default (twice the 16 sockets a member may hold).
    expect(statuses.filter((status) => status === 201)).toHaveLength(32);
    const refused = await post(server, `/api/boards/${boardId}/tickets`, {}, family.cookie);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate-limited');
    expect(await ticketStatus(server, boardId, facilitator.cookie)).toBe(201);
  });

  it('[AU3] a ticket issued before logout opens no socket after it', async () => {
    const server = await fixture.start();
    const { boardId, facilitator, family } = await boardWithMembers(server, 'Case', ['family']);
    const staffTicket = await ticketFor(server, boardId, facilitator);
    const guestTicket = await ticketFor(server, boardId, family);
    expect((await post(server, '/api/logout', {}, facilitator.cookie)).status).toBe(204);
    expect((await post(server, '/api/logout', {}, family.cookie)).status).toBe(204);
    for (const ticket of [staffTicket, guestTicket]) {
      const ws = fixture.rawSocket(`${syncUrl(server)}/${boardId}?ticket=${ticket}`);
      expect(await refusalStatus(ws)).toBe(403);
    }
  });

  it('[AU11] revoking a member voids their outstanding tickets', async () => {
    const server = await fixture.start();
    const { boardId, facilitator, family } = await boardWithMembers(server, 'Case', ['family']);
    const ticket = await ticketFor(server, boardId, family);
    const revoked = await fetch(`${server.url}/api/boards/${boardId}/members/${family.memberId}`, {
      method: 'DELETE',
      headers: { Cookie: facilitator.cookie, Origin: server.url, 'X-Kinmap-CSRF': '1' },
    });
    expect(revoked.status).toBe(204);
    const ws = fixture.rawSocket(`${syncUrl(server)}/${boardId}?ticket=${ticket}`);
    expect(await refusalStatus(ws)).toBe(403);
  });

  it('caps the open sockets of one member: the next upgrade is 429 too-many-connections; others connect; closing one frees a place', async () => {
    const server = await fixture.start({ memberLimits: { socketsPerMember: 3, ticketsPerMember: 6 } });
    const { boardId, family, facilitator } = await boardWithMembers(server, 'Case', ['family']);
    const connect = async (cookie: string) =>
      fixture.rawSocket(
        `${syncUrl(server)}/${boardId}?ticket=${await ticketFor(server, boardId, { cookie })}`,
      );
    const held: WebSocket[] = [];
    for (let i = 0; i < 3; i++) {
      const ws = await connect(family.cookie);
      await opened(ws);
      held.push(ws);
    }
    const fourth = await connect(family.cookie);
    const refusal = new Promise<{ status: number; body: string }>((resolve) => {
      fourth.on('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
    });
    const { status, body } = await refusal;
    expect(status).toBe(429);
    expect(JSON.parse(body).error.code).toBe('too-many-connections');
    const other = await connect(facilitator.cookie);
    await opened(other);
    const first = held[0] as WebSocket;
    const gone = closeEvent(first);
    first.close();
    await gone;
    // The server may see the close a moment after the client: try until the freed place is taken.
    let again: WebSocket | null = null;
    for (let attempt = 0; attempt < 50 && again === null; attempt++) {
      const candidate = await connect(family.cookie);
      const accepted = await new Promise<boolean>((resolve) => {
        candidate.once('open', () => resolve(true));
        candidate.once('unexpected-response', (_request, response) => {
          response.resume();
          resolve(false);
        });
      });
      if (accepted) again = candidate;
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(again?.readyState).toBe(WebSocket.OPEN);
  });
});
