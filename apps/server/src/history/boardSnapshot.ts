import { type BoardState, contentHash, readBoard, type VersionContent } from '@kinmap/model';
import { restrictedRoomId } from '@kinmap/protocol';
import type { ChangeFailure, Rooms } from '@kinmap/sync';
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

const captureDoc = (doc: Y.Doc) => ({ bytes: Y.encodeStateAsUpdate(doc), state: readBoard(doc) });

/**
 * Reads both of a board's documents through the rooms, at their turn (after every update queued
 * before), so a version holds everything stored when it was asked for. The two documents are read
 * one after the other: a change landing between the reads goes into the version only if it
 * touched the restricted one, which is read second.
 * @example const captured = await captureBoard(rooms, boardId)
 */
export async function captureBoard(rooms: Pick<Rooms, 'read'>, boardId: string): Promise<CaptureResult> {
  const shared = await rooms.read(boardId, captureDoc);
  if (!shared.ok) return shared;
  const restricted = await rooms.read(restrictedRoomId(boardId), captureDoc);
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

/** The board a stored document (a Yjs update of its whole state) holds. */
export function decodeBoard(update: Uint8Array): BoardState {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    return readBoard(doc);
  } finally {
    doc.destroy();
  }
}

/** A stored version's content; `restricted` is null when the version has no restricted document. */
export function decodeVersion(version: StoredVersion): VersionContent {
  return {
    shared: decodeBoard(version.shared),
    restricted: version.restricted === null ? null : decodeBoard(version.restricted),
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
