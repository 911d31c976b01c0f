import type { Role } from '@kinmap/model';
import { isRole } from '@kinmap/model';
import { AUDIT_KINDS, type AuditKind, auditPageResponse } from '@kinmap/protocol';
import { type ApiResult, apiRequest, boardUrl, type Fetch, parsedOrNull, readWith } from '../lib/api';

/** One line of a board's history as the audit route gives it (docs/PROTOCOL.md "Audit"). */
export interface HistoryEntry {
  readonly cursor: string;
  readonly at: number;
  /** Who did it; null for the server's own changes (the reveal, writing people's names). */
  readonly actor: { readonly name: string | null; readonly role: Role | null } | null;
  /** Plain words from the server, e.g. "added a card to Harm" (never a card's text). */
  readonly summary: string;
}

/** Someone the person filter offers: the board's members, removed ones included. */
export interface HistoryPerson {
  readonly memberId: string;
  readonly name: string;
  readonly role: Role | null;
}

export interface HistoryPage {
  readonly entries: readonly HistoryEntry[];
  /** Pass back as `after` to read on; null at the end. */
  readonly next: string | null;
  readonly people: readonly HistoryPerson[];
}

/** What the history shows: one person, one kind, days from … to (each null: no limit). */
export interface HistoryFilter {
  readonly member: string | null;
  readonly kind: AuditKind | null;
  /** Calendar days as a date field gives them (`YYYY-MM-DD`), both included, in this browser's time zone. */
  readonly from: string | null;
  readonly to: string | null;
}

export const NO_FILTER: HistoryFilter = { member: null, kind: null, from: null, to: null };

/** The kinds the filter offers, in the route's order. */
export const HISTORY_KINDS: readonly AuditKind[] = AUDIT_KINDS;

export function isHistoryKind(value: string): value is AuditKind {
  return (AUDIT_KINDS as readonly string[]).includes(value);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight at the start of a `YYYY-MM-DD` day (`days` later), or null for anything else. */
export function startOfDay(day: string | null, days = 0): number | null {
  const match = DAY.exec(day ?? '');
  if (!match) return null;
  const at = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).getTime();
  return Number.isFinite(at) && at >= 0 ? at : null;
}

/**
 * Reads the body of `GET /api/boards/:id/audit`; null when its shape is not the route's (one odd
 * entry refuses the page rather than showing half of it). A role this app does not know is shown
 * as no role, not as a made-up one.
 */
export function readHistoryPage(body: unknown): HistoryPage | null {
  const page = parsedOrNull(auditPageResponse, body);
  if (page === null) return null;
  const people = (page.people ?? []).map(({ memberId, name, role }) => ({
    memberId,
    name,
    role: isRole(role) ? role : null,
  }));
  const entries = page.entries.map(({ cursor, at, actor, summary }) => ({
    cursor,
    at,
    actor: actor === null ? null : { name: actor.name, role: isRole(actor.role) ? actor.role : null },
    summary,
  }));
  return { entries, next: page.next, people };
}

/** The audit route's address for one page; the `to` day is included (up to the next midnight). */
export function historyUrl(
  boardId: string,
  after: string | null,
  limit: number,
  filter: HistoryFilter = NO_FILTER,
): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (after) query.set('after', after);
  if (filter.member) query.set('member', filter.member);
  if (filter.kind) query.set('kind', filter.kind);
  const from = startOfDay(filter.from);
  const to = startOfDay(filter.to, 1);
  if (from !== null) query.set('from', String(from));
  if (to !== null && (from === null || to > from)) query.set('to', String(to));
  return `${boardUrl(boardId)}/audit?${query.toString()}`;
}

/** Where the exports are downloaded from (the server records each download). */
export function exportUrl(boardId: string, format: 'csv' | 'json'): string {
  return `${boardUrl(boardId)}/audit.${format}`;
}

export async function fetchHistoryPage(
  boardId: string,
  after: string | null,
  limit = 200,
  doFetch: Fetch = fetch,
  filter: HistoryFilter = NO_FILTER,
): Promise<ApiResult<HistoryPage>> {
  return readWith(await apiRequest(historyUrl(boardId, after, limit, filter), {}, doFetch), readHistoryPage);
}
