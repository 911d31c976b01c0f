import type { Role } from '@kinmap/model';
import { isRole } from '@kinmap/model';
import { type ApiResult, apiRequest, boardUrl, type Fetch, isRecord, readWith } from '../lib/api';

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

function readActor(x: unknown): HistoryEntry['actor'] | undefined {
  if (x === null) return null;
  if (!isRecord(x)) return undefined;
  const name = typeof x.name === 'string' ? x.name : null;
  const role = isRole(x.role) ? x.role : null;
  return { name, role };
}

function readEntry(x: unknown): HistoryEntry | null {
  if (!isRecord(x)) return null;
  const actor = readActor(x.actor);
  if (typeof x.cursor !== 'string' || typeof x.at !== 'number' || typeof x.summary !== 'string') return null;
  if (actor === undefined) return null;
  return { cursor: x.cursor, at: x.at, actor, summary: x.summary };
}

/** Reads the body of `GET /api/boards/:id/audit`; null when its shape is not the route's. */
export function readHistoryPage(body: unknown): HistoryPage | null {
  if (!isRecord(body) || !Array.isArray(body.entries)) return null;
  const entries: HistoryEntry[] = [];
  for (const raw of body.entries) {
    const entry = readEntry(raw);
    if (!entry) return null;
    entries.push(entry);
  }
  const next = typeof body.next === 'string' ? body.next : null;
  return { entries, next };
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
