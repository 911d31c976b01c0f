import * as Y from 'yjs';
import { isPairIntact } from '../cards/pairing.js';
import { readTopMap, TOP_LEVEL, type TopLevelName } from './docMaps.js';
import { hasId, idRecord, ownValue } from './idRecord.js';
import { isId, OVERALL_SCALE_ID } from './ids.js';
import { compareOrdered } from './order.js';
import type { BoardReading } from './read.js';
import {
  readCard,
  readMetaFrom,
  readNetworkMember,
  readPair,
  readParticipant,
  readPerson,
  readPlanFrom,
  readRule,
  readScale,
} from './records.js';
import type { Repair, RepairSink } from './repairs.js';
import { LIMITS } from './schema.js';
import type { BoardState, CardState, NetworkMemberState, RuleState } from './types.js';

/**
 * The board read again after each change, reading only what changed: the same reading as
 * `readBoardWithRepairs` (its repairs included, in the same order), with structural sharing. A
 * record no transaction touched since the last reading is the very same object in the next one,
 * and a part of the board (cards, pairs, rules, the plan…) in which nothing changed too, so views
 * can compare by identity and redraw only what changed.
 *
 * Which records changed comes from each transaction's changed types (`afterTransaction`): a change
 * anywhere inside a record (its Y.Text, its marks) marks the record by its key under the
 * top-level map. A card whose `pairId` had to be repaired from the pair records is read again
 * whenever a pair changes. Whatever depends on several records (which pairs are intact, a card's
 * `pairId` when its pair is not, the scales of intact pairs, a rule's responsible people) is
 * derived again in each reading, keeping the previous object when it comes out the same.
 */
export interface BoardReader {
  /** The board now. Calling it twice without a change in between returns the same reading. */
  read(): BoardReading;
  /** Stops following the document. */
  destroy(): void;
}

/** A shared type as transactions list it. */
type SharedType = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never;
/** The meeting tools' maps are in the document but not in `BoardState` (read by `readMeetingTools`). */
type MeetingName = 'agenda' | 'parkingLot' | 'facilitation';
type RecordName = Exclude<TopLevelName, 'meta' | 'plan' | MeetingName>;
const MEETING_NAMES: ReadonlySet<TopLevelName> = new Set<TopLevelName>([
  'agenda',
  'parkingLot',
  'facilitation',
]);
type Reader<S> = (value: unknown, key: string, sink: RepairSink) => S | null;

interface Entry<S> {
  /** The stored value the reading was made from (a Y.Map, or a plain value written by a foreign client). */
  readonly value: unknown;
  readonly record: S | null;
  readonly repairs: readonly Repair[];
}

/** One top-level map of records, each entry read again only when its key changed or its value was replaced. */
class PartCache<S> {
  private entries = new Map<string, Entry<S>>();
  private readonly dirty = new Set<string>();
  private everything = true;
  /** The last reading, kept while nothing in the part changed. */
  private last: { records: Record<string, S>; repairs: readonly Repair[] } | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly name: RecordName,
    private readonly reader: Reader<S>,
  ) {}

  get changed(): boolean {
    return this.last === null;
  }

  mark(key: string | null): void {
    if (key === null) this.everything = true;
    else this.dirty.add(key);
    this.last = null;
  }

  markAll(): void {
    this.mark(null);
  }

  read(): { records: Record<string, S>; repairs: readonly Repair[] } {
    if (this.last !== null) return this.last;
    const top = readTopMap(this.doc, this.name);
    const records = idRecord<S>();
    const repairs: Repair[] = [];
    const next = new Map<string, Entry<S>>();
    for (const [key, value] of top?.entries() ?? []) {
      const known = this.entries.get(key);
      const entry =
        known !== undefined && known.value === value && !this.everything && !this.dirty.has(key)
          ? known
          : this.readEntry(key, value);
      next.set(key, entry);
      repairs.push(...entry.repairs);
      if (entry.record !== null) records[key] = entry.record;
    }
    this.entries = next;
    this.dirty.clear();
    this.everything = false;
    this.last = { records, repairs };
    return this.last;
  }

  /** The keys whose reading reported a repair of `field`. */
  keysRepairing(field: string): string[] {
    const keys: string[] = [];
    for (const [key, entry] of this.entries) {
      if (entry.repairs.some((repair) => repair.field === field)) keys.push(key);
    }
    return keys;
  }

  private readEntry(key: string, value: unknown): Entry<S> {
    const repairs: Repair[] = [];
    if (!isId(key)) {
      return {
        value,
        record: null,
        repairs: [{ part: this.name, id: null, field: 'key', action: 'dropped' }],
      };
    }
    const record = this.reader(value, key, (repair) => {
      repairs.push(repair);
    });
    return { value, record, repairs };
  }
}

/** Keeps `previous` when `next` holds exactly the same entries (by identity). */
function shared<T>(previous: Record<string, T> | undefined, next: Record<string, T>): Record<string, T> {
  if (previous === undefined) return next;
  const keys = Object.keys(next);
  if (keys.length !== Object.keys(previous).length) return next;
  for (const key of keys) {
    if (ownValue(previous, key) !== next[key]) return next;
  }
  return previous;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Follows `doc` from now on; the first `read()` reads everything, each later one what changed.
 * @example const reader = createBoardReader(doc); reader.read().state; … reader.destroy();
 */
export function createBoardReader(doc: Y.Doc): BoardReader {
  const parts = {
    cards: new PartCache(doc, 'cards', readCard),
    pairs: new PartCache(doc, 'pairs', readPair),
    scales: new PartCache(doc, 'scales', readScale),
    participants: new PartCache(doc, 'participants', readParticipant),
    network: new PartCache(doc, 'network', readNetworkMember),
    people: new PartCache(doc, 'people', readPerson),
    rules: new PartCache(doc, 'rules', readRule),
  } as const;
  const single = { meta: true, plan: true };
  let metaReading: { meta: BoardState['meta']; repairs: Repair[] } | null = null;
  let planReading: { plan: BoardState['plan']; repairs: Repair[] } | null = null;
  let last: BoardReading | null = null;
  // Derived records, kept while their sources are the same objects.
  const unpaired = new WeakMap<CardState, CardState>();
  const rulesDerived = new Map<string, { source: RuleState; out: RuleState }>();

  /** The top-level name of a type the document shares, found by identity. */
  const nameOf = (type: SharedType): TopLevelName | null => {
    for (const name of TOP_LEVEL) {
      if (doc.share.get(name) === type) return name;
    }
    return null;
  };

  const markPart = (name: TopLevelName, key: string | null) => {
    last = null;
    if (name === 'meta' || name === 'plan') {
      single[name] = true;
      return;
    }
    if (MEETING_NAMES.has(name)) return;
    parts[name as RecordName].mark(key);
    // A card whose own pairId was unreadable is read from the pair records that name it.
    if (name === 'pairs') for (const id of parts.cards.keysRepairing('pairId')) parts.cards.mark(id);
  };

  const onTransaction = (transaction: Y.Transaction) => {
    for (const [type, keys] of transaction.changed) {
      // Climb to the top-level type; the key just under it names the record that changed.
      let node: SharedType = type;
      let key: string | null = null;
      let nested = false;
      while (node._item !== null) {
        key = node._item.parentSub;
        nested = true;
        const parent = node._item.parent;
        if (!(parent instanceof Y.AbstractType)) {
          node = type;
          key = null;
          break;
        }
        node = parent as SharedType;
      }
      const name = nameOf(node);
      if (name === null) {
        // Another top-level type than the board's own: not read. A type the document no longer
        // shares under any name (replaced when first read as a map): re-read everything.
        if (![...doc.share.values()].includes(node)) for (const part of TOP_LEVEL) markPart(part, null);
        continue;
      }
      if (nested) markPart(name, key);
      else for (const changedKey of keys) markPart(name, changedKey);
      if (!nested && keys.size === 0) markPart(name, null);
    }
  };
  doc.on('afterTransaction', onTransaction);

  const read = (): BoardReading => {
    if (last !== null) return last;
    const previous: BoardState | undefined = (lastState ?? undefined) as BoardState | undefined;
    const repairs: Repair[] = [];

    // Cards and pairs, as readBoardWithRepairs: only intact pairs, and a card's pairId only to one.
    const cardsRead = parts.cards.read();
    repairs.push(...cardsRead.repairs);
    const pairsRead = parts.pairs.read();
    repairs.push(...pairsRead.repairs);
    const stored = cardsRead.records;
    const lookup = (id: string): CardState | null => ownValue(stored, id) ?? null;
    const pairsNow = idRecord<(typeof pairsRead.records)[string]>();
    for (const [id, pair] of Object.entries(pairsRead.records)) {
      if (isPairIntact(pair, lookup)) pairsNow[id] = pair;
    }
    const pairs = shared(previous?.pairs, pairsNow);
    const cardsNow = idRecord<CardState>();
    for (const card of Object.values(stored)) {
      const intact = card.pairId !== null && hasId(pairs, card.pairId);
      cardsNow[card.id] = intact || card.pairId === null ? card : unpairedCopy(card);
    }
    const cards = shared(previous?.cards, cardsNow);

    const scalesRead = parts.scales.read();
    repairs.push(...scalesRead.repairs);
    const scalesNow = idRecord<(typeof scalesRead.records)[string]>();
    for (const [id, scale] of Object.entries(scalesRead.records)) {
      if (id === OVERALL_SCALE_ID || hasId(pairs, id)) scalesNow[id] = scale;
    }
    const scales = shared(previous?.scales, scalesNow);

    const networkRead = parts.network.read();
    repairs.push(...networkRead.repairs);
    const network = shared(previous?.network, networkRead.records);
    const peopleRead = parts.people.read();
    repairs.push(...peopleRead.repairs);
    const people = shared(previous?.people, peopleRead.records);
    const rulesRead = parts.rules.read();
    repairs.push(...rulesRead.repairs);
    const rulesNow = idRecord<RuleState>();
    const seen = new Set<string>();
    for (const rule of Object.values(rulesRead.records)) {
      const responsible = responsibleIn(network, rule);
      if (responsible.length > LIMITS.responsible) {
        repairs.push({ part: 'rules', id: rule.id, field: 'responsible', action: 'truncated' });
      }
      const ids = responsible.slice(0, LIMITS.responsible);
      const known = rulesDerived.get(rule.id);
      const out =
        known !== undefined && known.source === rule && sameIds(known.out.responsibleMemberIds, ids)
          ? known.out
          : { ...rule, responsibleMemberIds: ids };
      rulesDerived.set(rule.id, { source: rule, out });
      seen.add(rule.id);
      rulesNow[rule.id] = out;
    }
    for (const id of [...rulesDerived.keys()]) if (!seen.has(id)) rulesDerived.delete(id);
    const rules = shared(previous?.rules, rulesNow);

    if (single.meta || metaReading === null) {
      const metaRepairs: Repair[] = [];
      metaReading = {
        meta: readMetaFrom(readTopMap(doc, 'meta'), (r) => {
          metaRepairs.push(r);
        }),
        repairs: metaRepairs,
      };
      single.meta = false;
    }
    repairs.push(...metaReading.repairs);
    const participantsRead = parts.participants.read();
    repairs.push(...participantsRead.repairs);
    if (single.plan || planReading === null) {
      const planRepairs: Repair[] = [];
      planReading = {
        plan: readPlanFrom(readTopMap(doc, 'plan'), (r) => {
          planRepairs.push(r);
        }),
        repairs: planRepairs,
      };
      single.plan = false;
    }
    repairs.push(...planReading.repairs);

    const state: BoardState = {
      meta:
        previous !== undefined && sameMeta(previous.meta, metaReading.meta)
          ? previous.meta
          : metaReading.meta,
      cards,
      pairs,
      scales,
      participants: shared(previous?.participants, participantsRead.records),
      network,
      people,
      rules,
      plan:
        previous !== undefined && samePlan(previous.plan, planReading.plan)
          ? previous.plan
          : planReading.plan,
    };
    const unchanged =
      previous !== undefined &&
      (Object.keys(state) as (keyof BoardState)[]).every((part) => state[part] === previous[part]);
    lastState = unchanged ? previous : state;
    last = { state: lastState, repairs };
    return last;
  };
  let lastState: BoardState | null = null;

  function unpairedCopy(card: CardState): CardState {
    let copy = unpaired.get(card);
    if (copy === undefined) {
      copy = { ...card, pairId: null };
      unpaired.set(card, copy);
    }
    return copy;
  }

  return {
    read,
    destroy: () => doc.off('afterTransaction', onTransaction),
  };
}

function sameMeta(a: BoardState['meta'], b: BoardState['meta']): boolean {
  return (
    a.title === b.title &&
    a.createdAt === b.createdAt &&
    a.schemaVersion === b.schemaVersion &&
    a.locked === b.locked
  );
}

function samePlan(a: BoardState['plan'], b: BoardState['plan']): boolean {
  return (
    a.bottomLines === b.bottomLines &&
    a.monitoringWho === b.monitoringWho &&
    a.monitoringHowOften === b.monitoringHowOften &&
    a.reviewDate === b.reviewDate
  );
}

// As read.ts: a rule names only members that exist, in the network's order.
function responsibleIn(network: Record<string, NetworkMemberState>, rule: RuleState) {
  return rule.responsibleMemberIds
    .map((id) => ownValue(network, id))
    .filter((member) => member !== undefined)
    .sort(compareOrdered)
    .map((member) => member.id);
}
