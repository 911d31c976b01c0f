import { type Actor, initBoard, type ParticipantId, readBoard } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addMemberTo,
  addRuleTo,
  editPlanText,
  editRuleText,
  removeMember,
  removeRuleFrom,
  saveMember,
  setResponsible,
  setReviewDate,
} from './planActions';

function writer(doc = new Y.Doc(), id = 'p1') {
  if (doc.getMap('meta').size === 0) initBoard(doc, { title: 'Case', createdAt: 1 });
  const actor: Actor = { participantId: id as ParticipantId, role: 'facilitator' };
  return { doc, actor };
}

function ok<T>(outcome: { ok: true; value: T } | { ok: false }): T {
  if (!outcome.ok) throw new Error('action failed');
  return outcome.value;
}

describe('plan actions', () => {
  it('adds a person, saves their details, and removes them from the rules when they leave', () => {
    const w = writer();
    const nan = ok(addMemberTo(w));
    ok(saveMember(w, nan, { name: 'Nan', relationship: 'Grandmother', toldAboutWorries: true }));
    const rule = ok(addRuleTo(w));
    ok(setResponsible(w, rule, [nan]));
    expect(readBoard(w.doc).network[nan]).toMatchObject({
      name: 'Nan',
      relationship: 'Grandmother',
      toldAboutWorries: true,
    });
    expect(readBoard(w.doc).rules[rule]?.responsibleMemberIds).toEqual([nan]);
    ok(removeMember(w, nan));
    expect(readBoard(w.doc).network[nan]).toBeUndefined();
    expect(readBoard(w.doc).rules[rule]?.responsibleMemberIds).toEqual([]);
  });

  it('says a change failed instead of throwing when the record is gone or the input too long', () => {
    const w = writer();
    const nan = ok(addMemberTo(w));
    expect(saveMember(w, nan, { name: 'x'.repeat(501) })).toEqual({
      ok: false,
      notice: 'plan.notice.failed',
    });
    ok(removeMember(w, nan));
    expect(saveMember(w, nan, { name: 'Nan' })).toEqual({ ok: false, notice: 'plan.notice.failed' });
    const rule = ok(addRuleTo(w));
    expect(setResponsible(w, rule, [nan]).ok).toBe(false);
    ok(removeRuleFrom(w, rule));
    expect(readBoard(w.doc).rules[rule]).toBeUndefined();
    expect(editRuleText(w, rule, 'text', { index: 0, deleteCount: 0, insert: 'x' })).toBe(false);
  });

  it('types into a rule text as a splice, so two people typing at once both keep their words', () => {
    const a = writer(new Y.Doc(), 'pa');
    const rule = ok(addRuleTo(a));
    expect(editRuleText(a, rule, 'redFlags', { index: 0, deleteCount: 0, insert: 'Dad drinks' })).toBe(true);
    const b = writer(new Y.Doc(), 'pb');
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    expect(editRuleText(a, rule, 'redFlags', { index: 0, deleteCount: 0, insert: 'If ' })).toBe(true);
    expect(editRuleText(b, rule, 'redFlags', { index: 10, deleteCount: 0, insert: ' at home' })).toBe(true);
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    expect(readBoard(a.doc).rules[rule]?.redFlags).toBe('If Dad drinks at home');
    expect(readBoard(b.doc).rules[rule]?.redFlags).toBe('If Dad drinks at home');
  });

  it('refuses a rule text longer than the limit and leaves the text as it was', () => {
    const w = writer();
    const rule = ok(addRuleTo(w));
    expect(editRuleText(w, rule, 'text', { index: 0, deleteCount: 0, insert: 'x'.repeat(20_001) })).toBe(
      false,
    );
    expect(readBoard(w.doc).rules[rule]?.text).toBe('');
  });

  it('edits the bottom lines and keeps or clears the review date', () => {
    const w = writer();
    expect(
      editPlanText(w, 'bottomLines', { index: 0, deleteCount: 0, insert: 'Dad does not stay over' }),
    ).toBe(true);
    expect(editPlanText(w, 'bottomLines', { index: 3, deleteCount: 0, insert: '’s partner' })).toBe(true);
    ok(setReviewDate(w, '2026-03-14'));
    expect(readBoard(w.doc).plan).toMatchObject({
      bottomLines: 'Dad’s partner does not stay over',
      reviewDate: '2026-03-14',
    });
    expect(setReviewDate(w, '2026-02-30').ok).toBe(false);
    ok(setReviewDate(w, null));
    expect(readBoard(w.doc).plan.reviewDate).toBeNull();
  });
});
