/**
 * WebSocket close codes: a closed set in the 4xxx range that mirrors HTTP.
 * 1001 is the standard "going away" used on shutdown so clients reconnect.
 */
export const CloseCode = {
  goingAway: 1001,
  badMessage: 4400,
  unauthorized: 4401,
  /** Access refused or revoked (reason `access revoked` when a live member is removed). */
  forbidden: 4403,
  unknownBoard: 4404,
  tooLarge: 4413,
  /**
   * A document update was refused by the permission check (the frame before says which rule).
   * The sender's document now holds a change the board never will, and Yjs cannot take it back:
   * every later update of that document would be refused too, so it must start again from a
   * fresh document. In 44xx, so the official client does not reconnect with the same document.
   */
  refused: 4409,
  rateLimited: 4429,
  storageFailure: 4500,
  /**
   * The connection could not keep up with the room's output (unsent bytes over the limit).
   * In the 45xx range because y-websocket treats 4400-4499 as permanent and stops
   * reconnecting, while a slow network deserves a fresh start.
   */
  slowConsumer: 4503,
  /**
   * The socket opened but sent no sync step 1 within the bound (the official client sends it at
   * once). In 45xx like `slowConsumer`: an honest client behind a stalled network should try again.
   */
  handshakeTimeout: 4504,
} as const;
export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];

/**
 * The close reason (with `CloseCode.forbidden`) of the sockets of a child's tool whose member the
 * child no longer chose ([CT3]): the client drops the document from memory and does not come back.
 */
export const NOT_CHOSEN_REASON = 'not chosen by the child';

/** The close reason of a revoked member's or session's sockets (with `CloseCode.forbidden`). */
export const ACCESS_REVOKED_REASON = 'access revoked';

/**
 * The y-websocket convention: 4400–4499 mean "do not come back with this document".
 * @example isFinalCloseCode(CloseCode.forbidden) // true; isFinalCloseCode(CloseCode.slowConsumer) // false
 */
export const isFinalCloseCode = (code: number | null): boolean =>
  code !== null && code >= 4400 && code < 4500;
