import type { ChangeActor, ParticipantId, Role } from '@kinmap/model';

/**
 * The smallest socket the room needs. A `ws` WebSocket fits it, and so does an
 * in-memory test pair. `bufferedAmount` lets the room notice a slow consumer.
 */
export interface SocketLike {
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  readonly bufferedAmount?: number;
}

/** The close codes are part of the wire contract (`@kinmap/protocol`); the room closes with them. */
export { CloseCode, type CloseCodeName, type CloseCodeValue } from '@kinmap/protocol';

/** What the server decided about a connection before it reached the room. */
/**
 * A connection's access: the actor the permission guard checks every update against (role and
 * member id, `ChangeActor` from the model), plus what the room itself needs.
 */
export interface ConnectionActor extends ChangeActor {
  /** Opaque id for logs and awareness ownership; unique per connection. */
  readonly connectionId: string;
  /** False for viewers: their document updates are dropped and never stored. */
  readonly canWriteDoc: boolean;
  /**
   * The member behind the connection (their id in the document). Absent for legacy token
   * connections: then the permission checks against one's own id are skipped (docs/SPEC.md).
   */
  readonly participantId?: ParticipantId;
  /** The device session the connection was opened from (the audit's "from which session"). */
  readonly sessionId?: string;
  /** The member's display name, stamped into their presence ([A5]); else the board's participants'. */
  readonly displayName?: string;
}

/**
 * One classified change as the audit keeps it: the change's kind and its ids, categories, modes
 * and values (numbers, booleans, short strings). Never card text, reasons or titles.
 */
export interface AuditChange {
  readonly kind: string;
  readonly [field: string]: string | number | boolean | null | readonly string[];
}

/** Who made a stored update, when and from where (docs/SPEC.md [AU16]). */
export interface UpdateAuthor {
  /** The member id; null for the server's own changes and legacy token connections. */
  readonly participantId: string | null;
  /** The sender's role; null for a change the server made itself (`rooms.change`). */
  readonly role: Role | null;
  readonly sessionId: string | null;
  /** Milliseconds since the epoch, when the update's turn came. */
  readonly at: number;
  /** What the update did (the permission guard's classification); empty when not classified. */
  readonly changes?: readonly AuditChange[];
}

/** Everything stored for one board: a snapshot (if compacted) then the updates after it, in order. */
export interface StoredDoc {
  readonly updates: readonly Uint8Array[];
  /** Sequence number of the last stored update, 0 when empty. */
  readonly lastSeq: number;
}

/**
 * Durable storage of a board's Yjs history. Append-only log plus compaction into a snapshot.
 * Implementations: in-memory (this package) and SQLite (apps/server). A later one may be PostgreSQL.
 */
export interface DocStore {
  /** The stored history of a board (empty when the board has none). */
  load(boardId: string): Promise<StoredDoc>;
  /**
   * Durably appends one update; resolves with its sequence number once stored. With an `author`,
   * a store that keeps the audit (the server's SQLite store) writes its record in the same write,
   * and it outlives compaction; the in-memory store keeps no audit.
   */
  append(boardId: string, update: Uint8Array, author?: UpdateAuthor): Promise<number>;
  /**
   * Atomically replaces every update with seq <= `throughSeq` by `snapshot`
   * (a Yjs update holding the merged state). Updates after `throughSeq` stay.
   */
  compact(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  /** Number of updates stored after the last snapshot. */
  pendingCount(boardId: string): Promise<number>;
  close(): Promise<void>;
}

/** Log events carry ids and sizes only, never card text or names. */
export interface Logger {
  info(event: string, fields?: Record<string, string | number | boolean>): void;
  warn(event: string, fields?: Record<string, string | number | boolean>): void;
  error(event: string, fields?: Record<string, string | number | boolean>): void;
}

export interface RoomLimits {
  /** Largest accepted message, in bytes (default 1 MiB). */
  readonly maxMessageBytes: number;
  /** Token bucket for messages per connection: sustained rate per second and burst. */
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
  /** Least time between two awareness broadcasts of one client, in ms (coalesced: the last state wins). */
  readonly awarenessIntervalMs: number;
  /** Compact the log into a snapshot after this many appended updates. */
  readonly compactEvery: number;
  /**
   * Compact this long after the first stored update that deleted anything (typed text removed, a
   * value overwritten), so deleted words leave the stored log promptly. One compaction per room per
   * period at most; 0: at once.
   */
  readonly compactAfterDeletionMs: number;
  /** Unload a board from memory this long after its last connection leaves. */
  readonly unloadAfterMs: number;
  /** Close a connection whose unsent output exceeds this many bytes (slow consumer). */
  readonly maxBufferedBytes: number;
  /**
   * [L6] A connection that was sent nothing for a whole interval of this many ms gets an empty
   * awareness frame. The official client drops a socket that received nothing for 30 s (a quiet
   * professionals-only room, or someone alone on a board) and reconnects: this keeps every live
   * connection under that (a silent gap is at most two intervals). 0 turns it off.
   */
  readonly keepaliveMs: number;
}

/** One connection inside a room, as seen by the transport. */
export interface RoomConnection {
  /** Feed one binary frame received from the socket. */
  message(data: Uint8Array): void;
  /** The transport closed: forget the connection and remove its awareness. */
  close(): void;
}
