import type { PermissionRuleId } from '@kinmap/model';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * A custom y-websocket message (docs/PROTOCOL.md, "rejected"): the server refused one of the
 * client's document updates. The official provider ignores unknown types unless a handler is
 * registered (`provider.messageHandlers[100]`); ours shows the reason and re-syncs from a fresh
 * doc, because its local doc still holds the refused change.
 */
export const REJECTED_MESSAGE_TYPE = 100;

export interface Rejection {
  readonly rule: PermissionRuleId;
  readonly reason: string;
}

/** `varUint 100`, then `varString` JSON `{ rule, reason }`. */
export function encodeRejected(rejection: Rejection): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, REJECTED_MESSAGE_TYPE);
  encoding.writeVarString(encoder, JSON.stringify({ rule: rejection.rule, reason: rejection.reason }));
  return encoding.toUint8Array(encoder);
}

/** The rejection in a frame, or null when the frame is something else or malformed. */
export function decodeRejected(data: Uint8Array): Rejection | null {
  try {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== REJECTED_MESSAGE_TYPE) return null;
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
