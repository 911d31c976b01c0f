import { describe, expect, it } from 'vitest';
import { createTickets } from './tickets.js';

const grant = { boardId: 'b1', memberId: 'm1', role: 'family' as const, sessionId: null };

describe('tickets', () => {
  it('[AU12] redeems a ticket once, for its own board only', () => {
    const tickets = createTickets();
    const { ticket } = tickets.issue(grant);
    expect(tickets.redeem(ticket, 'b1')).toEqual(grant);
    expect(tickets.redeem(ticket, 'b1')).toBeNull();
    const other = tickets.issue(grant).ticket;
    expect(tickets.redeem(other, 'b2')).toBeNull();
    expect(tickets.redeem(other, 'b1')).toBeNull();
  });

  it('[AU12] expires tickets after at most 60 s and sweeps them', () => {
    const clock = { now: 0 };
    const tickets = createTickets({ now: () => clock.now, ttlMs: 120_000 });
    const { ticket, expiresAt } = tickets.issue(grant);
    expect(expiresAt).toBe(60_000);
    clock.now = 60_000;
    expect(tickets.redeem(ticket, 'b1')).toBeNull();
    tickets.issue(grant);
    clock.now = 200_000;
    tickets.issue(grant);
    expect(tickets.size()).toBe(1);
  });

  it('refuses a member over their own bound while others still get tickets, and the server over its pool', () => {
    const clock = { now: 0 };
    const tickets = createTickets({ now: () => clock.now, maxPerMember: 2, maxOutstanding: 3 });
    tickets.issue(grant);
    clock.now = 10_000;
    tickets.issue(grant);
    // The member's oldest ticket expires at 60 s: retry in 60 s from 0... now 10 s later, 50 s.
    expect(tickets.allows('m1')).toEqual({ ok: false, reason: 'member-limit', retryAfterS: 50 });
    expect(tickets.allows('m2')).toEqual({ ok: true });
    tickets.issue({ ...grant, memberId: 'm2' });
    expect(tickets.allows('m3')).toMatchObject({ ok: false, reason: 'server-full' });
    clock.now = 60_000;
    expect(tickets.allows('m1')).toEqual({ ok: true });
  });

  it('a redeemed ticket frees its place in the member’s bound', () => {
    const tickets = createTickets({ maxPerMember: 1 });
    const { ticket } = tickets.issue(grant);
    expect(tickets.allows('m1').ok).toBe(false);
    expect(tickets.redeem(ticket, 'b1')).toEqual(grant);
    expect(tickets.allows('m1').ok).toBe(true);
  });

  it('voids a member’s or a session’s outstanding tickets: they redeem to nothing', () => {
    const tickets = createTickets();
    const a = tickets.issue({ ...grant, sessionId: 's1' }).ticket;
    const b = tickets.issue({ ...grant, sessionId: 's2' }).ticket;
    const c = tickets.issue({ ...grant, memberId: 'm2', sessionId: 's2' }).ticket;
    const d = tickets.issue({ ...grant, memberId: 'm3', sessionId: 's3' }).ticket;
    expect(tickets.voidSession('s2')).toBe(2);
    expect(tickets.redeem(b, 'b1')).toBeNull();
    expect(tickets.redeem(c, 'b1')).toBeNull();
    expect(tickets.voidMember('m1')).toBe(1);
    expect(tickets.redeem(a, 'b1')).toBeNull();
    expect(tickets.redeem(d, 'b1')).toMatchObject({ memberId: 'm3' });
    expect(tickets.size()).toBe(0);
  });
});
