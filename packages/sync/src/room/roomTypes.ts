import type { Origin, RoomDocument } from '@kinmap/model';
import type * as Y from 'yjs';
import type { AwarenessRelay } from '../awarenessRelay.js';
import type { TokenBucket } from '../guard/rateLimit.js';
import type {
  ConnectionActor,
  DocStore,
  Logger,
  RoomConnection,
  RoomLimits,
  SocketLike,
} from '../roomContracts.js';
import type { ChangeResult, RoomDoc } from './roomDoc.js';

/**
 * The origin of a transaction that applied a client's update. Its `kind` is the model's
 * `remote`, so `originKind(origin) === 'remote'`; `connectionId` says whose it was.
 */
export interface RemoteOrigin extends Origin {
  readonly kind: 'remote';
  readonly connectionId: string;
}

export const isRemoteOrigin = (value: unknown): value is RemoteOrigin =>
  typeof value === 'object' && value !== null && (value as Partial<RemoteOrigin>).kind === 'remote';

export type RoomState = 'loading' | 'ready' | 'broken' | 'unloaded';

export interface RoomOptions {
  readonly boardId: string;
  readonly store: DocStore;
  readonly limits: RoomLimits;
  readonly logger: Logger;
  readonly now: () => number;
  /** Loading waits for this (the previous room of the same board finishing its unload). */
  readonly after?: Promise<void>;
  /** Check client updates against the permission matrix (default true; see RoomsOptions). */
  readonly checkPermissions?: boolean;
  /** Which of the board's two documents this room holds (default `shared`). */
  readonly document?: RoomDocument;
  /** The restricted room follows the shared board's lock ([AC11]): true while that is locked. */
  readonly boardLocked?: () => boolean;
  /** The last connection left. */
  readonly onEmpty?: () => void;
  /** A client update was refused by the permission check (for the audit: who, which rule). */
  readonly onRefused?: (sender: ConnectionActor, rule: string) => void;
  /** Loading failed: every connection was closed and the room must be forgotten. */
  readonly onBroken?: () => void;
  /**
   * Runs once the board is loaded, before any connection is answered; `change` is RoomDoc.change.
   * If it throws, the room is broken (fail closed: e.g. content that must move out first, [PO2]).
   */
  readonly beforeReady?: (doc: Y.Doc, change: RoomDoc['change']) => Promise<void>;
}

/** One board in memory: its doc, its connections and their presence. */
export interface Room {
  readonly boardId: string;
  readonly doc: Y.Doc;
  readonly state: RoomState;
  /** Resolves true once loaded, false when loading failed. */
  readonly loaded: Promise<boolean>;
  readonly awareness: AwarenessRelay;
  connect(socket: SocketLike, access: ConnectionActor): RoomConnection;
  connectionCount(): number;
  closeAll(code: number, reason: string): void;
  /** Resolves when every update queued so far is stored and applied. */
  drained(): Promise<void>;
  /** A server-side change, once the board is loaded; see RoomDoc.change. */
  change<T>(fn: (doc: Y.Doc) => T): Promise<ChangeResult<T>>;
  /** See RoomDoc.changeUnless. */
  changeUnless<T>(
    unless: (doc: Y.Doc) => boolean,
    fn: (doc: Y.Doc) => T,
  ): Promise<ChangeResult<T | undefined>>;
  /** Waits for queued updates, compacts, and frees the doc; the room is unusable afterwards. */
  unload(): Promise<void>;
}

export interface Peer {
  readonly access: ConnectionActor;
  readonly socket: SocketLike;
  readonly bucket: TokenBucket;
  readonly origin: RemoteOrigin;
  open: boolean;
  /** Has received the current awareness states (after its first sync step 1). */
  greeted: boolean;
  /** An append of this peer's update failed, or one was refused: its later queued updates are discarded. */
  failed: boolean;
  /**
   * [S8] Updates that arrived after our first sync step 1 and before the client's step 2 answered
   * it, held until that answer; null when not holding. See `hold`.
   */
  held: Uint8Array[] | null;
  heldBytes: number;
  /** [L6] Was sent a frame since the last keepalive tick (else it gets one at the next). */
  sentSinceKeepalive: boolean;
}
