import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';

/** A client has this long from opening a connection to completing its request headers. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;

/**
 * Slow-loris bound: every connection must complete the headers of its first request (or of its
 * WebSocket upgrade) within `timeoutMs` of opening, or it is destroyed — also one that never sends
 * a byte. A timer per socket, so the bound is exact and does not depend on how a Node version
 * applies `server.headersTimeout` (which it checks only every `connectionsCheckingInterval`).
 * Later requests on a kept-alive connection are bounded by Node's `keepAliveTimeout` (5 s idle)
 * and `headersTimeout` (set by `configureTimeouts`).
 * @example enforceHeaderDeadline(httpServer, 10_000)
 */
export function enforceHeaderDeadline(server: Server, timeoutMs: number): void {
  const deadlines = new WeakMap<Socket, NodeJS.Timeout>();
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    timer.unref();
    deadlines.set(socket, timer);
    socket.once('close', () => clearTimeout(timer));
  });
  const headersComplete = (request: IncomingMessage): void => {
    const socket = request.socket as Socket;
    clearTimeout(deadlines.get(socket));
    deadlines.delete(socket);
  };
  server.on('request', headersComplete);
  server.on('upgrade', headersComplete);
}

/**
 * Node's own bounds, as a second line: headers within `headersTimeoutMs` of a request's first
 * byte, the whole request within 30 s (never below the headers bound).
 */
export function configureTimeouts(server: Server, headersTimeoutMs: number): void {
  server.headersTimeout = headersTimeoutMs;
  server.requestTimeout = Math.max(30_000, headersTimeoutMs);
}
