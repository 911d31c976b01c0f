import {
  type Actor,
  addAgendaItem,
  addParkingItem,
  asParticipantId,
  initBoard,
  MEETING_TOOL_LIMITS,
  nextAgendaItem,
  type PermissionVerdict,
  removeAgendaItem,
  removeParkingItem,
  resolveParkingItem,
  showOnWall,
  startTimer,
} from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { memberAccess } from '../testing/harness.js';
import { createUpdateGuard } from './updateGuard.js';

// Issue 13, meeting tools: the agenda, its timer, the parking lot and the wall's screen, as real
// Y updates from a client copy, every role, hostile values included ([AC40]–[AC45], [AC19]).

const fay: Actor = { participantId: asParticipantId('fay'), role: 'facilitator' };
const sam: Actor = { participantId: asParticipantId('sam'), role: 'practitioner' };
const mum: Actor = { participantId: asParticipantId('mum'), role: 'family' };
const gran: Actor = { participantId: asParticipantId('gran'), role: 'network' };

type AnyMap = Y.Map<unknown>;

function meetingBoard() {
  const board = new Y.Doc();
  initBoard(board, { title: 'Review', createdAt: 1 });
  const item = addAgendaItem(board, fay, { title: 'Welcome', minutes: 5 });
  const parked = addParkingItem(board, gran, 'Ask about the school run');
  if (!item.ok || !parked.ok) throw new Error('setup failed');
  return { board, itemId: item.value.itemId, parkedId: parked.value.itemId };
}

function attempt(board: Y.Doc, who: Actor, op: (doc: Y.Doc) => void): PermissionVerdict {
  const guard = createUpdateGuard(board);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(board));
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  client.transact(() => op(client));
  const verdict = guard.check(Y.mergeUpdates(updates), memberAccess('c1', who.role, who.participantId));
  guard.destroy();
  return verdict;
}

const agendaItem = (doc: Y.Doc, id: string) => doc.getMap<unknown>('agenda').get(id) as AnyMap;
const parkingItem = (doc: Y.Doc, id: string) => doc.getMap<unknown>('parkingLot').get(id) as AnyMap;

/** A parking item written by hand, as a hostile client can. */
function rawParking(doc: Y.Doc, key: string, fields: Record<string, unknown>) {
  const map = new Y.Map<unknown>();
  doc.getMap('parkingLot').set(key, map);
  const base = { id: key, text: 'hi', authorId: 'mum', authorRole: 'family', createdAt: 1, resolved: false };
  for (const [field, value] of Object.entries({ ...base, ...fields }))
    if (value !== undefined) map.set(field, value);
}

describe('[AC41] running the agenda', () => {
  it('lets the facilitator start the timer and move on, and refuses everyone else', () => {
    const { board } = meetingBoard();
    expect(attempt(board, fay, (doc) => startTimer(doc, fay, { now: 1_000 }))).toEqual({ ok: true });
    for (const who of [sam, mum, gran]) {
      expect(attempt(board, who, (doc) => startTimer(doc, who, { now: 1_000 }))).toMatchObject({
        ok: false,
        rule: 'AC41',
      });
      expect(attempt(board, who, (doc) => nextAgendaItem(doc, who))).toMatchObject({
        ok: false,
        rule: 'AC41',
      });
      expect(attempt(board, who, (doc) => showOnWall(doc, who, 'summary'))).toMatchObject({
        ok: false,
        rule: 'AC41',
      });
    }
  });

  it('refuses timer values of the wrong type or range, even from the facilitator', () => {
    const { board } = meetingBoard();
    const set = (key: string, value: unknown) => (doc: Y.Doc) => doc.getMap('facilitation').set(key, value);
    for (const [key, value] of [
      ['runningSince', 'now'],
      ['runningSince', -1],
      ['runningSince', Number.POSITIVE_INFINITY],
      ['elapsedMs', 1.5],
      ['elapsedMs', MEETING_TOOL_LIMITS.elapsedMs + 1],
      ['currentItemId', '__proto__'],
      ['currentItemId', 42],
      ['wall', 'everything'],
      ['colour', 'red'],
    ] as const) {
      expect(attempt(board, fay, set(key, value)), `${key}=${String(value)}`).toMatchObject({
        ok: false,
        rule: 'AC19',
      });
    }
    expect(
      attempt(board, fay, (doc) => doc.getMap('facilitation').set('runningSince', new Y.Map())),
    ).toMatchObject({ ok: false, rule: 'AC19' });
  });
});

describe('[AC40] the agenda', () => {
  it('lets staff add items and refuses family and network', () => {
    const { board, itemId } = meetingBoard();
    expect(attempt(board, sam, (doc) => addAgendaItem(doc, sam, { title: 'Plan', minutes: 10 }))).toEqual({
      ok: true,
    });
    expect(
      attempt(board, mum, (doc) => addAgendaItem(doc, mum, { title: 'Plan', minutes: 10 })),
    ).toMatchObject({
      ok: false,
      rule: 'AC40',
    });
    expect(attempt(board, gran, (doc) => agendaItem(doc, itemId).set('title', 'Mine now'))).toMatchObject({
      ok: false,
      rule: 'AC40',
    });
    expect(attempt(board, mum, (doc) => doc.getMap('agenda').delete(itemId))).toMatchObject({
      ok: false,
      rule: 'AC40',
    });
  });

  it('refuses hostile agenda items: huge titles, bad minutes, unknown fields, nested types, too many', () => {
    const { board, itemId } = meetingBoard();
    const bad: [string, unknown][] = [
      ['title', 'x'.repeat(MEETING_TOOL_LIMITS.agendaTitle + 1)],
      ['title', 7],
      ['minutes', 0],
      ['minutes', 601],
      ['minutes', 2.5],
      ['minutes', '10'],
      ['done', 'yes'],
      ['order', Number.NaN],
      ['nested', new Y.Map()],
    ];
    for (const [field, value] of bad) {
      expect(
        attempt(board, fay, (doc) => agendaItem(doc, itemId).set(field, value)),
        field,
      ).toMatchObject({
        ok: false,
        rule: 'AC19',
      });
    }
    expect(
      attempt(board, fay, (doc) => {
        for (let i = 0; i < MEETING_TOOL_LIMITS.agendaItems; i++) {
          const item = new Y.Map<unknown>();
          doc.getMap('agenda').set(`extra${i}`, item);
          for (const [k, v] of Object.entries({
            id: `extra${i}`,
            title: 't',
            minutes: 1,
            order: i,
            done: false,
          }))
            item.set(k, v);
        }
      }),
    ).toMatchObject({ ok: false, rule: 'AC19' });
    expect(attempt(board, fay, (doc) => doc.getMap('agenda').set('plain', { id: 'plain' }))).toMatchObject({
      ok: false,
      rule: 'AC19',
    });
  });
});

describe('[AC42]–[AC45] the parking lot', () => {
  it('lets a family member add in their own name and withdraw their own item', () => {
    const { board } = meetingBoard();
    expect(attempt(board, mum, (doc) => addParkingItem(doc, mum, 'When can we see the report?'))).toEqual({
      ok: true,
    });
    const withMine = meetingBoard();
    const mine = addParkingItem(withMine.board, mum, 'Mine');
    if (!mine.ok) throw new Error('setup');
    expect(attempt(withMine.board, mum, (doc) => removeParkingItem(doc, mum, mine.value.itemId))).toEqual({
      ok: true,
    });
  });

  it("refuses an item in someone else's name, another person's item changed or removed, a forged author", () => {
    const { board, parkedId } = meetingBoard();
    expect(
      attempt(board, mum, (doc) => rawParking(doc, 'p2', { authorId: 'fay', authorRole: 'facilitator' })),
    ).toMatchObject({ ok: false, rule: 'AC42' });
    expect(attempt(board, mum, (doc) => parkingItem(doc, parkedId).set('text', 'changed'))).toMatchObject({
      ok: false,
      rule: 'AC44',
    });
    expect(attempt(board, mum, (doc) => removeParkingItem(doc, mum, parkedId))).toMatchObject({
      ok: false,
      rule: 'AC44',
    });
    expect(attempt(board, mum, (doc) => resolveParkingItem(doc, mum, parkedId, true))).toMatchObject({
      ok: false,
      rule: 'AC44',
    });
    // Claiming the item first does not make it one's own: the author before the update counts.
    expect(
      attempt(board, mum, (doc) => {
        parkingItem(doc, parkedId).set('authorId', 'mum');
        parkingItem(doc, parkedId).set('text', 'mine now');
      }),
    ).toMatchObject({ ok: false });
    expect(attempt(board, fay, (doc) => parkingItem(doc, parkedId).set('authorId', 'fay'))).toMatchObject({
      ok: false,
      rule: 'AC45',
    });
    expect(attempt(board, sam, (doc) => resolveParkingItem(doc, sam, parkedId, true))).toEqual({ ok: true });
  });

  it('refuses hostile parking items: huge text, wrong types, unknown fields, too many, from staff too', () => {
    const { board } = meetingBoard();
    for (const fields of [
      { text: 'x'.repeat(MEETING_TOOL_LIMITS.parkingText + 1) },
      { text: new Y.Text('embedded') },
      { text: 12 },
      { resolved: 'no' },
      { createdAt: 'today' },
      { authorRole: 'king' },
      { secret: 'field' },
      { id: 'other' },
    ]) {
      expect(
        attempt(board, mum, (doc) => rawParking(doc, 'p2', fields)),
        JSON.stringify(Object.keys(fields)),
      ).toMatchObject({ ok: false, rule: 'AC19' });
    }
    expect(
      attempt(board, fay, (doc) => {
        for (let i = 0; i < MEETING_TOOL_LIMITS.parkingItems; i++)
          rawParking(doc, `many${i}`, { authorId: 'fay', authorRole: 'facilitator' });
      }),
    ).toMatchObject({ ok: false, rule: 'AC19' });
  });

  it('keeps a locked board closed to family additions', () => {
    const { board } = meetingBoard();
    board.getMap('meta').set('locked', true);
    expect(attempt(board, mum, (doc) => addParkingItem(doc, mum, 'Later'))).toMatchObject({
      ok: false,
      rule: 'AC11',
    });
  });
});

describe('[AC40] a practitioner removes the item that is running', () => {
  it('is allowed: removing an item never writes the timer, and every reader sees nothing current', () => {
    const { board, itemId } = meetingBoard();
    startTimer(board, fay, { now: 1_000 });
    expect(attempt(board, sam, (doc) => removeAgendaItem(doc, sam, itemId))).toEqual({ ok: true });
  });
});
