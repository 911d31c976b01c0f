import type { Role } from '@kinmap/model';
import { isRole } from '@kinmap/model';
import { auditPageResponse } from '@kinmap/protocol';
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

export interface HistoryPage {
  readonly entries: readonly HistoryEntry[];
  /** Pass back as `after` to read on; null at the end. */
  readonly next: string | null;
}

/**
 * Reads the body of `GET /api/boards/:id/audit`; null when its shape is not the route's (one odd
 * entry refuses the page rather than showing half of it). A role this app does not know is shown
 * as no role, not as a made-up one.
 */
export function readHistoryPage(body: unknown): HistoryPage | null {
  const page = parsedOrNull(auditPageResponse, body);
  if (page === null) return null;
  const entries = page.entries.map(({ cursor, at, actor, summary }) => ({
    cursor,
    at,
    actor: actor === null ? null : { name: actor.name, role: isRole(actor.role) ? actor.role : null },
    summary,
  }));
  return { entries, next: page.next };
}

/** The audit route's address for one page. */
export function historyUrl(boardId: string, after: string | null, limit: number): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (after) query.set('after', after);
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
): Promise<ApiResult<HistoryPage>> {
  return readWith(await apiRequest(historyUrl(boardId, after, limit), {}, doFetch), readHistoryPage);
}
