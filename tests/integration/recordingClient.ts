import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * A family member's client written against the raw protocol: it syncs and announces itself like
 * the official client, and keeps every byte the server sends (sync step 2, updates, awareness).
 */
export function recordingClient(url: string) {
  const ws = new WebSocket(url);
  ws.on('error', () => {});
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  const received: Buffer[] = [];
  ws.on('open', () => {
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0);
    syncProtocol.writeSyncStep1(step1, doc);
    ws.send(encoding.toUint8Array(step1));
    awareness.setLocalState({ name: 'Alex', role: 'family' });
    const hello = encoding.createEncoder();
    encoding.writeVarUint(hello, 1);
    encoding.writeVarUint8Array(hello, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    ws.send(encoding.toUint8Array(hello));
  });
  ws.on('message', (data: Buffer) => {
    received.push(Buffer.from(data));
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    if (type === 1) {
      awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'server');
    } else if (type === 0) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, 0);
      syncProtocol.readSyncMessage(decoder, reply, doc, 'server');
      if (encoding.length(reply) > 1) ws.send(encoding.toUint8Array(reply));
    }
  });
  return {
    ws,
    doc,
    awareness,
    bytes: () => Buffer.concat(received),
    close: () => {
      awareness.destroy();
      ws.terminate();
    },
  };
}
