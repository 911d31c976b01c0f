import type * as Y from 'yjs';
import { NETWORK_MEMBER_KEYS, PERSON_KEYS } from '../doc/docMaps.js';
import {
  type AnyType,
  currentField,
  entryChange,
  recordEntry,
  scalarBefore,
  unknownAt,
} from '../doc/entries.js';
import { meetingChangeAt } from '../meeting/meetingChanges.js';
import { scalesChange } from '../scales/scaleChanges.js';
import { cardsChange, textCardChange } from './cardChanges.js';
import type { Change } from './changeKinds.js';

/**
 * The board layout (docs/PROTOCOL.md) as a classifier: which change a write at a given place
 * is. `path` leads from the root to the changed type, `key` is the changed entry (null for a
 * Y.Text edit or list content). Everything not named here is `unknown`.
 */

const PAIR_FIELDS = new Set(['id', 'dangerStatementId', 'safetyGoalId', 'createdAt']);
const NETWORK_FIELDS = new Set<string>(NETWORK_MEMBER_KEYS);
const PERSON_FIELDS = new Set<string>(PERSON_KEYS);
const RULE_TEXTS = new Set(['text', 'redFlags', 'networkResponse', 'howChildWillKnow']);
const RULE_FIELDS = new Set(['id', 'responsible', 'order', ...RULE_TEXTS]);
const PLAN_TEXTS = new Set(['bottomLines', 'monitoringWho', 'monitoringHowOften']);
const PLAN_FIELDS = new Set(['reviewDate', ...PLAN_TEXTS]);
const META_FIELDS = new Set(['title', 'createdAt', 'schemaVersion', 'locked']);

type RecordKind = 'network' | 'person' | 'rule' | 'pair';
const FIELDS_OF: Readonly<Record<RecordKind, ReadonlySet<string>>> = {
  network: NETWORK_FIELDS,
  person: PERSON_FIELDS,
  rule: RULE_FIELDS,
  pair: PAIR_FIELDS,
};

function recordsChange(
  tr: Y.Transaction,
  type: AnyType,
  path: readonly string[],
  key: string,
  kind: RecordKind,
): Change[] {
  const fields = FIELDS_OF[kind];
  const id = path[1] ?? key;
  if (path.length === 1) {
    return recordEntry(tr, type, path, key, {
      added: (record) => recordAdded(kind, id, record, tr),
      removed: (record) => recordRemoved(kind, id, record, tr),
    });
  }
  if (path.length === 2 && fields.has(key)) return [recordField(kind, id, key)];
  if (kind === 'rule' && path.length === 3 && path[2] === 'responsible')
    return [recordField(kind, id, 'responsible')];
  return [unknownAt(path, key)];
}

function recordAdded(kind: RecordKind, id: string, record: AnyType, tr: Y.Transaction): Change {
  if (kind === 'network') return { kind: 'network-added', memberId: id };
  if (kind === 'person') return { kind: 'person-added', personId: id };
  if (kind === 'rule') return { kind: 'rule-added', ruleId: id };
  return { kind: 'pair-added', pairId: id, cardIds: pairCards(record, tr) };
}

function recordRemoved(kind: RecordKind, id: string, record: AnyType | null, tr: Y.Transaction): Change {
  if (kind === 'network') return { kind: 'network-removed', memberId: id };
  if (kind === 'person') return { kind: 'person-removed', personId: id };
  if (kind === 'rule') return { kind: 'rule-removed', ruleId: id };
  return { kind: 'pair-removed', pairId: id, cardIds: pairCards(record, tr) };
}

function recordField(kind: RecordKind, id: string, field: string): Change {
  if (kind === 'network') return { kind: 'network-field', memberId: id, field };
  if (kind === 'person') return { kind: 'person-field', personId: id, field };
  if (kind === 'rule') return { kind: 'rule-field', ruleId: id, field };
  return { kind: 'pair-field', pairId: id, field };
}

const pairCards = (pair: AnyType | null, tr: Y.Transaction): unknown[] => [
  scalarBefore(tr, pair, 'dangerStatementId'),
  scalarBefore(tr, pair, 'safetyGoalId'),
];

/** A Y.Text edit (`key` null): only card, rule and plan texts are in the layout. */
function textChange(tr: Y.Transaction, type: AnyType, path: readonly string[]): Change[] {
  const [root, id, field] = path;
  if (root === 'cards') return textCardChange(tr, type, path);
  if (
    root === 'rules' &&
    path.length === 3 &&
    id !== undefined &&
    field !== undefined &&
    RULE_TEXTS.has(field)
  ) {
    return [{ kind: 'rule-field', ruleId: id, field }];
  }
  if (root === 'plan' && path.length === 2 && id !== undefined && PLAN_TEXTS.has(id)) {
    return [{ kind: 'plan-field', field: id }];
  }
  return [unknownAt(path, null)];
}

/** What a write to entry `key` of `type` (found at `path`) is, in domain words. */
export function changeAt(
  tr: Y.Transaction,
  type: AnyType,
  path: readonly string[],
  key: string | null,
): Change[] {
  const meeting = meetingChangeAt(tr, type, path, key);
  if (meeting !== null) return meeting;
  if (key === null) return textChange(tr, type, path);
  const [root] = path;
  const top = path.length === 1;
  switch (root) {
    case 'cards':
      return cardsChange(tr, type, path, key);
    case 'scales':
      return scalesChange(tr, type, path, key);
    case 'pairs':
      return recordsChange(tr, type, path, key, 'pair');
    case 'network':
      return recordsChange(tr, type, path, key, 'network');
    case 'people':
      return recordsChange(tr, type, path, key, 'person');
    case 'rules':
      return recordsChange(tr, type, path, key, 'rule');
    case 'participants': {
      if (!top) return [unknownAt(path, key)];
      const { before, after } = entryChange(tr, type, key);
      return before === after ? [] : [{ kind: 'participant-written', participantId: key }];
    }
    case 'plan':
      return [top && PLAN_FIELDS.has(key) ? { kind: 'plan-field', field: key } : unknownAt(path, key)];
    case 'meta':
      return [
        top && META_FIELDS.has(key)
          ? { kind: 'meta-field', field: key, value: key === 'title' ? undefined : currentField(type, key) }
          : unknownAt(path, key),
      ];
    default:
      return [unknownAt(path, key)];
  }
}
