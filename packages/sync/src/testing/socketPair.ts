import type { SocketLike } from '../roomContracts.js';

export interface CloseInfo {
  readonly code: number;
  readonly reason: string;
}

/** One end of an in-memory socket pair. It fits `SocketLike`, so a room can hold it. */
export interface TestSocket extends SocketLike {
  /** Bytes sent from this end that `flush()` has not delivered yet. */
  readonly bufferedAmount: number;
  /** Called with each frame delivered to this end. */
  onmessage: ((data: Uint8Array) => void) | null;
  /** Called once, when the close handshake is delivered (whichever end started it). */
  onclose: ((info: CloseInfo) => void) | null;
  /** True until this end calls `close()` or receives a close. */
  readonly isOpen: boolean;
  /** The close that ended this socket, once delivered. */
  readonly closed: CloseInfo | null;
}

export type SocketEnd = 'server' | 'client';

export interface SocketPair {
  readonly server: TestSocket;
  readonly client: TestSocket;
  /** Delivers queued frames both ways, over and over until nothing is queued; returns how many. */
  flush(): number;
  /** Delivers up to `limit` frames sent by one end, in order (for reordering across pairs). */
  flushFrom(end: SocketEnd, limit?: number): number;
  /** Frames queued in both directions. */
  pending(): number;
}

type Frame =
  | { readonly kind: 'message'; readonly data: Uint8Array }
  | ({ readonly kind: 'close' } & CloseInfo);

interface End extends TestSocket {
  readonly outbox: Frame[];
  open: boolean;
  buffered: number;
  closedWith: CloseInfo | null;
}

function createEnd(): End {
  const end: End = {
    outbox: [],
    open: true,
    buffered: 0,
    closedWith: null,
    onmessage: null,
    onclose: null,
    get bufferedAmount() {
      return end.buffered;
    },
    get isOpen() {
      return end.open;
    },
    get closed() {
      return end.closedWith;
    },
    send(data) {
      if (!end.open) return; // like a WebSocket that is closing: the frame is discarded
      end.outbox.push({ kind: 'message', data: data.slice() });
      end.buffered += data.byteLength;
    },
    close(code = 1000, reason = '') {
      if (!end.open) return;
      end.open = false;
      end.outbox.push({ kind: 'close', code, reason });
    },
  };
  return end;
}

/**
 * Two connected in-memory sockets that deliver nothing until `flush()`: sync tests decide
 * exactly when bytes move, with no ports and no timing. Frames are copied on send.
 * @example
 * const pair = createSocketPair();
 * const connection = rooms.connect(boardId, pair.server, access);
 * pair.server.onmessage = connection.message;
 * pair.server.onclose = connection.close;
 * pair.client.send(frame);
 * pair.flush();
 */
export function createSocketPair(): SocketPair {
  const server = createEnd();
  const client = createEnd();

  function deliver(from: End, to: End, limit: number): number {
    let delivered = 0;
    while (delivered < limit) {
      const frame = from.outbox.shift();
      if (frame === undefined) break;
      delivered += 1;
      if (frame.kind === 'message') {
        from.buffered -= frame.data.byteLength;
        if (to.closedWith === null) to.onmessage?.(frame.data);
        continue;
      }
      finishClose(from, to, frame);
      break;
    }
    return delivered;
  }

  function finishClose(from: End, to: End, info: CloseInfo): void {
    for (const end of [from, to]) {
      end.open = false;
      end.closedWith = { code: info.code, reason: info.reason };
      end.outbox.length = 0;
      end.buffered = 0;
    }
    to.onclose?.(info);
    from.onclose?.(info);
  }

  const flushFrom = (end: SocketEnd, limit = Number.POSITIVE_INFINITY): number =>
    end === 'server' ? deliver(server, client, limit) : deliver(client, server, limit);

  return {
    server,
    client,
    flushFrom,
    flush() {
      let total = 0;
      for (let round = 0; round < 100_000; round++) {
        const delivered = flushFrom('client') + flushFrom('server');
        if (delivered === 0) return total;
        total += delivered;
      }
      throw new Error('socket pair never went quiet');
    },
    pending: () => server.outbox.length + client.outbox.length,
  };
}
