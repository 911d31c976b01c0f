import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardReader } from '../doc/boardReader.js';
import { checkBoardState } from '../doc/boardStateSchema.js';
import { asParticipantId, asPersonId, OVERALL_SCALE_ID } from '../doc/ids.js';
import { readBoard, readBoardWithRepairs } from '../doc/read.js';
import type { Actor } from '../doc/types.js';
import { diffBoards } from '../history/versionDiff.js';
import {
  clearRecordedRating,
  markScored,
  rate,
  recordRating,
  revealInto,
  setScaleMode,
} from '../scales/scales.js';
import { expectUnchanged, newBoard, parent, practitioner, unwrap } from '../test-support.js';
import { addPerson, removePerson, updatePerson } from './people.js';

// Issue 14: the children of the case (and others scored without a device), and scores recorded
// for them by staff ("recorded by … for …", docs/SPEC.md [AC46], [AC47]).

const fay: Actor = { participantId: asParticipantId('fay'), role: 'facilitator' };
const overall = OVERALL_SCALE_ID;

describe('the people of the case', () => {
  it('adds children in order, a child unless said otherwise, with a trimmed name and an age', () => {
    const doc = newBoard();
    const jo = unwrap(addPerson(doc, practitioner, { name: '  Jo ', age: 9 })).personId;
    const gran = unwrap(addPerson(doc, practitioner, { name: 'Gran', kind: 'adult' })).personId;
    const { people } = readBoard(doc);
    expect(people[jo]).toEqual({ id: jo, name: 'Jo', kind: 'child', age: 9, order: 0, participantId: null });
    expect(people[gran]).toEqual({
      id: gran,
      name: 'Gran',
      kind: 'adult',
      age: null,
      order: 1,
      participantId: null,
    });
  });

  it('refuses a blank or over-long name, an age that is not a whole number 0–120, an unknown kind', () => {
    const doc = newBoard();
    for (const fields of [
      { name: '   ' },
      { name: 'x'.repeat(201) },
      { name: 'Jo', age: 9.5 },
      { name: 'Jo', age: -1 },
      { name: 'Jo', age: 121 },
      { name: 'Jo', kind: 'pet' },
      { age: 3 },
    ]) {
      expect(expectUnchanged(doc, () => addPerson(doc, practitioner, fields as never))).toMatchObject({
        ok: false,
        reason: 'invalid-input',
      });
    }
  });

  it('changes only the given details and writes nothing when nothing changes', () => {
    const doc = newBoard();
    const jo = unwrap(addPerson(doc, practitioner, { name: 'Jo', age: 9 })).personId;
    unwrap(updatePerson(doc, practitioner, jo, { age: 10 }));
    expect(readBoard(doc).people[jo]).toMatchObject({ name: 'Jo', age: 10, kind: 'child' });
    expect(expectUnchanged(doc, () => updatePerson(doc, practitioner, jo, { name: 'Jo' })).ok).toBe(true);
    expect(updatePerson(doc, practitioner, asPersonId('gone'), { age: 1 })).toMatchObject({
      reason: 'not-found',
    });
  });

  it('removes a person together with every score recorded for them', () => {
    const doc = newBoard();
    const jo = unwrap(addPerson(doc, practitioner, { name: 'Jo' })).personId;
    unwrap(recordRating(doc, practitioner, overall, jo, { value: 3, reason: 'I miss my dad' }));
    unwrap(rate(doc, parent, overall, { value: 6 }));
    unwrap(removePerson(doc, practitioner, jo));
    const board = readBoard(doc);
    expect(board.people).toEqual({});
    expect(Object.keys(board.scales[overall]?.ratings ?? {})).toEqual([parent.participantId]);
  });

  it('reads a malformed person with safe defaults and reports each repair', () => {
    const doc = newBoard();
    const map = new Y.Map<unknown>();
    doc.getMap('people').set('p1', map);
    map.set('id', 'p1');
    map.set('name', 42);
    map.set('kind', 'robot');
    map.set('age', 7.5);
    map.set('order', 'first');
    map.set('participantId', 'not an id!');
    const { state, repairs } = readBoardWithRepairs(doc);
    expect(state.people.p1).toEqual({
      id: 'p1',
      name: '',
      kind: 'adult',
      age: null,
      order: Number.MAX_SAFE_INTEGER,
      participantId: null,
    });
    expect(
      repairs
        .filter((r) => r.part === 'people')
        .map((r) => r.field)
        .sort(),
    ).toEqual(['age', 'kind', 'name', 'order', 'participantId']);
  });

  it('reads the same through the incremental reader, keeping unchanged people as the same objects', () => {
    const doc = newBoard();
    const reader = createBoardReader(doc);
    const jo = unwrap(addPerson(doc, practitioner, { name: 'Jo', age: 9 })).personId;
    const first = reader.read().state;
    expect(first.people).toEqual(readBoard(doc).people);
    unwrap(addPerson(doc, practitioner, { name: 'Sam', age: 4 }));
    const second = reader.read().state;
    expect(second.people[jo]).toBe(first.people[jo]);
    expect(Object.keys(second.people)).toHaveLength(2);
    reader.destroy();
  });

  it('is part of a version: compared, and checked on import', () => {
    const doc = newBoard();
    const before = readBoard(doc);
    const jo = unwrap(addPerson(doc, practitioner, { name: 'Jo', age: 9 })).personId;
    const after = readBoard(doc);
    expect(diffBoards(before, after).people.added.map((p) => p.id)).toEqual([jo]);
    expect(checkBoardState(after).ok).toBe(true);
  });
});

describe('scores recorded for someone without a device', () => {
  it('records a score under the person, in the recorder’s name, and withdraws it', () => {
    const doc = newBoard();
    const jo = unwrap(addPerson(doc, practitioner, { name: 'Jo' })).personId;
    unwrap(
      recordRating(doc, practitioner, overall, jo, { value: 2, reason: 'I am scared at night' }, { now: 5 }),
    );
    expect(readBoard(doc).scales[overall]?.ratings[jo]).toEqual({
      value: 2,
      reason: 'I am scared at night',
      at: 5,
      recordedBy: practitioner.participantId,
    });
    unwrap(clearRecordedRating(doc, practitioner, overall, jo));
    expect(readBoard(doc).scales[overall]?.ratings[jo]).toBeUndefined();
  });

  it('refuses a person who is not on the board, and a scale collecting privately', () => {
    const doc = newBoard();
    expect(
      expectUnchanged(doc, () => recordRating(doc, practitioner, overall, asPersonId('gone'), { value: 1 })),
    ).toMatchObject({ reason: 'not-found' });
    const jo = unwrap(addPerson(doc, practitioner, { name: 'Jo' })).personId;
    unwrap(setScaleMode(doc, fay, overall, 'private'));
    expect(
      expectUnchanged(doc, () => recordRating(doc, practitioner, overall, jo, { value: 1 })),
    ).toMatchObject({ reason: 'wrong-mode' });
  });

  it('is collected privately like anyone’s score and revealed with who recorded it', () => {
    const doc = newBoard();
    const jo = unwrap(addPerson(doc, practitioner, { name: 'Jo' })).personId;
    unwrap(setScaleMode(doc, fay, overall, 'private'));
    unwrap(markScored(doc, practitioner, overall, undefined, jo));
    expect(readBoard(doc).scales[overall]?.scored).toEqual([jo]);
    const at = 9;
    const revealed = unwrap(
      revealInto(doc, fay, overall, {
        [jo]: { value: 4, reason: '', at, recordedBy: practitioner.participantId },
      }),
    ).revealed;
    expect(revealed).toEqual([jo]);
    expect(readBoard(doc).scales[overall]?.ratings[jo]).toEqual({
      value: 4,
      reason: '',
      at,
      recordedBy: practitioner.participantId,
    });
  });

  it('drops a malformed recordedBy when reading, keeping the score', () => {
    const doc = newBoard();
    const scale = doc.getMap('scales').get(overall) as Y.Map<unknown>;
    const ratings = new Y.Map<unknown>();
    scale.set('ratings', ratings);
    ratings.set('p1', { value: 5, reason: '', at: 1, recordedBy: { not: 'an id' } });
    const { state, repairs } = readBoardWithRepairs(doc);
    expect(state.scales[overall]?.ratings.p1).toEqual({ value: 5, reason: '', at: 1 });
    expect(repairs).toContainEqual(expect.objectContaining({ part: 'scales', field: 'ratings.recordedBy' }));
  });
});

describe('restoring a version brings its people and recorded scores back', () => {
  it('writes the people and the recorded score of the version, removing later ones', async () => {
    const { writeBoardState } = await import('../history/restoreWrites.js');
    const doc = newBoard();
    const jo = unwrap(addPerson(doc, practitioner, { name: 'Jo', age: 9 })).personId;
    unwrap(recordRating(doc, practitioner, overall, jo, { value: 2 }, { now: 7 }));
    const version = readBoard(doc);
    unwrap(removePerson(doc, practitioner, jo));
    unwrap(addPerson(doc, practitioner, { name: 'Later' }));
    doc.transact(() => writeBoardState(doc, version, 100));
    const restored = readBoard(doc);
    expect(restored.people).toEqual(version.people);
    expect(restored.scales[overall]?.ratings[jo]).toEqual({
      value: 2,
      reason: '',
      at: 7,
      recordedBy: practitioner.participantId,
    });
  });
});

describe('taking over a written-down score after joining (issue 14, [AC48])', () => {
  it('makes the score the linked participant’s own, and the written-down one goes', async () => {
    const { takeOverRecordedRating } = await import('../scales/scales.js');
    const doc = newBoard();
    const jo = unwrap(addPerson(doc, practitioner, { name: 'Jo', age: 15 })).personId;
    unwrap(
      recordRating(doc, practitioner, overall, jo, { value: 4, reason: 'Better since Nain' }, { now: 3 }),
    );
    // Before staff link Jo to a participant, nobody can take it over.
    const joDevice: Actor = { participantId: asParticipantId('jo-phone'), role: 'family' };
    expect(expectUnchanged(doc, () => takeOverRecordedRating(doc, joDevice, overall, jo))).toMatchObject({
      ok: false,
      reason: 'invalid-input',
    });
    unwrap(updatePerson(doc, practitioner, jo, { participantId: joDevice.participantId }));
    expect(readBoard(doc).people[jo]?.participantId).toBe('jo-phone');
    expect(expectUnchanged(doc, () => takeOverRecordedRating(doc, parent, overall, jo)).ok).toBe(false);
    unwrap(takeOverRecordedRating(doc, joDevice, overall, jo, { now: 9 }));
    const ratings = readBoard(doc).scales[overall]?.ratings ?? {};
    expect(ratings[jo]).toBeUndefined();
    expect(ratings['jo-phone']).toEqual({ value: 4, reason: 'Better since Nain', at: 9 });
  });
});
