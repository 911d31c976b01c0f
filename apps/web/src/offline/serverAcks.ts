import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { PendingChanges } from './pendingChanges';

/** y-websocket's message type for sync frames (step 1, step 2, update). */
const MESSAGE_SYNC = 0;

/** What one sync frame from the server says about the server's document. */
export type ServerSyncFrame =
  /** Sync step 1: the server's state vector ("what I have"). */
  | { readonly kind: 'state'; readonly stateVector: Map<number, number> }
  /** Sync step 2: what we lack, with the server's whole delete set. */
  | { readonly kind: 'diff'; readonly update: Uint8Array }
  | { readonly kind: 'other' };

/** Reads a sync frame's body (the message type already read) from a copy of the decoder. */
export function peekServerSync(decoder: decoding.Decoder): ServerSyncFrame {
  try {
    const copy = decoding.clone(decoder);
    const type = decoding.readVarUint(copy);
    if (type === syncProtocol.messageYjsSyncStep1) {
      return { kind: 'state', stateVector: Y.decodeStateVector(decoding.readVarUint8Array(copy)) };
    }
    if (type === syncProtocol.messageYjsSyncStep2) {
      return { kind: 'diff', update: decoding.readVarUint8Array(copy) };
    }
  } catch {
    // Malformed: the official client's own handler will meet it; there is nothing to learn here.
  }
  return { kind: 'other' };
}

/**
 * Pairs the server's answer to our sync step 1 into a snapshot of its stored document. The room
 * (packages/sync room.ts `answerSyncStep1`) sends step 2 and then, to a writer, its own step 1,
 * back to back from the same state: the step 2 carries the server's delete set, the step 1 its
 * state vector. A step 1 without a step 2 just before it proves nothing and is ignored.
 */
export function createSnapshotReader(): { read(frame: ServerSyncFrame): Y.Snapshot | null } {
  let deleteSet: Y.Snapshot['ds'] | null = null;
  return {
    read(frame) {
      if (frame.kind === 'diff') {
        try {
          deleteSet = Y.decodeUpdate(frame.update).ds;
        } catch {
          deleteSet = null;
        }
        return null;
      }
      const ds = deleteSet;
      deleteSet = null;
      return frame.kind === 'state' && ds !== null ? Y.createSnapshot(ds, frame.stateVector) : null;
    },
  };
}

export interface AcknowledgementOptions {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly pending: PendingChanges;
  /** Whether a doc update is this person's own change (not the server's, not the local copy's). */
  readonly isLocal: (origin: unknown) => boolean;
  /** A change was recorded as unsaved. */
  readonly onRecorded: (update: Uint8Array) => void;
  /** The server confirmed these changes: they are saved. */
  readonly onConfirmed: (updates: readonly Uint8Array[]) => void;
}

/** After a change, the first question to the server; later ones while changes stay unsaved. */
const FIRST_PROBE_MS = 300;
const REPEAT_PROBE_MS = 1500;
/** A change the server keeps not storing (it never answers for it) is asked about less and less. */
const MAX_PROBE_MS = 30_000;

/**
 * Counts this person's unsaved changes and learns which the server has stored: while some are
 * unsaved and the link is up, it sends a sync step 1 now and then (a standard message: the room
 * answers it with step 2 and its own step 1, see {@link createSnapshotReader}) and confirms the
 * changes that snapshot contains. The server's step 1 also makes the official client answer with
 * whatever the server lacks, so an unsaved change is sent again on every probe.
 */
export function trackAcknowledgements({
  doc,
  provider,
  pending,
  isLocal,
  onRecorded,
  onConfirmed,
}: AcknowledgementOptions): { stop(): void } {
  const reader = createSnapshotReader();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let repeatMs = REPEAT_PROBE_MS;

  const linkUp = () => provider.wsconnected && provider.synced && provider.ws?.readyState === 1;
  const probe = () => {
    timer = null;
    if (stopped || pending.count === 0 || !linkUp()) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, doc);
    provider.ws?.send(encoding.toUint8Array(encoder));
  };
  const scheduleProbe = (ms: number) => {
    if (timer === null && !stopped && pending.count > 0) timer = setTimeout(probe, ms);
  };

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (!isLocal(origin)) return;
    pending.record(update);
    onRecorded(update);
    repeatMs = REPEAT_PROBE_MS;
    scheduleProbe(FIRST_PROBE_MS);
  };
  const onSync = (synced: boolean) => {
    if (synced) scheduleProbe(FIRST_PROBE_MS);
  };
  const officialHandler = provider.messageHandlers[MESSAGE_SYNC];
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, messageType) => {
    // Decoding the server's delete set costs a little: only while something waits for it.
    const frame = pending.count > 0 ? peekServerSync(decoder) : ({ kind: 'other' } as const);
    officialHandler?.(encoder, decoder, p, emitSynced, messageType);
    const snapshot = reader.read(frame);
    if (snapshot === null || stopped) return;
    const saved = pending.confirm(snapshot);
    if (saved.length > 0) {
      onConfirmed(saved);
      repeatMs = REPEAT_PROBE_MS;
    }
    scheduleProbe(repeatMs);
    repeatMs = Math.min(repeatMs * 2, MAX_PROBE_MS);
  };
  doc.on('update', onUpdate);
  provider.on('sync', onSync);
  return {
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      doc.off('update', onUpdate);
      provider.off('sync', onSync);
      if (officialHandler) provider.messageHandlers[MESSAGE_SYNC] = officialHandler;
    },
  };
}
