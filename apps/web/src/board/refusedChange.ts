import * as decoding from 'lib0/decoding';
import type { MessageKey } from '../lib/messages';

/**
 * The server's permission guard refuses a document update with a custom y-websocket message
 * (docs/PROTOCOL.md, "rejected"): type 100, then a varString JSON `{ rule, reason }`.
 */
export const REJECTED_MESSAGE_TYPE = 100;

export interface Rejection {
  readonly rule: string;
  readonly reason: string;
}

/** Reads the rest of a type-100 message (the type already read); null when it is malformed. */
export function readRejection(decoder: decoding.Decoder): Rejection | null {
  try {
    const value: unknown = JSON.parse(decoding.readVarString(decoder));
    if (typeof value !== 'object' || value === null) return null;
    const { rule, reason } = value as { rule?: unknown; reason?: unknown };
    return typeof rule === 'string' && typeof reason === 'string' ? { rule, reason } : null;
  } catch {
    return null;
  }
}

/** Rules with their own words; every other refusal gets the general notice. */
const RULE_MESSAGES: Readonly<Record<string, MessageKey>> = {
  AC1: 'rejected.AC1',
  AC2: 'rejected.AC2',
  AC5: 'rejected.AC5',
  AC6: 'rejected.AC6',
  AC8: 'rejected.AC8',
  AC9: 'rejected.AC9',
  AC10: 'rejected.AC9',
  AC11: 'rejected.AC11',
  AC13: 'rejected.AC13',
  AC15: 'rejected.AC15',
  AC16: 'rejected.AC16',
};

/**
 * What to tell the person. The server's `reason` is English for logs and developers, so the
 * notice comes from the catalogue, chosen by rule id.
 */
export function rejectionMessage(rejection: Rejection | null): MessageKey {
  const rule = rejection?.rule ?? '';
  return Object.hasOwn(RULE_MESSAGES, rule) ? (RULE_MESSAGES[rule] ?? 'rejected.other') : 'rejected.other';
}
