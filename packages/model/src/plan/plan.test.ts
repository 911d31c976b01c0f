import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { asNetworkMemberId, asRuleId } from '../doc/ids.js';
import { readBoard } from '../doc/read.js';
import { expectUnchanged, newBoard, practitioner, unwrap } from '../test-support.js';
import { addNetworkMember } from './network.js';
import { addRule, removeRule, setPlan, updateRule } from './plan.js';

describe('addRule', () => {
  it('adds a rule with its texts and responsible people, appended in order', () => {
    const doc = newBoard();
    const gran = unwrap(addNetworkMember(doc, practitioner, { name: 'Gran' })).memberId;
    const first = unwrap(addRule(doc, practitioner, { text: 'Gran stays over on Fridays' })).ruleId;
    const second = unwrap(
      addRule(doc, practitioner, {
        text: 'No drinking at home',
        redFlags: 'cans',
        responsibleMemberIds: [gran],
      }),
    ).ruleId;
    const { rules } = readBoard(doc);
    expect(rules[first]).toEqual({
      id: first,
      text: 'Gran stays over on Fridays',
      responsibleMemberIds: [],
      redFlags: '',
      networkResponse: '',
      howChildWillKnow: '',
      order: 0,
    });
    expect(rules[second]).toMatchObject({ redFlags: 'cans', responsibleMemberIds: [gran], order: 1 });
    expect((doc.getMap('rules').get(second) as Y.Map<unknown>).get('redFlags')).toBeInstanceOf(Y.Text);
  });

  it('refuses an unknown responsible person and a text over the limit', () => {
    const doc = newBoard();
    expect(
      expectUnchanged(doc, () =>
        addRule(doc, practitioner, { responsibleMemberIds: [asNetworkMemberId('ghost')] }),
      ),
    ).toMatchObject({ reason: 'not-found' });
    expect(
      expectUnchanged(doc, () => addRule(doc, practitioner, { text: 't'.repeat(20_001) })),
    ).toMatchObject({
      reason: 'invalid-input',
    });
  });
});

describe('updateRule', () => {
  it('edits texts by the smallest splice and replaces the responsible people', () => {
    const doc = newBoard();
    const gran = unwrap(addNetworkMember(doc, practitioner, { name: 'Gran' })).memberId;
    const aunt = unwrap(addNetworkMember(doc, practitioner, { name: 'Aunt' })).memberId;
    const { ruleId } = unwrap(
      addRule(doc, practitioner, { text: 'Gran visits', responsibleMemberIds: [gran] }),
    );
    const text = (doc.getMap('rules').get(ruleId) as Y.Map<unknown>).get('text') as Y.Text;
    const deltas: unknown[] = [];
    text.observe((event) => {
      deltas.push(event.delta);
    });
    unwrap(
      updateRule(doc, practitioner, ruleId, { text: 'Gran visits daily', responsibleMemberIds: [aunt] }),
    );
    expect(deltas).toEqual([[{ retain: 11 }, { insert: ' daily' }]]);
    expect(readBoard(doc).rules[ruleId]).toMatchObject({
      text: 'Gran visits daily',
      responsibleMemberIds: [aunt],
    });
  });

  it('refuses an unknown rule, an unknown member and bad text', () => {
    const doc = newBoard();
    const { ruleId } = unwrap(addRule(doc, practitioner, { text: 'r' }));
    const cases = [
      [() => updateRule(doc, practitioner, asRuleId('gone'), { text: 'x' }), 'not-found'],
      [
        () => updateRule(doc, practitioner, ruleId, { responsibleMemberIds: [asNetworkMemberId('ghost')] }),
        'not-found',
      ],
      [() => updateRule(doc, practitioner, ruleId, { howChildWillKnow: 'bad \udc00' }), 'invalid-input'],
    ] as const;
    for (const [op, reason] of cases) expect(expectUnchanged(doc, op)).toMatchObject({ reason });
  });
});

describe('removeRule', () => {
  it('removes a rule and refuses an unknown one', () => {
    const doc = newBoard();
    const { ruleId } = unwrap(addRule(doc, practitioner, { text: 'r' }));
    unwrap(removeRule(doc, practitioner, ruleId));
    expect(readBoard(doc).rules).toEqual({});
    expect(expectUnchanged(doc, () => removeRule(doc, practitioner, ruleId))).toMatchObject({
      reason: 'not-found',
    });
  });
});

describe('setPlan', () => {
  it('sets the bottom lines, monitoring and review date, leaving omitted parts alone', () => {
    const doc = newBoard();
    unwrap(setPlan(doc, practitioner, { bottomLines: 'No contact with X', reviewDate: '2025-03-14' }));
    unwrap(setPlan(doc, practitioner, { monitoringWho: 'Sam', monitoringHowOften: 'weekly' }));
    expect(readBoard(doc).plan).toEqual({
      bottomLines: 'No contact with X',
      monitoringWho: 'Sam',
      monitoringHowOften: 'weekly',
      reviewDate: '2025-03-14',
    });
    unwrap(setPlan(doc, practitioner, { reviewDate: null }));
    expect(readBoard(doc).plan.reviewDate).toBeNull();
  });

  it('edits the plan texts in place (the Y.Text is kept, so co-editors keep their cursors)', () => {
    const doc = newBoard();
    const before = doc.getMap('plan').get('bottomLines');
    unwrap(setPlan(doc, practitioner, { bottomLines: 'one' }));
    unwrap(setPlan(doc, practitioner, { bottomLines: 'one two' }));
    expect(doc.getMap('plan').get('bottomLines')).toBe(before);
  });

  it.each([
    ['an impossible date', { reviewDate: '2025-02-30' }],
    ['a date with a time', { reviewDate: '2025-02-03T10:00' }],
    ['text over the limit', { bottomLines: 'b'.repeat(20_001) }],
  ])('refuses %s', (_, changes) => {
    const doc = newBoard();
    expect(expectUnchanged(doc, () => setPlan(doc, practitioner, changes))).toMatchObject({
      reason: 'invalid-input',
    });
  });
});
