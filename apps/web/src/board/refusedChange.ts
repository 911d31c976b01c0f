import type { Rejection } from '@kinmap/protocol';
import type { MessageKey } from '../lib/messages';

/**
 * The server's permission guard refuses a document update with a custom y-websocket message
 * (docs/PROTOCOL.md, "rejected"); `@kinmap/protocol` reads it (`readRejected`), this file words it.
 */

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
export function rejectionMessage(
  rejection: (Pick<Rejection, 'reason'> & { readonly rule: string }) | null,
): MessageKey {
  const rule = rejection?.rule ?? '';
  return Object.hasOwn(RULE_MESSAGES, rule) ? (RULE_MESSAGES[rule] ?? 'rejected.other') : 'rejected.other';
}
