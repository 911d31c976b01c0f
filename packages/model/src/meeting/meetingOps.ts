import type * as Y from 'yjs';
import { applyRenumber, attachMap, topMap } from '../doc/docMaps.js';
import { newId } from '../doc/ids.js';
import { planOrder } from '../doc/order.js';
import { findIn } from '../doc/records.js';
import { done, fail, ok } from '../doc/result.js';
import { textOf } from '../doc/schema.js';
import { commit, type OpOptions, prepare } from '../doc/transact.js';
import type { Actor, Result } from '../doc/types.js';
import { z } from '../doc/zod.js';
import { readAgendaItem, readMeetingTools, readParkingItem } from './meetingRecords.js';
import { elapsedAt } from './meetingTimer.js';
import {
  type AgendaItemId,
  MEETING_TOOL_LIMITS as LIMITS,
  type ParkingItemId,
  WALL_SCREENS,
  type WallScreen,
} from './meetingTypes.js';

/**
 * Writing the meeting tools. Like every op, these validate their input and write one transaction;
 * who may call which is the server's check ([AC40]–[AC45]). The timer's `now` is the caller's
 * estimate of the server's clock (`opts.now`), so every screen reads the same start time.
 */

const itemIdOf = <T extends string>() =>
  z.pipe(
    z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/)),
    z.transform((s: string) => s as T),
  );
const agendaItemId = itemIdOf<AgendaItemId>();
const parkingItemId = itemIdOf<ParkingItemId>();
const notBlank = z.refine<string>((s) => s.trim().length > 0, 'is blank');
const title = textOf(LIMITS.agendaTitle).check(notBlank);
const minutes = z.int().check(z.minimum(1), z.maximum(LIMITS.agendaMinutes));
const parkingText = textOf(LIMITS.parkingText).check(notBlank);

export interface AgendaItemFields {
  readonly title?: string;
  readonly minutes?: number;
}

/** Appends an item to the agenda, or puts it at `index`. */
export function addAgendaItem(
  doc: Y.Doc,
  actor: Actor,
  fields: { readonly title: string; readonly minutes: number; readonly index?: number },
  opts?: OpOptions,
): Result<{ itemId: AgendaItemId }> {
  const schema = z.object({ title, minutes, index: z.optional(z.int().check(z.minimum(0))) });
  const op = prepare(schema, actor, fields, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  const { agenda } = readMeetingTools(doc);
  if (agenda.length >= LIMITS.agendaItems) return fail('invalid-input', 'the agenda is full');
  const itemId = commit(doc, origin, () => {
    const items = topMap(doc, 'agenda');
    const plan = planOrder(agenda, input.index ?? agenda.length);
    applyRenumber(items, plan);
    const id = newId() as AgendaItemId;
    const item = attachMap(items, id);
    item.set('id', id);
    item.set('title', input.title);
    item.set('minutes', input.minutes);
    item.set('order', plan.order);
    item.set('done', false);
    return id;
  });
  return ok({ itemId });
}

/** Changes an item's title or planned minutes. */
export function updateAgendaItem(
  doc: Y.Doc,
  actor: Actor,
  itemId: AgendaItemId,
  changes: AgendaItemFields,
  opts?: OpOptions,
): Result<void> {
  const schema = z.object({
    itemId: agendaItemId,
    changes: z.object({ title: z.optional(title), minutes: z.optional(minutes) }),
  });
  const op = prepare(schema, actor, { itemId, changes }, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  const item = findIn(doc, 'agenda', input.itemId, readAgendaItem);
  if (item === null) return fail('not-found', `agenda item ${input.itemId}`);
  commit(doc, origin, () => {
    if (input.changes.title !== undefined && item.record.title !== input.changes.title)
      item.map.set('title', input.changes.title);
    if (input.changes.minutes !== undefined && item.map.get('minutes') !== input.changes.minutes)
      item.map.set('minutes', input.changes.minutes);
  });
  return done;
}

/** Moves an item to `index` in the agenda. */
export function moveAgendaItem(
  doc: Y.Doc,
  actor: Actor,
  itemId: AgendaItemId,
  index: number,
  opts?: OpOptions,
): Result<void> {
  const schema = z.object({ itemId: agendaItemId, index: z.int().check(z.minimum(0)) });
  const op = prepare(schema, actor, { itemId, index }, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  const item = findIn(doc, 'agenda', input.itemId, readAgendaItem);
  if (item === null) return fail('not-found', `agenda item ${input.itemId}`);
  const others = readMeetingTools(doc).agenda.filter((other) => other.id !== input.itemId);
  const plan = planOrder(others, input.index);
  commit(doc, origin, () => {
    applyRenumber(topMap(doc, 'agenda'), plan);
    item.map.set('order', plan.order);
  });
  return done;
}

/**
 * Removes an item. If it was the current one, every reader sees nothing current and the timer
 * stopped (`readMeetingTools`); `facilitation` is not written, so a practitioner, who prepares
 * the agenda ([AC40]) but does not run it ([AC41]), can remove any item.
 */
export function removeAgendaItem(
  doc: Y.Doc,
  actor: Actor,
  itemId: AgendaItemId,
  opts?: OpOptions,
): Result<void> {
  const op = prepare(z.object({ itemId: agendaItemId }), actor, { itemId }, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  if (findIn(doc, 'agenda', input.itemId, readAgendaItem) === null)
    return fail('not-found', `agenda item ${input.itemId}`);
  commit(doc, origin, () => topMap(doc, 'agenda').delete(input.itemId));
  return done;
}

/** Ticks an item off (or back on) without moving the timer. */
export function setAgendaItemDone(
  doc: Y.Doc,
  actor: Actor,
  itemId: AgendaItemId,
  isDone: boolean,
  opts?: OpOptions,
): Result<void> {
  const op = prepare(
    z.object({ itemId: agendaItemId, done: z.boolean() }),
    actor,
    { itemId, done: isDone },
    opts,
  );
  if (!op.ok) return op;
  const { input, origin } = op.value;
  const item = findIn(doc, 'agenda', input.itemId, readAgendaItem);
  if (item === null) return fail('not-found', `agenda item ${input.itemId}`);
  if (item.map.get('done') !== input.done) commit(doc, origin, () => item.map.set('done', input.done));
  return done;
}

type RunFields = Partial<{
  currentItemId: AgendaItemId | null;
  runningSince: number | null;
  elapsedMs: number;
  wall: WallScreen;
}>;

/** Writes the fields of `facilitation` that differ (call inside a transaction). */
function writeRun(doc: Y.Doc, fields: RunFields): void {
  const run = topMap(doc, 'facilitation');
  for (const [key, value] of Object.entries(fields)) {
    if (run.get(key) !== value) run.set(key, value);
  }
}

const nowOf = (opts: OpOptions | undefined, fallback: number) =>
  Math.max(0, Math.round(opts?.now ?? fallback));

/**
 * Starts (or resumes) the timer on the current item; with nothing current, on the first item not done.
 * @example startTimer(doc, fay, { now: clock.now() })
 */
export function startTimer(doc: Y.Doc, actor: Actor, opts?: OpOptions): Result<void> {
  const op = prepare(z.object({}), actor, {}, opts);
  if (!op.ok) return op;
  const { agenda, facilitation } = readMeetingTools(doc);
  if (facilitation.runningSince !== null) return done;
  const current = facilitation.currentItemId ?? agenda.find((item) => !item.done)?.id ?? null;
  if (current === null) return fail('not-found', 'the agenda has no item to time');
  const now = nowOf(opts, op.value.now);
  commit(doc, op.value.origin, () =>
    writeRun(doc, {
      currentItemId: current,
      runningSince: now,
      elapsedMs: current === facilitation.currentItemId ? facilitation.elapsedMs : 0,
    }),
  );
  return done;
}

/** Pauses the timer, keeping the time spent so far on the current item. */
export function pauseTimer(doc: Y.Doc, actor: Actor, opts?: OpOptions): Result<void> {
  const op = prepare(z.object({}), actor, {}, opts);
  if (!op.ok) return op;
  const { facilitation } = readMeetingTools(doc);
  if (facilitation.runningSince === null) return done;
  const elapsedMs = Math.round(elapsedAt(facilitation, nowOf(opts, op.value.now)));
  commit(doc, op.value.origin, () => writeRun(doc, { runningSince: null, elapsedMs }));
  return done;
}

/**
 * Ticks off the current item and moves to the next one not done (the timer keeps running if it
 * ran); after the last item nothing is current.
 */
export function nextAgendaItem(doc: Y.Doc, actor: Actor, opts?: OpOptions): Result<void> {
  const op = prepare(z.object({}), actor, {}, opts);
  if (!op.ok) return op;
  const { agenda, facilitation } = readMeetingTools(doc);
  const at = agenda.findIndex((item) => item.id === facilitation.currentItemId);
  const next = agenda.find(
    (item, index) => index > at && !item.done && item.id !== facilitation.currentItemId,
  );
  const running = facilitation.runningSince !== null;
  const now = nowOf(opts, op.value.now);
  commit(doc, op.value.origin, () => {
    const current = at >= 0 ? findIn(doc, 'agenda', agenda[at]?.id ?? '', readAgendaItem) : null;
    if (current !== null && current.map.get('done') !== true) current.map.set('done', true);
    writeRun(doc, {
      currentItemId: next?.id ?? null,
      runningSince: running && next !== undefined ? now : null,
      elapsedMs: 0,
    });
  });
  return done;
}

/** Makes `itemId` the current item (null: none), paused at zero. */
export function setCurrentAgendaItem(
  doc: Y.Doc,
  actor: Actor,
  itemId: AgendaItemId | null,
  opts?: OpOptions,
): Result<void> {
  const op = prepare(z.object({ itemId: z.nullable(agendaItemId) }), actor, { itemId }, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  if (input.itemId !== null && findIn(doc, 'agenda', input.itemId, readAgendaItem) === null)
    return fail('not-found', `agenda item ${input.itemId}`);
  commit(doc, origin, () => writeRun(doc, { currentItemId: input.itemId, runningSince: null, elapsedMs: 0 }));
  return done;
}

/**
 * What the wall shows: the map, or the end-of-meeting summary.
 * @example showOnWall(doc, fay, 'summary')
 */
export function showOnWall(doc: Y.Doc, actor: Actor, screen: WallScreen, opts?: OpOptions): Result<void> {
  const op = prepare(z.object({ screen: z.enum(WALL_SCREENS) }), actor, { screen }, opts);
  if (!op.ok) return op;
  commit(doc, op.value.origin, () => writeRun(doc, { wall: op.value.input.screen }));
  return done;
}

/** Adds a thing to come back to, in the sender's own words. */
export function addParkingItem(
  doc: Y.Doc,
  actor: Actor,
  text: string,
  opts?: OpOptions,
): Result<{ itemId: ParkingItemId }> {
  const op = prepare(z.object({ text: parkingText }), actor, { text }, opts);
  if (!op.ok) return op;
  const { input, origin, now } = op.value;
  if (readMeetingTools(doc).parkingLot.length >= LIMITS.parkingItems)
    return fail('invalid-input', 'the parking lot is full');
  const itemId = commit(doc, origin, () => {
    const id = newId() as ParkingItemId;
    const item = attachMap(topMap(doc, 'parkingLot'), id);
    item.set('id', id);
    item.set('text', input.text);
    item.set('authorId', op.value.actor.participantId);
    item.set('authorRole', op.value.actor.role);
    item.set('createdAt', now);
    item.set('resolved', false);
    return id;
  });
  return ok({ itemId });
}

/** Marks a parking-lot item dealt with (or not). */
export function resolveParkingItem(
  doc: Y.Doc,
  actor: Actor,
  itemId: ParkingItemId,
  resolved: boolean,
  opts?: OpOptions,
): Result<void> {
  const schema = z.object({ itemId: parkingItemId, resolved: z.boolean() });
  const op = prepare(schema, actor, { itemId, resolved }, opts);
  if (!op.ok) return op;
  const item = findIn(doc, 'parkingLot', op.value.input.itemId, readParkingItem);
  if (item === null) return fail('not-found', `parking item ${op.value.input.itemId}`);
  if (item.map.get('resolved') !== op.value.input.resolved)
    commit(doc, op.value.origin, () => item.map.set('resolved', op.value.input.resolved));
  return done;
}

/** Removes a parking-lot item (its author withdrawing it, or staff once it is a card). */
export function removeParkingItem(
  doc: Y.Doc,
  actor: Actor,
  itemId: ParkingItemId,
  opts?: OpOptions,
): Result<void> {
  const op = prepare(z.object({ itemId: parkingItemId }), actor, { itemId }, opts);
  if (!op.ok) return op;
  if (findIn(doc, 'parkingLot', op.value.input.itemId, readParkingItem) === null)
    return fail('not-found', `parking item ${op.value.input.itemId}`);
  commit(doc, op.value.origin, () => topMap(doc, 'parkingLot').delete(op.value.input.itemId));
  return done;
}
