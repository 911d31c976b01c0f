import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAndClassify } from '../cards/changes.js';
import { initBoard } from '../doc/board.js';
import { asParticipantId } from '../doc/ids.js';
import type { Repair } from '../doc/repairs.js';
import type { Actor } from '../doc/types.js';
import {
  addAgendaItem,
  addParkingItem,
  moveAgendaItem,
  nextAgendaItem,
  pauseTimer,
  removeAgendaItem,
  removeParkingItem,
  resolveParkingItem,
  setCurrentAgendaItem,
  showOnWall,
  startTimer,
  updateAgendaItem,
} from './meetingOps.js';
import { readMeetingTools } from './meetingRecords.js';
import { formatDuration, timerReading } from './meetingTimer.js';
import { MEETING_TOOL_LIMITS } from './meetingTypes.js';

const fay: Actor = { participantId: asParticipantId('fay'), role: 'facilitator' };
const mum: Actor = { participantId: asParticipantId('mum'), role: 'family' };

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Review', createdAt: 1 });
  return doc;
}

function must<T>(result: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

function agendaOf(doc: Y.Doc, titles: readonly [string, number][]) {
  return titles.map(([title, minutes]) => must(addAgendaItem(doc, fay, { title, minutes })).itemId);
}

describe('the agenda', () => {
  it('keeps items in the order they were added, moved and removed', () => {
    const doc = board();
    const [welcome, worries, plan] = agendaOf(doc, [
      ['Welcome', 5],
      ['Worries', 20],
      ['Plan', 15],
    ]);
    must(moveAgendaItem(doc, fay, plan as never, 0));
    must(updateAgendaItem(doc, fay, worries as never, { title: 'What we are worried about', minutes: 25 }));
    expect(readMeetingTools(doc).agenda.map((item) => [item.id, item.title, item.minutes])).toEqual([
      [plan, 'Plan', 15],
      [welcome, 'Welcome', 5],
      [worries, 'What we are worried about', 25],
    ]);
    must(removeAgendaItem(doc, fay, welcome as never));
    expect(readMeetingTools(doc).agenda.map((item) => item.id)).toEqual([plan, worries]);
  });

  it('refuses a blank title, minutes out of range and a full agenda', () => {
    const doc = board();
    expect(addAgendaItem(doc, fay, { title: '  ', minutes: 5 })).toMatchObject({ ok: false });
    expect(addAgendaItem(doc, fay, { title: 'A', minutes: 0 })).toMatchObject({ ok: false });
    expect(addAgendaItem(doc, fay, { title: 'A', minutes: 601 })).toMatchObject({ ok: false });
    expect(addAgendaItem(doc, fay, { title: 'x'.repeat(201), minutes: 5 })).toMatchObject({ ok: false });
    for (let i = 0; i < MEETING_TOOL_LIMITS.agendaItems; i++)
      must(addAgendaItem(doc, fay, { title: `${i}`, minutes: 1 }));
    expect(addAgendaItem(doc, fay, { title: 'one more', minutes: 1 })).toMatchObject({
      ok: false,
      detail: 'the agenda is full',
    });
  });
});

describe('the timer', () => {
  it('starts on the first item, pauses keeping the time spent, resumes and moves on', () => {
    const doc = board();
    const [welcome, worries] = agendaOf(doc, [
      ['Welcome', 5],
      ['Worries', 20],
    ]);
    must(startTimer(doc, fay, { now: 1_000_000 }));
    let tools = readMeetingTools(doc);
    expect(tools.facilitation).toMatchObject({
      currentItemId: welcome,
      runningSince: 1_000_000,
      elapsedMs: 0,
    });
    expect(timerReading(tools.facilitation, tools.agenda, 1_060_000)).toMatchObject({
      running: true,
      elapsedMs: 60_000,
      remainingMs: 240_000,
    });
    must(pauseTimer(doc, fay, { now: 1_090_000 }));
    tools = readMeetingTools(doc);
    expect(tools.facilitation).toMatchObject({ runningSince: null, elapsedMs: 90_000 });
    // Paused: the clock moving on does not spend time.
    expect(timerReading(tools.facilitation, tools.agenda, 9_999_999).remainingMs).toBe(210_000);
    must(startTimer(doc, fay, { now: 2_000_000 }));
    tools = readMeetingTools(doc);
    expect(timerReading(tools.facilitation, tools.agenda, 2_010_000).elapsedMs).toBe(100_000);
    must(nextAgendaItem(doc, fay, { now: 2_020_000 }));
    tools = readMeetingTools(doc);
    expect(tools.agenda.map((item) => item.done)).toEqual([true, false]);
    expect(tools.facilitation).toMatchObject({
      currentItemId: worries,
      runningSince: 2_020_000,
      elapsedMs: 0,
    });
    must(nextAgendaItem(doc, fay, { now: 2_030_000 }));
    expect(readMeetingTools(doc).facilitation).toMatchObject({ currentItemId: null, runningSince: null });
  });

  it('shows overtime as negative remaining time and never counts time before the start', () => {
    const doc = board();
    agendaOf(doc, [['Welcome', 1]]);
    must(startTimer(doc, fay, { now: 100_000 }));
    const { facilitation, agenda } = readMeetingTools(doc);
    expect(timerReading(facilitation, agenda, 190_000).remainingMs).toBe(-30_000);
    // A reader whose clock is behind the writer's: no negative time spent.
    expect(timerReading(facilitation, agenda, 50_000)).toMatchObject({ elapsedMs: 0, remainingMs: 60_000 });
    expect(formatDuration(-30_000)).toBe('0:30');
    expect(formatDuration(61_500)).toBe('1:02');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('stops when the current item is removed, and can be pointed at any item', () => {
    const doc = board();
    const [welcome, worries] = agendaOf(doc, [
      ['Welcome', 5],
      ['Worries', 20],
    ]);
    must(setCurrentAgendaItem(doc, fay, worries as never));
    expect(readMeetingTools(doc).facilitation.currentItemId).toBe(worries);
    must(startTimer(doc, fay, { now: 5 }));
    must(removeAgendaItem(doc, fay, worries as never));
    expect(readMeetingTools(doc).facilitation).toMatchObject({ currentItemId: null, runningSince: null });
    expect(setCurrentAgendaItem(doc, fay, 'nope' as never)).toMatchObject({ ok: false, reason: 'not-found' });
    expect(welcome).toBeTruthy();
  });

  it('puts the summary on the wall and back', () => {
    const doc = board();
    expect(readMeetingTools(doc).facilitation.wall).toBe('map');
    must(showOnWall(doc, fay, 'summary'));
    expect(readMeetingTools(doc).facilitation.wall).toBe('summary');
    expect(showOnWall(doc, fay, 'party' as never)).toMatchObject({ ok: false });
  });
});

describe('the parking lot', () => {
  it("keeps each item in its author's words and name, oldest first", () => {
    const doc = board();
    const first = must(addParkingItem(doc, mum, 'Ask about school transport', { now: 10 })).itemId;
    const second = must(addParkingItem(doc, fay, 'Contact the GP', { now: 20 })).itemId;
    must(resolveParkingItem(doc, fay, second, true));
    expect(readMeetingTools(doc).parkingLot).toEqual([
      {
        id: first,
        text: 'Ask about school transport',
        authorId: 'mum',
        authorRole: 'family',
        createdAt: 10,
        resolved: false,
      },
      {
        id: second,
        text: 'Contact the GP',
        authorId: 'fay',
        authorRole: 'facilitator',
        createdAt: 20,
        resolved: true,
      },
    ]);
    must(removeParkingItem(doc, mum, first));
    expect(readMeetingTools(doc).parkingLot.map((item) => item.id)).toEqual([second]);
    expect(addParkingItem(doc, mum, 'x'.repeat(2001))).toMatchObject({ ok: false });
    expect(addParkingItem(doc, mum, '\uD800')).toMatchObject({ ok: false });
  });
});

describe('reading damaged meeting records', () => {
  it('repairs each damaged field and reports it by id and field', () => {
    const doc = board();
    doc.transact(() => {
      const item = new Y.Map<unknown>();
      doc.getMap('agenda').set('a1', item);
      item.set('id', 'a1');
      item.set('title', 42);
      item.set('minutes', 9999);
      item.set('order', 'first');
      item.set('done', 'yes');
      doc.getMap('agenda').set('not an id', new Y.Map());
      doc.getMap('parkingLot').set('p1', 'not a record');
      const run = doc.getMap('facilitation');
      run.set('currentItemId', 'a1');
      run.set('runningSince', -5);
      run.set('elapsedMs', Number.NaN);
      run.set('wall', 'disco');
    });
    const repairs: Repair[] = [];
    const tools = readMeetingTools(doc, (repair) => repairs.push(repair));
    expect(tools.agenda).toEqual([
      { id: 'a1', title: '', minutes: 600, order: Number.MAX_SAFE_INTEGER, done: false },
    ]);
    expect(tools.parkingLot).toEqual([]);
    expect(tools.facilitation).toEqual({
      currentItemId: 'a1',
      runningSince: null,
      elapsedMs: 0,
      wall: 'map',
    });
    expect(repairs.map((r) => `${r.part} ${r.id} ${r.field} ${r.action}`).sort()).toEqual(
      [
        'agenda a1 done defaulted',
        'agenda a1 minutes defaulted',
        'agenda a1 order defaulted',
        'agenda a1 title defaulted',
        'agenda null key dropped',
        'facilitation null elapsedMs defaulted',
        'facilitation null runningSince defaulted',
        'facilitation null wall defaulted',
        'parkingLot p1 record dropped',
      ].sort(),
    );
  });
});

describe('classifying meeting updates', () => {
  function classify(doc: Y.Doc, op: (client: Y.Doc) => void) {
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    op(client);
    return applyAndClassify(doc, Y.mergeUpdates(updates));
  }

  it('names agenda, timer and parking changes, with the parking item’s author', () => {
    const doc = board();
    const { changes } = classify(doc, (client) => {
      must(addAgendaItem(client, fay, { title: 'Welcome', minutes: 5 }));
      must(startTimer(client, fay, { now: 1 }));
      must(addParkingItem(client, mum, 'Later'));
    });
    expect(changes.map((change) => change.kind).sort()).toEqual(
      [
        'agenda-added',
        'facilitation-field',
        'facilitation-field',
        'facilitation-field',
        'parking-added',
      ].sort(),
    );
    expect(changes.find((change) => change.kind === 'parking-added')).toMatchObject({
      authorId: 'mum',
      authorRole: 'family',
    });
  });

  it('reports the value rules the meeting records break', () => {
    const doc = board();
    const { layoutProblems } = classify(doc, (client) => {
      client.transact(() => {
        const item = new Y.Map<unknown>();
        client.getMap('agenda').set('a1', item);
        item.set('id', 'a1');
        item.set('title', 'ok');
        item.set('minutes', 2.5);
        item.set('order', 0);
        item.set('done', false);
        client.getMap('facilitation').set('elapsedMs', -1);
      });
    });
    expect(layoutProblems.map((p) => p.path.join('.')).sort()).toEqual([
      'agenda.a1.minutes',
      'facilitation.elapsedMs',
    ]);
  });
});
