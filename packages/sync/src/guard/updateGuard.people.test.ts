import {
  type Actor,
  addPerson,
  asParticipantId,
  initBoard,
  LIMITS,
  OVERALL_SCALE_ID,
  type PermissionVerdict,
  rate,
  recordRating,
  removePerson,
  takeOverRecordedRating,
  updatePerson,
} from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { memberAccess } from '../testing/harness.js';
import { createUpdateGuard } from './updateGuard.js';

// Issue 14: the people of the case and scores recorded for someone without a device, as real Y
// updates from a client copy, every role, hostile values included ([AC46], [AC47], [AC8], [AC19]).

const fay: Actor = { participantId: asParticipantId('fay'), role: 'facilitator' };
const sam: Actor = { participantId: asParticipantId('sam'), role: 'practitioner' };
const mum: Actor = { participantId: asParticipantId('mum'), role: 'family' };
const gran: Actor = { participantId: asParticipantId('gran'), role: 'network' };
const overall = OVERALL_SCALE_ID;

function boardWithChild() {
  const board = new Y.Doc();
  initBoard(board, { title: 'Review', createdAt: 1 });
  const added = addPerson(board, sam, { name: 'Jo', age: 9 });
  if (!added.ok) throw new Error('setup failed');
  return { board, jo: added.value.personId };
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

/** A rating written by hand, as a hostile client can. */
function rawRating(doc: Y.Doc, key: string, value: Record<string, unknown>) {
  const scale = doc.getMap<unknown>('scales').get(overall) as Y.Map<unknown>;
  let ratings = scale.get('ratings') as Y.Map<unknown> | undefined;
  if (ratings === undefined) {
    ratings = new Y.Map<unknown>();
    scale.set('ratings', ratings);
  }
  ratings.set(key, value);
}

/** A person written by hand. */
function rawPerson(doc: Y.Doc, key: string, fields: Record<string, unknown>) {
  const map = new Y.Map<unknown>();
  doc.getMap('people').set(key, map);
  const base = { id: key, name: 'Ann', kind: 'child', age: 3, order: 5 };
  for (const [field, value] of Object.entries({ ...base, ...fields }))
    if (value !== undefined) map.set(field, value);
}

describe('[AC46] the people of the case', () => {
  it('lets staff add, change and remove a child, and refuses family and network', () => {
    const { board, jo } = boardWithChild();
    for (const who of [fay, sam]) {
      expect(attempt(board, who, (doc) => addPerson(doc, who, { name: 'Sam', age: 4 }))).toEqual({
        ok: true,
      });
      expect(attempt(board, who, (doc) => updatePerson(doc, who, jo, { age: 10 }))).toEqual({ ok: true });
      expect(attempt(board, who, (doc) => removePerson(doc, who, jo))).toEqual({ ok: true });
    }
    for (const who of [mum, gran]) {
      expect(attempt(board, who, (doc) => addPerson(doc, who, { name: 'Sam' }))).toMatchObject({
        ok: false,
        rule: 'AC46',
      });
      expect(attempt(board, who, (doc) => updatePerson(doc, who, jo, { name: 'Joanne' }))).toMatchObject({
        ok: false,
        rule: 'AC46',
      });
    }
  });

  it('refuses values outside the layout from every role, staff included', () => {
    const { board } = boardWithChild();
    for (const fields of [
      { age: 9.5 },
      { age: 500 },
      { name: 'x'.repeat(LIMITS.personName + 1) },
      { name: 7 },
      { kind: 'pet' },
      { id: 'other' },
      { secret: 'field' },
      { order: undefined },
    ]) {
      expect(attempt(board, fay, (doc) => rawPerson(doc, 'p2', fields))).toMatchObject({
        ok: false,
        rule: 'AC19',
      });
    }
  });

  it(`refuses more than ${LIMITS.people} people`, () => {
    const { board } = boardWithChild();
    const verdict = attempt(board, sam, (doc) => {
      for (let i = 0; i < LIMITS.people; i++) rawPerson(doc, `p-${i}`, {});
    });
    expect(verdict).toMatchObject({ ok: false, rule: 'AC19' });
  });
});

describe('[AC47] a score recorded for someone without a device', () => {
  it('lets staff record one in their own name, and withdraw it with the person', () => {
    const { board, jo } = boardWithChild();
    for (const who of [fay, sam]) {
      expect(attempt(board, who, (doc) => recordRating(doc, who, overall, jo, { value: 3 }))).toEqual({
        ok: true,
      });
    }
    recordRating(board, sam, overall, jo, { value: 3 });
    expect(attempt(board, fay, (doc) => removePerson(doc, fay, jo))).toEqual({ ok: true });
    expect(attempt(board, mum, (doc) => removePerson(doc, mum, jo))).toMatchObject({
      ok: false,
      rule: 'AC46',
    });
  });

  it('refuses a score recorded in someone else’s name, with no name, or by family and network', () => {
    const { board, jo } = boardWithChild();
    expect(
      attempt(board, sam, (doc) => rawRating(doc, jo, { value: 3, reason: '', at: 1, recordedBy: 'fay' })),
    ).toMatchObject({ ok: false, rule: 'AC47' });
    expect(attempt(board, sam, (doc) => rawRating(doc, jo, { value: 3, reason: '', at: 1 }))).toMatchObject({
      ok: false,
      rule: 'AC47',
    });
    for (const who of [mum, gran]) {
      expect(
        attempt(board, who, (doc) =>
          rawRating(doc, jo, { value: 3, reason: '', at: 1, recordedBy: who.participantId }),
        ),
      ).toMatchObject({ ok: false, rule: 'AC47' });
    }
  });

  it('never lets staff score for a participant who has a device, nor mark their own score as recorded', () => {
    const { board } = boardWithChild();
    expect(
      attempt(board, sam, (doc) => rawRating(doc, 'mum', { value: 3, reason: '', at: 1, recordedBy: 'sam' })),
    ).toMatchObject({ ok: false, rule: 'AC8' });
    expect(
      attempt(board, mum, (doc) => rawRating(doc, 'mum', { value: 3, reason: '', at: 1, recordedBy: 'mum' })),
    ).toMatchObject({ ok: false, rule: 'AC47' });
    expect(attempt(board, mum, (doc) => rate(doc, mum, overall, { value: 6 }))).toEqual({ ok: true });
  });

  it('treats a person given a participant’s id as no person: staff cannot overwrite that participant’s score', () => {
    const { board } = boardWithChild();
    board.getMap('participants').set('mum', { id: 'mum', displayName: 'Mum', role: 'family', joinedAt: 1 });
    rate(board, mum, overall, { value: 7 });
    const verdict = attempt(board, sam, (doc) => {
      rawPerson(doc, 'mum', {});
      rawRating(doc, 'mum', { value: 1, reason: '', at: 1, recordedBy: 'sam' });
    });
    expect(verdict).toMatchObject({ ok: false, rule: 'AC8' });
  });

  it('refuses a recordedBy that is not an id, from staff too', () => {
    const { board, jo } = boardWithChild();
    expect(
      attempt(board, fay, (doc) =>
        rawRating(doc, jo, { value: 3, reason: '', at: 1, recordedBy: 'no spaces!' }),
      ),
    ).toMatchObject({ ok: false, rule: 'AC19' });
  });
});

describe('[AC48] taking over a score written down before one joined', () => {
  it('lets the participant staff linked to the person take it over, and nobody else', () => {
    const { board, jo } = boardWithChild();
    recordRating(board, sam, overall, jo, { value: 5, reason: 'Nain helps' });
    // Only staff link a person to a participant ([AC46]).
    expect(
      attempt(board, mum, (doc) => updatePerson(doc, mum, jo, { participantId: mum.participantId })),
    ).toMatchObject({ ok: false, rule: 'AC46' });
    updatePerson(board, sam, jo, { participantId: mum.participantId });
    expect(attempt(board, mum, (doc) => takeOverRecordedRating(doc, mum, overall, jo))).toEqual({ ok: true });
    // Someone not linked cannot remove it, nor write it under their own name by hand.
    expect(
      attempt(board, gran, (doc) => {
        const scale = doc.getMap<unknown>('scales').get(overall) as Y.Map<unknown>;
        (scale.get('ratings') as Y.Map<unknown>).delete(jo);
      }),
    ).toMatchObject({ ok: false, rule: 'AC47' });
  });
});
