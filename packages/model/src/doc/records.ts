import * as Y from 'yjs';
import type { z } from 'zod';
import { type AnyMap, childMap, childText, plainFields, readTopMap, type TopLevelName } from './docMaps.js';
import { isId } from './ids.js';
import {
  LIMITS,
  markSchema,
  storedCard,
  storedNetworkMember,
  storedPair,
  storedParticipant,
  storedRating,
  storedReviewDate,
  storedRule,
  storedScale,
} from './schema.js';
import type {
  BoardMeta,
  CardState,
  Mark,
  NetworkMemberId,
  NetworkMemberState,
  PairState,
  ParticipantState,
  PlanState,
  RuleState,
  ScaleRating,
  ScaleState,
} from './types.js';

/**
 * Reading stored records, shared by readBoard and by the ops' existence checks so both agree
 * on what exists. Every reader returns null for a malformed record instead of throwing: a
 * damaged or foreign entry must never break a board.
 */

/** A record found in the doc: its Y.Map (for writing) and its validated reading. */
export interface Found<S> {
  readonly map: AnyMap;
  readonly record: S;
}

function guarded<T>(read: () => T | null): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

function parsed<T extends { id: string }>(schema: z.ZodType<T>, fields: unknown, key: string): T | null {
  const result = schema.safeParse(fields);
  return result.success && result.data.id === key ? result.data : null;
}

function validEntries<T>(map: AnyMap | null, read: (value: unknown) => T | null): Record<string, T> {
  const out: Record<string, T> = {};
  if (map === null) return out;
  for (const [key, value] of map.entries()) {
    const item = isId(key) ? read(value) : null;
    if (item !== null) out[key] = item;
  }
  return out;
}

const CARD_KEYS = Object.keys(storedCard.shape);
const RULE_KEYS = Object.keys(storedRule.shape);
const RULE_TEXTS = ['text', 'redFlags', 'networkResponse', 'howChildWillKnow'] as const;

export function readCard(value: unknown, key: string): CardState | null {
  return guarded(() => {
    const map = asMap(value);
    if (map === null || childText(map, 'text') === null) return null;
    const card = parsed(storedCard, plainFields(map, CARD_KEYS), key);
    if (card === null) return null;
    const marks = validEntries(childMap(map, 'marks'), (mark) => {
      const result = markSchema.safeParse(mark);
      return result.success ? (result.data as Mark) : null;
    });
    const text = (max: number) => (value: unknown) =>
      typeof value === 'string' && value.length <= max ? value : null;
    const time = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
    // Present only when not empty, so a card without them reads (and hashes) as before.
    const notes = {
      reasons: validEntries(childMap(map, 'reasons'), text(LIMITS.reason)),
      suggestions: validEntries(childMap(map, 'suggestions'), text(LIMITS.cardText)),
      editedBy: validEntries(childMap(map, 'editedBy'), time),
      suggestedBy: validEntries(childMap(map, 'suggestedBy'), time),
    };
    const present = Object.entries(notes).filter(([, entries]) => Object.keys(entries).length > 0);
    return { ...card, marks, ...Object.fromEntries(present) };
  });
}

export function readPair(value: unknown, key: string): PairState | null {
  return guarded(() => {
    const map = asMap(value);
    return map === null ? null : parsed(storedPair, map.toJSON(), key);
  });
}

export function readScale(value: unknown, key: string): ScaleState | null {
  return guarded(() => {
    const map = asMap(value);
    if (map === null) return null;
    const scale = parsed(storedScale, plainFields(map, ['id', 'mode']), key);
    if (scale === null) return null;
    const ratings = validEntries(childMap(map, 'ratings'), (rating): ScaleRating | null => {
      const result = storedRating.safeParse(rating);
      return result.success ? result.data : null;
    });
    const scored = Object.keys(
      validEntries(childMap(map, 'scored'), (flag) => (flag === true ? flag : null)),
    );
    return { ...scale, ratings, scored: scored.sort() };
  });
}

export function readParticipant(value: unknown, key: string): ParticipantState | null {
  return guarded(() => parsed(storedParticipant, value, key));
}

export function readNetworkMember(value: unknown, key: string): NetworkMemberState | null {
  return guarded(() => {
    const map = asMap(value);
    return map === null ? null : parsed(storedNetworkMember, map.toJSON(), key);
  });
}

/** A rule as stored: `responsibleMemberIds` may name members removed concurrently. */
export function readRule(value: unknown, key: string): RuleState | null {
  return guarded(() => {
    const map = asMap(value);
    if (map === null || RULE_TEXTS.some((field) => childText(map, field) === null)) return null;
    const rule = parsed(storedRule, plainFields(map, RULE_KEYS), key);
    if (rule === null) return null;
    const responsible = childMap(map, 'responsible');
    const responsibleMemberIds: NetworkMemberId[] = [];
    for (const [memberId, flag] of responsible?.entries() ?? []) {
      if (flag === true && isId(memberId)) responsibleMemberIds.push(memberId as NetworkMemberId);
    }
    return { ...rule, responsibleMemberIds };
  });
}

/** The plan; a missing or damaged field reads as empty. */
export function readPlanFrom(map: AnyMap | null): PlanState {
  const text = (key: string): string => (map === null ? '' : (childText(map, key)?.toString() ?? ''));
  const reviewDate = storedReviewDate.safeParse(map?.get('reviewDate') ?? null);
  return {
    bottomLines: text('bottomLines'),
    monitoringWho: text('monitoringWho'),
    monitoringHowOften: text('monitoringHowOften'),
    reviewDate: reviewDate.success ? reviewDate.data : null,
  };
}

/** The board's meta; missing or damaged fields read as '' / 0 (0 = no schema yet). */
export function readMetaFrom(map: AnyMap | null): BoardMeta {
  const title = map?.get('title');
  const createdAt = map?.get('createdAt');
  const schemaVersion = map?.get('schemaVersion');
  return {
    title: typeof title === 'string' ? title : '',
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
    schemaVersion: Number.isSafeInteger(schemaVersion) ? (schemaVersion as number) : 0,
    // Only while locked, so an unlocked board reads (and hashes) as before.
    ...(map?.get('locked') === true ? { locked: true as const } : {}),
  };
}

function asMap(value: unknown): AnyMap | null {
  return value instanceof Y.Map ? (value as AnyMap) : null;
}

/** Finds a valid record, stored as a Y.Map, by id in a top-level map. */
export function findIn<S>(
  doc: Y.Doc,
  name: TopLevelName,
  id: string,
  read: (value: unknown, key: string) => S | null,
): Found<S> | null {
  const top = readTopMap(doc, name);
  const value = top?.get(id);
  const record = value === undefined ? null : read(value, id);
  const map = top === null ? null : childMap(top, id);
  return record === null || map === null ? null : { map, record };
}

/** All valid records of a top-level map, keyed by id. */
export function readAll<S>(
  doc: Y.Doc,
  name: TopLevelName,
  read: (value: unknown, key: string) => S | null,
): Record<string, S> {
  const out: Record<string, S> = {};
  const top = readTopMap(doc, name);
  if (top === null) return out;
  for (const [key, value] of top.entries()) {
    const record = isId(key) ? read(value, key) : null;
    if (record !== null) out[key] = record;
  }
  return out;
}
