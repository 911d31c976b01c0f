import { performance } from 'node:perf_hooks';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** y-websocket message types (the same numbers as the official provider). */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

export interface WireClientOptions {
  readonly url: string;
  /** Apply incoming document updates to a real Y.Doc (false: count frames only, for passive crowd clients). */
  readonly applyDoc: boolean;
  readonly onUpdateApplied?: (doc: Y.Doc) => void;
  readonly onAwareness?: (awareness: awarenessProtocol.Awareness, changed: readonly number[]) => void;
}

/**
 * A load client built from the official pieces (yjs, y-protocols, lib0) that speaks exactly
 * what `WebsocketProvider` speaks: sync step 1 on open, step 2 replies, updates, awareness.
 * Lighter than the provider (no reconnect, no BroadcastChannel), so one process can hold 1,000 of them.
 */
export class WireClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly socket: WebSocket;
  framesReceived = 0;
  updatesReceived = 0;
  synced = false;
  /** performance.now() when the server's sync step 2 frame arrived, before it was applied. */
  stateArrivedAt = Number.NaN;
  private readonly syncWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];

  constructor(private readonly options: WireClientOptions) {
    this.socket = new WebSocket(options.url, { perMessageDeflate: false });
    this.socket.binaryType = 'nodebuffer';
    this.socket.on('open', () => this.onOpen());
    this.socket.on('message', (data: Buffer) => this.onMessage(new Uint8Array(data)));
    this.socket.on('error', () => {});
    this.socket.on('close', (code: number) => {
      // A bench run must fail loudly, never hang waiting for a client that is gone.
      for (const waiter of this.syncWaiters.splice(0))
        waiter.reject(new Error(`socket closed (${code}) before sync`));
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.sendSync((e) => syncProtocol.writeUpdate(e, update));
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      if (origin === this) return;
      const changed = [...added, ...updated, ...removed];
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(enc, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      this.sendRaw(encoding.toUint8Array(enc));
    });
  }

  /** Resolves once the server's sync step 2 has been applied. */
  whenSynced(): Promise<void> {
    if (this.synced) return Promise.resolve();
    return new Promise((resolve, reject) => this.syncWaiters.push({ resolve, reject }));
  }

  close(): void {
    this.awareness.destroy();
    this.socket.terminate();
    this.doc.destroy();
  }

  private onOpen(): void {
    this.sendSync((e) => syncProtocol.writeSyncStep1(e, this.doc));
    if (this.awareness.getLocalState() !== null) {
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(
        enc,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
      );
      this.sendRaw(encoding.toUint8Array(enc));
    }
  }

  private onMessage(data: Uint8Array): void {
    this.framesReceived++;
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) this.onSyncMessage(decoder);
    else if (type === MESSAGE_AWARENESS) {
      const update = decoding.readVarUint8Array(decoder);
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, this);
    }
  }

  private onSyncMessage(decoder: decoding.Decoder): void {
    const syncType = decoding.peekVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep2 && !this.synced)
      this.stateArrivedAt = performance.now();
    if (syncType === syncProtocol.messageYjsUpdate) this.updatesReceived++;
    if (!this.options.applyDoc && syncType === syncProtocol.messageYjsUpdate) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MESSAGE_SYNC);
    const kind = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
    if (encoding.length(reply) > 1) this.sendRaw(encoding.toUint8Array(reply));
    if (kind !== syncProtocol.messageYjsSyncStep1) this.options.onUpdateApplied?.(this.doc);
    if (kind === syncProtocol.messageYjsSyncStep2 && !this.synced) {
      this.synced = true;
      for (const waiter of this.syncWaiters.splice(0)) waiter.resolve();
    }
  }

  private sendSync(write: (e: encoding.Encoder) => void): void {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    write(enc);
    this.sendRaw(encoding.toUint8Array(enc));
  }

  private sendRaw(data: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(data);
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
