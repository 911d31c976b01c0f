import { isFinalCloseCode } from '@kinmap/protocol';
import type { WebsocketProvider } from 'y-websocket';
import { type BackoffOptions, backoffDelay, RECONNECT_BACKOFF } from './backoff';

/** What the reconnector tells its owner after a failed or lost connection. */
export interface AttemptFailure {
  /** Failed attempts since the last good connection, this one included. */
  readonly attempt: number;
  /** Whether the socket had opened (a lost link) or never did (offline, refused upgrade…). */
  readonly opened: boolean;
  readonly delayMs: number;
}

export interface ReconnectorOptions {
  /** Opens a connection now (`provider.connect()`). */
  readonly connect: () => void;
  /** Closes the current socket, if any: the device went offline, so it is dead anyway. */
  readonly closeSocket: () => void;
  /** Whether the browser thinks it has a network at all (`navigator.onLine`). */
  readonly isOnline?: () => boolean;
  readonly random?: () => number;
  readonly backoff?: BackoffOptions;
  readonly onAttemptFailed?: (failure: AttemptFailure) => void;
  /** The browser says the network is back (before the reconnection). */
  readonly onOnline?: () => void;
}

export interface Reconnector {
  /** The first connection. */
  start(): void;
  /**
   * A socket closed. `code` is the server's close code, or null when the close was ours; a 44xx
   * code is final (access ended, refused change): the owner handles it, no retry is made here.
   */
  connectionClosed(code: number | null, opened: boolean): void;
  /** A connection synced: the next failure starts the schedule again from the shortest wait. */
  synced(): void;
  online(): void;
  offline(): void;
  stop(): void;
}

/**
 * Decides when to reconnect, with jittered exponential backoff ({@link backoffDelay}); the
 * official client's own schedule has no jitter, so its timer is neutralised by the owner (see
 * {@link driveReconnection}). While the browser says it is offline no attempt is made; when it says
 * the network is back, the next attempt comes at once (within the first, shortest window).
 */
export function createReconnector({
  connect,
  closeSocket,
  isOnline = () => true,
  random = Math.random,
  backoff = RECONNECT_BACKOFF,
  onAttemptFailed,
  onOnline,
}: ReconnectorOptions): Reconnector {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const schedule = (delayMs: number) => {
    clear();
    timer = setTimeout(() => {
      timer = null;
      if (stopped) return;
      if (isOnline()) connect();
      // Offline: count it as a failed attempt and wait longer; the 'online' event usually comes first.
      else schedule(backoffDelay(attempt++, random, backoff));
    }, delayMs);
  };

  return {
    start() {
      if (!stopped) connect();
    },
    connectionClosed(code, opened) {
      if (stopped || isFinalCloseCode(code)) return;
      const delayMs = backoffDelay(attempt, random, backoff);
      attempt += 1;
      onAttemptFailed?.({ attempt, opened, delayMs });
      schedule(delayMs);
    },
    synced() {
      attempt = 0;
    },
    online() {
      if (stopped) return;
      attempt = 0;
      onOnline?.();
      // Only when waiting: a connection that is up or being opened is left alone.
      if (timer !== null) schedule(backoffDelay(0, random, backoff));
    },
    offline() {
      if (!stopped) closeSocket();
    },
    stop() {
      stopped = true;
      clear();
    },
  };
}

/**
 * Wires a reconnector to an official y-websocket provider (created with `connect: false`) and to
 * the browser's online/offline events. The provider schedules its own retry right after emitting
 * 'connection-close'; clearing `shouldConnect` there turns that retry into a no-op, and
 * `provider.connect()` sets it again when our schedule says so. Returns the reconnector (start it
 * when the local copy is loaded) and a function that unwires everything.
 */
export function driveReconnection(
  provider: WebsocketProvider,
  options: Omit<ReconnectorOptions, 'connect' | 'closeSocket' | 'isOnline'>,
): { readonly reconnector: Reconnector; readonly unwire: () => void } {
  const reconnector = createReconnector({
    ...options,
    connect: () => provider.connect(),
    closeSocket: () => provider.ws?.close(),
    isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  });
  const onClose = (event: CloseEvent | null) => {
    // Still true while 'connection-close' is emitted for a socket that had opened.
    const opened = provider.wsconnected;
    const code = event?.code ?? null;
    if (!isFinalCloseCode(code)) provider.shouldConnect = false;
    reconnector.connectionClosed(code, opened);
  };
  const onSync = (synced: boolean) => {
    if (synced) reconnector.synced();
  };
  const onOnline = () => reconnector.online();
  const onOffline = () => reconnector.offline();
  provider.on('connection-close', onClose);
  provider.on('sync', onSync);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  return {
    reconnector,
    unwire() {
      reconnector.stop();
      provider.off('connection-close', onClose);
      provider.off('sync', onSync);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    },
  };
}
