import * as Y from 'yjs';
import type { OrderPlan } from './order.js';
import { textDiff } from './text.js';

/**
 * The top-level types of a board document (docs/PROTOCOL.md describes each). All are Y.Maps;
 * this module is the only place that names them.
 */
export const TOP_LEVEL = [
  'meta',
  'cards',
  'pairs',
  'scales',
  'participants',
  'network',
  'people',
  'rules',
  'plan',
  // Meeting tools (docs/PROTOCOL.md "Meeting tools"): not part of `BoardState`, read by `readMeetingTools`.
  'agenda',
  'parkingLot',
  'facilitation',
] as const;
export type TopLevelName = (typeof TOP_LEVEL)[number];

/** The keys of a network member's map: all plain values, none a shared type. */
export const NETWORK_MEMBER_KEYS = [
  'id',
  'name',
  'relationship',
  'contact',
  'agreedTo',
  'toldAboutWorries',
  'order',
] as const;

/** The keys of a person's map (issue 14): all plain values. */
export const PERSON_KEYS = ['id', 'name', 'kind', 'age', 'order', 'participantId'] as const;

export type AnyMap = Y.Map<unknown>;

/** A top-level map for writing. */
export function topMap(doc: Y.Doc, name: TopLevelName): AnyMap {
  return doc.getMap<unknown>(name);
}

/** A top-level map for reading: null instead of a throw if the name was claimed by another type. */
export function readTopMap(doc: Y.Doc, name: TopLevelName): AnyMap | null {
  try {
    return doc.getMap<unknown>(name);
  } catch {
    return null;
  }
}

/** True when the document holds nothing at all (a fresh doc, or a client before its first sync). */
export function isEmptyDoc(doc: Y.Doc): boolean {
  return TOP_LEVEL.every((name) => (readTopMap(doc, name)?.size ?? 0) === 0);
}

export function childMap(parent: AnyMap, key: string): AnyMap | null {
  const value = parent.get(key);
  return value instanceof Y.Map ? (value as AnyMap) : null;
}

export function childText(parent: AnyMap, key: string): Y.Text | null {
  const value = parent.get(key);
  return value instanceof Y.Text ? value : null;
}

/** Attaches a new, empty child map under `key` (call inside a transaction). */
export function attachMap(parent: AnyMap, key: string): AnyMap {
  const child = new Y.Map<unknown>();
  parent.set(key, child);
  return child;
}

/**
 * Attaches a new Y.Text under `key` and fills it. The text is integrated first and then
 * written, in the caller's transaction, so the content is part of the same update.
 */
export function attachText(parent: AnyMap, key: string, content: string): Y.Text {
  const text = new Y.Text();
  parent.set(key, text);
  if (content.length > 0) text.insert(0, content);
  return text;
}

/**
 * Brings `text` to `next` with the smallest splice, so concurrent edits elsewhere in the
 * same text survive. Returns whether anything changed.
 */
export function replaceText(text: Y.Text, next: string): boolean {
  const edit = textDiff(text.toString(), next);
  if (edit.deleteCount > 0) text.delete(edit.index, edit.deleteCount);
  if (edit.insert.length > 0) text.insert(edit.index, edit.insert);
  return edit.deleteCount > 0 || edit.insert.length > 0;
}

/** Sets a long-form text field, creating its Y.Text if an old or damaged record lacks one. */
export function writeTextField(parent: AnyMap, key: string, next: string): boolean {
  const text = childText(parent, key);
  if (text !== null) return replaceText(text, next);
  attachText(parent, key, next);
  return true;
}

/** Plain JSON-ish snapshot of a Y.Map's entries, with Y.Text read as its string. */
export function plainFields(map: AnyMap, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = map.get(key);
    out[key] = value instanceof Y.Text ? value.toString() : value;
  }
  return out;
}

/** Applies the renumbering half of an order plan to the records of `container`. */
export function applyRenumber(container: AnyMap, plan: OrderPlan): void {
  for (const { id, order } of plan.renumber) childMap(container, id)?.set('order', order);
}
