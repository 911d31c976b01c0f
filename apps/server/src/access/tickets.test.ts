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

  it('reports full when the outstanding bound is reached', () => {
    const tickets = createTickets({ maxOutstanding: 2 });
    tickets.issue(grant);
    expect(tickets.full()).toBe(false);
    tickets.issue(grant);
    expect(tickets.full()).toBe(true);
  });
});
