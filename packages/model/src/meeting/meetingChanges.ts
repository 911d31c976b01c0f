import type * as Y from 'yjs';
import type { Change } from '../cards/changeKinds.js';
import { type AnyType, currentField, recordEntry, scalarBefore, unknownAt } from '../doc/entries.js';

/**
 * The meeting tools' part of the layout as a classifier (docs/PROTOCOL.md "Meeting tools"):
 * which change a write under `agenda`, `parkingLot` or `facilitation` is. Anything else there is
 * `unknown` ([AC19]).
 */

export const AGENDA_FIELDS: ReadonlySet<string> = new Set(['id', 'title', 'minutes', 'order', 'done']);
export const PARKING_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'text',
  'authorId',
  'authorRole',
  'createdAt',
  'resolved',
]);
export const FACILITATION_FIELDS: ReadonlySet<string> = new Set([
  'currentItemId',
  'runningSince',
  'elapsedMs',
  'wall',
]);

function agendaChange(tr: Y.Transaction, type: AnyType, path: readonly string[], key: string): Change[] {
  if (path.length === 1) {
    return recordEntry(tr, type, path, key, {
      added: () => ({ kind: 'agenda-added', itemId: key }),
      removed: () => ({ kind: 'agenda-removed', itemId: key }),
    });
  }
  const itemId = path[1];
  if (path.length === 2 && itemId !== undefined && AGENDA_FIELDS.has(key))
    return [{ kind: 'agenda-field', itemId, field: key }];
  return [unknownAt(path, key)];
}

function parkingChange(tr: Y.Transaction, type: AnyType, path: readonly string[], key: string): Change[] {
  if (path.length === 1) {
    return recordEntry(tr, type, path, key, {
      added: (record) => ({
        kind: 'parking-added',
        itemId: key,
        authorId: currentField(record, 'authorId'),
        authorRole: currentField(record, 'authorRole'),
      }),
      removed: (record, transaction) => ({
        kind: 'parking-removed',
        itemId: key,
        authorId: scalarBefore(transaction, record, 'authorId'),
      }),
    });
  }
  const itemId = path[1];
  if (path.length === 2 && itemId !== undefined && PARKING_FIELDS.has(key))
    return [{ kind: 'parking-field', itemId, field: key, authorId: scalarBefore(tr, type, 'authorId') }];
  return [unknownAt(path, key)];
}

/** What a write at `path`/`key` under one of the meeting tools' maps is; null: not theirs. */
export function meetingChangeAt(
  tr: Y.Transaction,
  type: AnyType,
  path: readonly string[],
  key: string | null,
): Change[] | null {
  const [root] = path;
  if (root !== 'agenda' && root !== 'parkingLot' && root !== 'facilitation') return null;
  // No Y.Text in the meeting tools: every text is a plain string.
  if (key === null) return [unknownAt(path, null)];
  if (root === 'agenda') return agendaChange(tr, type, path, key);
  if (root === 'parkingLot') return parkingChange(tr, type, path, key);
  return [
    path.length === 1 && FACILITATION_FIELDS.has(key)
      ? { kind: 'facilitation-field', field: key }
      : unknownAt(path, key),
  ];
}
