import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../protocol.js';
import type { TestSocket } from './socketPair.js';

export interface TestClientOptions {
  /** Start from this doc (default: a new empty one). */
  readonly doc?: Y.Doc;
  /**
   * Re-send every awareness change, including other clients' states it just received, as the
   * official `WebsocketProvider` does (default true). False sends only its own.
   */
  readonly echoAwareness?: boolean;
}

/**
 * A client that speaks exactly what y-websocket's `WebsocketProvider` speaks, built from the
 * same pieces (yjs, y-protocols, lib0), over a `TestSocket`: sync step 1 and its own awareness
 * on open, step 2 replies, its updates, awareness changes, answers to query-awareness.
 */
export interface TestClient {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Received the server's sync step 2 on the current connection. */
  readonly synced: boolean;
  readonly socket: TestSocket | null;
  /** Every frame received, oldest first. */
  readonly received: Uint8Array[];
  /** The socket opened: start the handshake. */
  attach(socket: TestSocket): void;
  /** Like `provider.disconnect()`: announce leaving (awareness null), then close. */
  disconnect(): void;
  /** Sends a raw frame (for malformed input tests). */
  send(data: Uint8Array): void;
  destroy(): void;
}

const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

const syncFrame = (write: (encoder: encoding.Encoder) => void): Uint8Array =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.sync);
    write(encoder);
  });

const awarenessFrame = (
  awareness: awarenessProtocol.Awareness,
  ids: number[],
  states?: Map<number, unknown>,
) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.awareness);
    const update =
      states === undefined
        ? awarenessProtocol.encodeAwarenessUpdate(awareness, ids)
        : awarenessProtocol.encodeAwarenessUpdate(
            awareness,
            ids,
            states as Map<number, { [x: string]: unknown }>,
          );
    encoding.writeVarUint8Array(encoder, update);
  });

export function createTestClient(options: TestClientOptions = {}): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const echo = options.echoAwareness ?? true;
  const awareness = new awarenessProtocol.Awareness(doc);
  const received: Uint8Array[] = [];
  let socket: TestSocket | null = null;
  let synced = false;
  // The transaction origin of everything that came from the server (the provider uses itself).
  const self = {};

  const send = (data: Uint8Array): void => {
    if (socket?.isOpen) socket.send(data);
  };

  function onMessage(data: Uint8Array): void {
    received.push(data);
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MessageType.sync);
      const step = syncProtocol.readSyncMessage(decoder, reply, doc, self);
      if (encoding.length(reply) > 1) send(encoding.toUint8Array(reply));
      if (step === syncProtocol.messageYjsSyncStep2) synced = true;
    } else if (type === MessageType.awareness) {
      awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), self);
    } else if (type === MessageType.queryAwareness) {
      send(awarenessFrame(awareness, [...awareness.getStates().keys()]));
    }
  }

  function onClose(): void {
    socket = null;
    synced = false;
    const others = [...awareness.getStates().keys()].filter((id) => id !== doc.clientID);
    awarenessProtocol.removeAwarenessStates(awareness, others, self);
  }

  const onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== self) send(syncFrame((e) => syncProtocol.writeUpdate(e, update)));
  };
  const onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (!echo && origin === self) return;
    send(awarenessFrame(awareness, [...added, ...updated, ...removed]));
  };
  doc.on('update', onDocUpdate);
  awareness.on('update', onAwarenessUpdate);

  return {
    doc,
    awareness,
    received,
    get synced() {
      return synced;
    },
    get socket() {
      return socket;
    },
    attach(next) {
      socket = next;
      synced = false;
      // Like the provider, ignore a replaced socket's late frames.
      next.onmessage = (data) => {
        if (socket === next) onMessage(data);
      };
      next.onclose = () => {
        if (socket === next) onClose();
      };
      send(syncFrame((e) => syncProtocol.writeSyncStep1(e, doc)));
      if (awareness.getLocalState() !== null) send(awarenessFrame(awareness, [doc.clientID]));
    },
    disconnect() {
      const current = socket;
      if (current === null) return;
      send(awarenessFrame(awareness, [doc.clientID], new Map()));
      onClose();
      current.close(1000, 'client left');
    },
    send,
    destroy() {
      doc.off('update', onDocUpdate);
      awareness.off('update', onAwarenessUpdate);
      awareness.destroy();
      if (socket?.isOpen) socket.close(1000, 'client destroyed');
      socket = null;
    },
  };
}
