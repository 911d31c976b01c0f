import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** The y-websocket message types (first varUint of every frame). 2 (auth) is never accepted. */
export const MessageType = { sync: 0, awareness: 1, queryAwareness: 3 } as const;
/** The y-protocols sync sub-types (second varUint of a sync frame). */
export const SyncStep = { step1: 0, step2: 1, update: 2 } as const;

/** One frame from a client, decoded but not yet trusted. */
export type ClientMessage =
  | { readonly type: 'syncStep1'; readonly stateVector: Uint8Array }
  | { readonly type: 'syncStep2' | 'update'; readonly update: Uint8Array }
  | { readonly type: 'awareness'; readonly entries: readonly AwarenessEntry[] }
  | { readonly type: 'queryAwareness' };

/** The longest awareness state accepted (JSON characters): 256 Ki. */
export const MAX_AWARENESS_STATE_CHARS = 256 * 1024;

/** One client's entry in an awareness update; `state` null means the client left. */
export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  readonly state: object | null;
}

export type Decoded<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/**
 * Decodes one y-websocket frame. Any truncation, trailing byte, unknown type or non-JSON
 * awareness state is a failure value with a short reason (safe to send as a close reason).
 */
export function decodeClientMessage(data: Uint8Array): Decoded<ClientMessage> {
  try {
    const decoder = decoding.createDecoder(data);
    const message = readClientMessage(decoder);
    if (message.ok && decoding.hasContent(decoder)) return fail('trailing bytes after message');
    return message;
  } catch {
    return fail('malformed message');
  }
}

function readClientMessage(decoder: decoding.Decoder): Decoded<ClientMessage> {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync:
      return readSyncMessage(decoder);
    case MessageType.awareness: {
      const entries = decodeAwarenessUpdate(decoding.readVarUint8Array(decoder));
      return entries.ok ? { ok: true, value: { type: 'awareness', entries: entries.value } } : entries;
    }
    case MessageType.queryAwareness:
      return { ok: true, value: { type: 'queryAwareness' } };
    default:
      return fail(`unknown message type ${type}`);
  }
}

function readSyncMessage(decoder: decoding.Decoder): Decoded<ClientMessage> {
  const step = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  switch (step) {
    case SyncStep.step1:
      Y.decodeStateVector(payload); // throws on a malformed state vector
      return { ok: true, value: { type: 'syncStep1', stateVector: payload } };
    case SyncStep.step2:
      return { ok: true, value: { type: 'syncStep2', update: payload } };
    case SyncStep.update:
      return { ok: true, value: { type: 'update', update: payload } };
    default:
      return fail(`unknown sync step ${step}`);
  }
}

/** The entries of a y-protocols awareness update; states must be JSON objects or null. */
export function decodeAwarenessUpdate(update: Uint8Array): Decoded<AwarenessEntry[]> {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      // One person's presence is a few hundred bytes; the bound keeps a room's memory per id small.
      if (json.length > MAX_AWARENESS_STATE_CHARS) return fail('awareness state too large');
      const state: unknown = JSON.parse(json);
      if (typeof state !== 'object' || Array.isArray(state)) return fail('awareness state is not an object');
      entries.push({ clientId, clock, state });
    }
    if (decoding.hasContent(decoder)) return fail('trailing bytes after awareness update');
    return { ok: true, value: entries };
  } catch {
    return fail('malformed awareness update');
  }
}

/** The inverse of `decodeAwarenessUpdate`, byte-compatible with y-protocols' `encodeAwarenessUpdate`. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

function encodeSync(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array =>
  encodeSync(SyncStep.step1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array => encodeSync(SyncStep.step2, update);
export const encodeUpdate = (update: Uint8Array): Uint8Array => encodeSync(SyncStep.update, update);

/** A full awareness frame (message type 1) around an awareness update. */
export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeQueryAwareness(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.queryAwareness);
  return encoding.toUint8Array(encoder);
}

/** Structural validity of a Yjs (v1) update: it must decode completely. */
export function decodeDocUpdate(update: Uint8Array): Decoded<ReturnType<typeof Y.decodeUpdate>> {
  try {
    return { ok: true, value: Y.decodeUpdate(update) };
  } catch {
    return fail('malformed document update');
  }
}

/**
 * True when applying `update` could change `doc`: it has a struct beyond the doc's state, or a
 * deletion the doc has not seen. A reconnecting client's step 2 repeats its whole delete set;
 * storing that again on every connect would only grow the log.
 * `snapshot` is lazy because building it walks the whole doc; pass null to skip the deletion
 * check (a live update's deletions are new, and a backspace must not cost a walk of the board).
 */
export function carriesNewContent(
  doc: Y.Doc,
  decoded: ReturnType<typeof Y.decodeUpdate>,
  update: Uint8Array,
  snapshot: (() => Y.Snapshot) | null,
): boolean {
  for (const struct of decoded.structs) {
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true;
  }
  if (decoded.ds.clients.size === 0) return false;
  return snapshot === null || !Y.snapshotContainsUpdate(snapshot(), update);
}

/**
 * [L6] An awareness frame with no entries: the official client counts it as a message received
 * (so it keeps the socket) and changes nothing.
 */
export function encodeKeepalive(): Uint8Array {
  return encodeAwarenessMessage(new Uint8Array([0]));
}
