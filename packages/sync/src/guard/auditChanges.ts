import type { Change } from '@kinmap/model';
import type { AuditChange } from '../roomContracts.js';

/** Ids, roles, categories, modes and field names: short and URL-safe. Anything else is not kept. */
const TOKEN = /^[A-Za-z0-9_.:-]{0,128}$/;

const keepString = (value: string): string | null => (TOKEN.test(value) ? value : null);

function keepValue(value: unknown): AuditChange[string] | undefined {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return keepString(value);
  if (Array.isArray(value)) {
    return value.flatMap((item) => (typeof item === 'string' && TOKEN.test(item) ? [item] : []));
  }
  // Objects, Y types, undefined: a hostile or odd value is recorded as "not readable".
  return value === undefined ? undefined : null;
}

/**
 * What the audit keeps of a classified update: every change's kind and its ids, categories, modes
 * and values. Free text never passes: a meta field's value is kept only for `locked` (a title is
 * free text), and any string that is not a short URL-safe token becomes null. The classifier's own
 * `reason` on an `unknown` change is a fixed English sentence and is kept.
 */
export function toAuditChanges(changes: readonly Change[]): AuditChange[] {
  return changes.map((change) => {
    const kept: Record<string, AuditChange[string]> = { kind: change.kind };
    for (const [field, value] of Object.entries(change)) {
      if (field === 'kind') continue;
      if (change.kind === 'meta-field' && field === 'value' && change.field !== 'locked') continue;
      if (change.kind === 'unknown' && field === 'reason' && typeof value === 'string') {
        kept[field] = value.slice(0, 200);
        continue;
      }
      const safe = keepValue(value);
      if (safe !== undefined) kept[field] = safe;
    }
    return kept as AuditChange;
  });
}
