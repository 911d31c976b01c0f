import {
  type BoardState,
  contentHash,
  type Repair,
  readBoard,
  readBoardWithRepairs,
  type VersionContent,
} from '@kinmap/model';
import { restrictedRoomId } from '@kinmap/protocol';
import type { ChangeFailure, Logger, Rooms } from '@kinmap/sync';
import * as Y from 'yjs';
import type { StoredVersion } from './versionStore.js';

/** A board's two documents as they stand: their bytes (what a version stores) and their content. */
export interface BoardCapture {
  readonly shared: Uint8Array;
  readonly restricted: Uint8Array;
  readonly content: { readonly shared: BoardState; readonly restricted: BoardState };
  /** SHA-256 (hex) of the content's canonical JSON (model `contentHash`). */
  readonly contentHash: string;
}

export type CaptureResult =
  | { readonly ok: true; readonly value: BoardCapture }
  | { readonly ok: false; readonly reason: ChangeFailure };

/** Where a reading came from, for the log line of its repairs. */
export interface ReadingPlace {
  readonly boardId: string;
  readonly document: 'shared' | 'restricted';
  /** The saved version read, if it was one. */
  readonly versionId?: string;
}

/** How many repairs one log line names; the count is always complete. */
const LOGGED_REPAIRS = 40;

/**
 * Logs what reading a board had to repair (model `readBoardWithRepairs`): record ids, field names
 * and what was done, never content. One line per reading that repaired something.
 */
export function logRepairs(logger: Logger, place: ReadingPlace, repairs: readonly Repair[]): void {
  if (repairs.length === 0) return;
  const named = repairs
    .slice(0, LOGGED_REPAIRS)
    .map((repair) => `${repair.part}/${repair.id ?? '-'}/${repair.field}:${repair.action}`);
  logger.warn('board.read_repaired', {
    boardId: place.boardId,
    document: place.document,
    ...(place.versionId === undefined ? {} : { versionId: place.versionId }),
    count: repairs.length,
    repairs: named.join(' '),
  });
}

/** Reads a live document, logging what had to be repaired to read it. */
export function readLogged(doc: Y.Doc, logger: Logger, place: ReadingPlace): BoardState {
  const { state, repairs } = readBoardWithRepairs(doc);
  logRepairs(logger, place, repairs);
  return state;
}

const captureDoc = (logger: Logger, place: ReadingPlace) => (doc: Y.Doc) => ({
  bytes: Y.encodeStateAsUpdate(doc),
  state: readLogged(doc, logger, place),
});

/**
 * Reads both of a board's documents through the rooms, at their turn (after every update queued
 * before), so a version holds everything stored when it was asked for. The two documents are read
 * one after the other: a change landing between the reads goes into the version only if it
 * touched the restricted one, which is read second.
 * Repairs made to read them are logged (ids and field names).
 * @example const captured = await captureBoard(rooms, boardId, logger)
 */
export async function captureBoard(
  rooms: Pick<Rooms, 'read'>,
  boardId: string,
  logger: Logger,
): Promise<CaptureResult> {
  const shared = await rooms.read(boardId, captureDoc(logger, { boardId, document: 'shared' }));
  if (!shared.ok) return shared;
  const restricted = await rooms.read(
    restrictedRoomId(boardId),
    captureDoc(logger, { boardId, document: 'restricted' }),
  );
  if (!restricted.ok) return restricted;
  const content = { shared: shared.value.state, restricted: restricted.value.state };
  return {
    ok: true,
    value: {
      shared: shared.value.bytes,
      restricted: restricted.value.bytes,
      content,
      contentHash: await contentHash(content),
    },
  };
}

/** Where to log a reading's repairs. */
export interface RepairLog {
  readonly logger: Logger;
  readonly place: ReadingPlace;
}

/** The board a stored document (a Yjs update of its whole state) holds; repairs go to `log` if given. */
export function decodeBoard(update: Uint8Array, log?: RepairLog): BoardState {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    const { state, repairs } = readBoardWithRepairs(doc);
    if (log !== undefined) logRepairs(log.logger, log.place, repairs);
    return state;
  } finally {
    doc.destroy();
  }
}

/** A stored version's content; `restricted` is null when the version has no restricted document. */
export function decodeVersion(version: StoredVersion, logger?: Logger): VersionContent {
  const log = (document: ReadingPlace['document']): RepairLog | undefined =>
    logger === undefined
      ? undefined
      : { logger, place: { boardId: version.meta.boardId, document, versionId: version.meta.id } };
  return {
    shared: decodeBoard(version.shared, log('shared')),
    restricted: version.restricted === null ? null : decodeBoard(version.restricted, log('restricted')),
  };
}

/**
 * [VE14] The cards a version must treat as professionals-only: those in the board's restricted
 * document now, and those ever added to it (`everRestricted`, from the audit) that are not in the
 * shared document now — a card moved there and deleted since stays hidden too; one that staff moved
 * back to the shared document is everyone's again. A room failure is an error (fail closed).
 */
export async function restrictedNow(
  rooms: Pick<Rooms, 'read'>,
  boardId: string,
  everRestricted: ReadonlySet<string> = new Set(),
): Promise<RestrictedIdsResult> {
  const cardIds = (doc: Y.Doc) => new Set(Object.keys(readBoard(doc).cards));
  const restricted = await rooms.read(restrictedRoomId(boardId), cardIds);
  if (!restricted.ok) return restricted;
  if (everRestricted.size === 0) return restricted;
  const shared = await rooms.read(boardId, cardIds);
  if (!shared.ok) return shared;
  const hidden = new Set(restricted.value);
  for (const id of everRestricted) if (!shared.value.has(id)) hidden.add(id);
  return { ok: true, value: hidden };
}

export type RestrictedIdsResult =
  | { readonly ok: true; readonly value: ReadonlySet<string> }
  | { readonly ok: false; readonly reason: ChangeFailure };
