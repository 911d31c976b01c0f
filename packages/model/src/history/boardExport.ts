import type * as Y from 'yjs';
import { ensureStructure, SCHEMA_VERSION } from '../doc/board.js';
import { boardStateSchema, checkBoardState, describeIdKeyedSchemas } from '../doc/boardStateSchema.js';
import { isEmptyDoc, topMap } from '../doc/docMaps.js';
import { ID_PATTERN } from '../doc/ids.js';
import { fail, ok, parseWith } from '../doc/result.js';
import { LIMITS, textOf } from '../doc/schema.js';
import { commit, type OpOptions, resolveOptions } from '../doc/transact.js';
import type { BoardState, Result } from '../doc/types.js';
import { z } from '../doc/zod.js';
import { meetingRecordSchema, versionMetaSchema } from './meetings.js';
import { writeBoardState } from './restoreWrites.js';
import type { MeetingRecord, VersionContent, VersionMeta } from './versionTypes.js';

/**
 * The structured export (docs/EXPORT.md): one board version as JSON, for a council's
 * case-management system and for import into a new board. The format is named and versioned;
 * a reader must refuse a `format` or `formatVersion` it does not know.
 */
export const BOARD_EXPORT_FORMAT = 'kinmap.board-export';
export const BOARD_EXPORT_VERSION = 1;

export interface BoardExport {
  readonly format: typeof BOARD_EXPORT_FORMAT;
  readonly formatVersion: typeof BOARD_EXPORT_VERSION;
  /** When the file was made (ms since 1970, UTC). */
  readonly exportedAt: number;
  readonly board: { readonly id: string; readonly title: string };
  /** The saved version exported, or null for the board as it was at `exportedAt`. */
  readonly version: VersionMeta | null;
  /** The meeting that version closed, if any. */
  readonly meeting: MeetingRecord | null;
  /** The shared document: everything the family sees. */
  readonly shared: BoardState;
  /** The restricted document (professionals-only cards), or null when not included. */
  readonly restricted: BoardState | null;
}

export const boardExportSchema = z.object({
  format: z.literal(BOARD_EXPORT_FORMAT),
  formatVersion: z.literal(BOARD_EXPORT_VERSION),
  exportedAt: z.number(),
  board: z.object({ id: z.string().check(z.regex(ID_PATTERN, 'not an id')), title: textOf(LIMITS.title) }),
  version: z.nullable(versionMetaSchema),
  meeting: z.nullable(meetingRecordSchema),
  shared: boardStateSchema,
  restricted: z.nullable(boardStateSchema),
});

/** The export's JSON Schema (draft 2020-12), served at `/api/schema/board-export-v1.json`. */
export function boardExportJsonSchema(): Record<string, unknown> {
  describeIdKeyedSchemas();
  return z.toJSONSchema(boardExportSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}

/** Assembles an export; `exportedAt` defaults to now. */
export function buildBoardExport(
  parts: Omit<BoardExport, 'format' | 'formatVersion' | 'exportedAt'> & {
    readonly exportedAt?: number;
  },
): BoardExport {
  return {
    format: BOARD_EXPORT_FORMAT,
    formatVersion: BOARD_EXPORT_VERSION,
    exportedAt: parts.exportedAt ?? Date.now(),
    board: parts.board,
    version: parts.version,
    meeting: parts.meeting,
    shared: parts.shared,
    restricted: parts.restricted,
  };
}

/** The restricted document holds cards only, none of them paired. */
function checkRestricted(state: BoardState): Result<BoardState> {
  const extra = (['pairs', 'scales', 'network', 'people', 'rules'] as const).find(
    (part) => Object.keys(state[part]).length > 0,
  );
  if (extra !== undefined) return fail('invalid-input', `restricted.${extra}: must be empty`);
  const { bottomLines, monitoringWho, monitoringHowOften, reviewDate } = state.plan;
  if (bottomLines || monitoringWho || monitoringHowOften || reviewDate !== null) {
    return fail('invalid-input', 'restricted.plan: must be empty');
  }
  return ok(state);
}

/**
 * Validates an export read from a file: the shape, the format and version, and the rules every
 * board obeys (see `checkBoardState`). Failures name the path, never the content.
 * @example parseBoardExport(JSON.parse(text))
 */
export function parseBoardExport(json: unknown): Result<BoardExport> {
  const parsed = parseWith<BoardExport>(boardExportSchema as z.ZodMiniType<BoardExport>, json);
  if (!parsed.ok) return parsed;
  const shared = checkBoardState(parsed.value.shared);
  if (!shared.ok) return fail(shared.reason, `shared.${shared.detail ?? ''}`);
  if (parsed.value.restricted !== null) {
    const restricted = checkBoardState(parsed.value.restricted);
    if (!restricted.ok) return fail(restricted.reason, `restricted.${restricted.detail ?? ''}`);
    const cardsOnly = checkRestricted(parsed.value.restricted);
    if (!cardsOnly.ok) return cardsOnly;
  }
  return parsed;
}

/**
 * JSON with object keys sorted and no white space: the same content always gives the same
 * bytes, so its hash identifies the content. `undefined` members are left out, as JSON does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const members = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${members.join(',')}}`;
}

// The model's tsconfig has neither DOM nor Node types; both runtimes have these on globalThis.
interface WebCrypto {
  readonly subtle: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> };
}
const runtime = globalThis as unknown as {
  crypto?: WebCrypto;
  TextEncoder: new () => { encode(text: string): Uint8Array };
};

/**
 * A board without people (issue 14) hashes as it did before boards had them, so the same content
 * keeps the hash printed on its earlier records.
 */
function hashed(state: BoardState | null): unknown {
  if (state === null || Object.keys(state.people).length > 0) return state;
  const { people: _none, ...rest } = state;
  return rest;
}

/**
 * SHA-256 (lower-case hex) of a version's content: `canonicalJson({ shared, restricted })`
 * as UTF-8. Printed on the record PDF and stored with each version.
 */
export async function contentHash(content: VersionContent): Promise<string> {
  const subtle = runtime.crypto?.subtle;
  if (subtle === undefined) throw new Error('globalThis.crypto.subtle is required');
  const bytes = new runtime.TextEncoder().encode(
    canonicalJson({ shared: hashed(content.shared), restricted: hashed(content.restricted) }),
  );
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Writes an export into two fresh documents (the new board's shared and restricted ones),
 * keeping every id, author and date; one labelled transaction per document. Participants are
 * written too, so authors keep their names. Fails with `invalid-input` if a document is not
 * empty. Returns how many cards were written.
 * @example importBoard(shared, restricted, exported, { now: Date.now() })
 */
export function importBoard(
  shared: Y.Doc,
  restricted: Y.Doc,
  exported: BoardExport,
  opts?: OpOptions,
): Result<{ cards: number }> {
  const checked = parseBoardExport(exported);
  if (!checked.ok) return checked;
  if (!isEmptyDoc(shared) || !isEmptyDoc(restricted)) {
    return fail('invalid-input', 'import needs two empty documents');
  }
  const options = resolveOptions(opts);
  if (!options.ok) return options;
  const { now, origin } = options.value;
  const board = checked.value;
  commit(shared, origin, () => {
    writeFreshMeta(shared, board.shared.meta.title, board.shared.meta.createdAt);
    ensureStructure(shared);
    writeBoardState(shared, board.shared, now, { keepUpdatedAt: true });
    const participants = topMap(shared, 'participants');
    for (const person of Object.values(board.shared.participants)) participants.set(person.id, { ...person });
  });
  const restrictedState = board.restricted;
  commit(restricted, origin, () => {
    writeFreshMeta(restricted, '', board.shared.meta.createdAt);
    if (restrictedState !== null) writeBoardState(restricted, restrictedState, now, { keepUpdatedAt: true });
  });
  const cards = Object.keys(board.shared.cards).length + Object.keys(restrictedState?.cards ?? {}).length;
  return ok({ cards });
}

function writeFreshMeta(doc: Y.Doc, title: string, createdAt: number): void {
  const meta = topMap(doc, 'meta');
  meta.set('title', title);
  meta.set('createdAt', createdAt);
  meta.set('schemaVersion', SCHEMA_VERSION);
}
