import { type Actor, initBoard, type ParticipantId, readBoard } from '@kinmap/model';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadOnDemandWords } from '../lib/messages';
import { addPersonTo, personLabel, removePersonFrom, savePerson } from './peopleActions';

beforeAll(() => loadOnDemandWords());

function writer() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Case', createdAt: 1 });
  const actor: Actor = { participantId: 'p1' as ParticipantId, role: 'practitioner' };
  return { doc, actor };
}

describe('the people of the case (issue 14)', () => {
  it('adds a child, changes their age and removes them', () => {
    const w = writer();
    const added = addPersonTo(w, { name: 'Jo', age: 9 });
    if (!added.ok) throw new Error('not added');
    expect(savePerson(w, added.value, { age: 10 }).ok).toBe(true);
    const jo = readBoard(w.doc).people[added.value];
    expect(jo).toMatchObject({ name: 'Jo', kind: 'child', age: 10 });
    if (jo === undefined) throw new Error('no Jo');
    expect(personLabel(jo)).toBe('Jo, child, 10');
    expect(personLabel({ ...jo, age: null })).toBe('Jo, child');
    expect(personLabel({ ...jo, kind: 'adult', name: 'Grandad' })).toBe('Grandad, scored without a device');
    expect(removePersonFrom(w, added.value).ok).toBe(true);
    expect(readBoard(w.doc).people).toEqual({});
  });

  it('says so when the model refuses: a blank name, an age that is not whole', () => {
    const w = writer();
    expect(addPersonTo(w, { name: '  ' })).toEqual({ ok: false, notice: 'plan.notice.addFailed' });
    const added = addPersonTo(w, { name: 'Jo' });
    if (!added.ok) throw new Error('not added');
    expect(savePerson(w, added.value, { age: 2.5 })).toEqual({ ok: false, notice: 'plan.notice.failed' });
  });
});
