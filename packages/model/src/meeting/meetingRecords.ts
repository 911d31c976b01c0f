import type * as Y from 'yjs';
import { readTopMap } from '../doc/docMaps.js';
import { isId } from '../doc/ids.js';
import { compareOrdered } from '../doc/order.js';
import { REPAIRED_ORDER, readAll, UNKNOWN_AUTHOR } from '../doc/records.js';
import { fieldReader, fieldSource, ignoreRepairs, type RepairSink } from '../doc/repairs.js';
import { ROLES } from '../doc/types.js';
import {
  type AgendaItemId,
  type AgendaItemState,
  type FacilitationState,
  MEETING_TOOL_LIMITS as LIMITS,
  type MeetingToolsState,
  type ParkingItemId,
  type ParkingItemState,
  WALL_SCREENS,
} from './meetingTypes.js';

/**
 * Reading the meeting tools, with the repairs of docs/PROTOCOL.md "How readers repair": a damaged
 * field reads as a safe default and is reported; an entry that cannot be a record is left out.
 */

function guardedRead<T>(read: () => T | null): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

export function readAgendaItem(
  value: unknown,
  key: string,
  sink: RepairSink = ignoreRepairs,
): AgendaItemState | null {
  const record = guardedRead(() => {
    const get = fieldSource(value);
    if (get === null) return null;
    const f = fieldReader(get, 'agenda', key, sink);
    const stored = f.number('minutes', 10);
    const minutes = Math.min(LIMITS.agendaMinutes, Math.max(1, Math.round(stored)));
    if (minutes !== stored) f.report('minutes');
    return {
      id: f.ownId<AgendaItemId>(key),
      title: f.text('title', LIMITS.agendaTitle),
      minutes,
      order: f.number('order', REPAIRED_ORDER),
      done: f.boolean('done', false),
    };
  });
  if (record === null)
    sink({ part: 'agenda', id: isId(key) ? key : null, field: 'record', action: 'dropped' });
  return record;
}

export function readParkingItem(
  value: unknown,
  key: string,
  sink: RepairSink = ignoreRepairs,
): ParkingItemState | null {
  const record = guardedRead(() => {
    const get = fieldSource(value);
    if (get === null) return null;
    const f = fieldReader(get, 'parkingLot', key, sink);
    return {
      id: f.ownId<ParkingItemId>(key),
      text: f.text('text', LIMITS.parkingText),
      authorId: f.id('authorId', UNKNOWN_AUTHOR),
      authorRole: f.oneOf('authorRole', ROLES, 'viewer'),
      createdAt: f.number('createdAt', 0),
      resolved: f.boolean('resolved', false),
    };
  });
  if (record === null)
    sink({ part: 'parkingLot', id: isId(key) ? key : null, field: 'record', action: 'dropped' });
  return record;
}

/** The running state; a damaged field reads as paused, nothing current, the map on the wall. */
export function readFacilitationFrom(
  map: Y.Map<unknown> | null,
  sink: RepairSink = ignoreRepairs,
): FacilitationState {
  const f = fieldReader((key) => map?.get(key), 'facilitation', null, sink);
  const current = map?.get('currentItemId') ?? null;
  const since = map?.get('runningSince') ?? null;
  const elapsed = map?.get('elapsedMs') ?? 0;
  const validSince = since === null || (typeof since === 'number' && Number.isFinite(since) && since >= 0);
  const validElapsed =
    typeof elapsed === 'number' && Number.isFinite(elapsed) && elapsed >= 0 && elapsed <= LIMITS.elapsedMs;
  if (current !== null && !isId(current)) f.report('currentItemId');
  if (!validSince) f.report('runningSince');
  if (!validElapsed) f.report('elapsedMs');
  return {
    currentItemId: isId(current) ? (current as AgendaItemId) : null,
    runningSince: validSince ? (since as number | null) : null,
    elapsedMs: validElapsed ? elapsed : 0,
    wall: map?.get('wall') === undefined ? 'map' : f.oneOf('wall', WALL_SCREENS, 'map'),
  };
}

const byCreated = (a: ParkingItemState, b: ParkingItemState) =>
  a.createdAt !== b.createdAt ? a.createdAt - b.createdAt : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The meeting tools as every screen reads them. A current item that no longer exists reads as
 * none (it was removed while it ran).
 * @example const { agenda, facilitation } = readMeetingTools(doc);
 */
export function readMeetingTools(doc: Y.Doc, sink: RepairSink = ignoreRepairs): MeetingToolsState {
  const agenda = Object.values(readAll(doc, 'agenda', readAgendaItem, sink)).sort(compareOrdered);
  const parkingLot = Object.values(readAll(doc, 'parkingLot', readParkingItem, sink)).sort(byCreated);
  const stored = readFacilitationFrom(readTopMap(doc, 'facilitation'), sink);
  const exists = agenda.some((item) => item.id === stored.currentItemId);
  const facilitation = exists ? stored : { ...stored, currentItemId: null, runningSince: null, elapsedMs: 0 };
  return { agenda, parkingLot, facilitation };
}
