import type * as Y from 'yjs';
import type { Change } from '../cards/changeKinds.js';
import {
  type AnyType,
  attachedChild,
  childEntries,
  currentField,
  entryChange,
  latestValue,
  rawField,
  recordEntry,
  scalar,
  unknownAt,
} from '../doc/entries.js';

/** Writes under `scales`: a scale added or removed, its mode, ratings and private-scoring list. */

const SCALE_FIELDS = new Set(['id', 'ratings', 'scored']);

export function scalesChange(
  tr: Y.Transaction,
  type: AnyType,
  path: readonly string[],
  key: string,
): Change[] {
  const scaleId = path[1] ?? key;
  if (path.length === 1) {
    return recordEntry(tr, type, path, key, {
      // A new scale's ratings and private-scoring list count as if written one by one.
      added: (scale) => [
        { kind: 'scale-added', scaleId },
        ...childEntries(rawField(scale, 'ratings'), (id, item) => ({
          kind: 'rating-set',
          scaleId,
          participantId: id,
          value: ratingValue(item),
          mode: currentField(scale, 'mode'),
          recordedBy: ratingRecorder(item),
          ...personOf(tr, id),
        })),
        ...childEntries(rawField(scale, 'scored'), (id) => ({
          kind: 'scored-set',
          scaleId,
          participantId: id,
        })),
      ],
      removed: () => ({ kind: 'scale-removed', scaleId }),
    });
  }
  if (path.length === 2) {
    if (key === 'mode') return [{ kind: 'scale-mode', scaleId, mode: currentField(type, 'mode') }];
    if (!SCALE_FIELDS.has(key)) return [unknownAt(path, key)];
    return attachedChild(tr, type, key, { kind: 'scale-field', scaleId, field: key }, (id, item) =>
      key === 'ratings'
        ? {
            kind: 'rating-set',
            scaleId,
            participantId: id,
            value: ratingValue(item),
            mode: currentField(type, 'mode'),
            recordedBy: ratingRecorder(item),
            ...personOf(tr, id),
          }
        : { kind: 'scored-set', scaleId, participantId: id },
    );
  }
  const { before, after } = entryChange(tr, type, key);
  if (path.length === 3 && path[2] === 'ratings') {
    const scale = (type._item?.parent as AnyType | undefined) ?? null;
    const mode = currentField(scale, 'mode');
    const person = personOf(tr, key);
    if (after !== null)
      return [
        {
          kind: 'rating-set',
          scaleId,
          participantId: key,
          value: ratingValue(after),
          mode,
          recordedBy: ratingRecorder(after),
          ...person,
        },
      ];
    return [
      {
        kind: 'rating-removed',
        scaleId,
        participantId: key,
        value: ratingValue(before),
        mode,
        recordedBy: ratingRecorder(before),
        ...person,
      },
    ];
  }
  if (path.length === 3 && path[2] === 'scored') {
    return [{ kind: after !== null ? 'scored-set' : 'scored-removed', scaleId, participantId: key }];
  }
  return [unknownAt(path, key)];
}

/** A stored rating's `recordedBy` (set when staff recorded it for a person without a device). */
function ratingRecorder(item: Y.Item | null): unknown {
  const rating = latestValue(item);
  return typeof rating === 'object' && rating !== null
    ? scalar((rating as { recordedBy?: unknown }).recordedBy)
    : undefined;
}

/**
 * Does `key` name a person of the case, as the document stands after the update, and which
 * participant have they joined as ([AC48])?
 */
function personOf(tr: Y.Transaction, key: string): { forPerson: boolean; linkedTo: unknown } {
  const none = { forPerson: false, linkedTo: undefined };
  if (!tr.doc.share.has('people')) return none;
  let person: unknown;
  try {
    person = tr.doc.getMap<unknown>('people').get(key); // a root decoded from an update is typed when asked for
  } catch {
    return none; // another type under this name: the classifier reports it
  }
  if (person === undefined) return none;
  // A person whose id is a participant's is no person: staff never score in a participant's place.
  if (tr.doc.share.has('participants') && tr.doc.getMap<unknown>('participants').has(key)) return none;
  return { forPerson: true, linkedTo: currentField(person as AnyType, 'participantId') };
}

/** The `value` of a stored rating `{ value, reason, at }` (the reason is never reported). */
function ratingValue(item: Y.Item | null): unknown {
  const rating = latestValue(item);
  return typeof rating === 'object' && rating !== null
    ? scalar((rating as { value?: unknown }).value)
    : undefined;
}
