import type { PermissionRuleId } from '@kinmap/model';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * A custom y-websocket message (docs/PROTOCOL.md, "rejected"): the server refused one of the
 * client's document updates. The official provider ignores unknown types unless a handler is
 * registered (`provider.messageHandlers[100]`); the web shows the reason and re-syncs from a fresh
 * doc, because its local doc still holds the refused change.
 */
export const REJECTED_MESSAGE_TYPE = 100;

export interface Rejection {
  /** The permission rule that refused the change; a client treats an unknown id as "other". */
  readonly rule: PermissionRuleId;
  /** English, for logs and developers; never shown as is. */
  readonly reason: string;
}

/** `varUint 100`, then `varString` JSON `{ rule, reason }`. */
export function encodeRejected(rejection: Rejection): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, REJECTED_MESSAGE_TYPE);
  encoding.writeVarString(encoder, JSON.stringify({ rule: rejection.rule, reason: rejection.reason }));
  return encoding.toUint8Array(encoder);
}

/**
 * The rest of a type-100 message, its type already read (as in a provider's `messageHandlers`);
 * null when it is malformed.
 */
export function readRejected(decoder: decoding.Decoder): Rejection | null {
  try {
    const value: unknown = JSON.parse(decoding.readVarString(decoder));
    if (typeof value !== 'object' || value === null) return null;
    const { rule, reason } = value as { rule?: unknown; reason?: unknown };
    return typeof rule === 'string' && typeof reason === 'string'
      ? { rule: rule as PermissionRuleId, reason }
      : null;
  } catch {
    return null;
  }
}

/** The rejection in a whole frame, or null when the frame is something else or malformed. */
export function decodeRejected(data: Uint8Array): Rejection | null {
  try {
    const decoder = decoding.createDecoder(data);
    return decoding.readVarUint(decoder) === REJECTED_MESSAGE_TYPE ? readRejected(decoder) : null;
  } catch {
    return null;
  }
}
