import type { Awareness } from 'y-protocols/awareness';

/**
 * Changes some fields of this client's awareness state in one update (one message to the others),
 * and sends nothing when they already hold these values.
 */
export function publishPresence(awareness: Awareness, fields: Readonly<Record<string, unknown>>): void {
  const current = awareness.getLocalState();
  if (!current) return;
  const changed = Object.entries(fields).some(([key, value]) => !sameValue(current[key], value));
  if (changed) awareness.setLocalState({ ...current, ...fields });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
