import { type Actor, addRule, initBoard, type ParticipantId, type RuleId } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getPlanText, getRuleText, RULE_TEXT_FIELDS } from './planTexts';

const actor: Actor = { participantId: 'p1' as ParticipantId, role: 'facilitator' };

describe('plan texts', () => {
  it('finds each text of a rule, holding what the rule says', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Case', createdAt: 1 });
    const added = addRule(doc, actor, { text: 'Nan stays over', howChildWillKnow: 'Nan tells Mia' });
    if (!added.ok) throw new Error('add failed');
    for (const field of RULE_TEXT_FIELDS)
      expect(getRuleText(doc, added.value.ruleId, field)).toBeInstanceOf(Y.Text);
    expect(getRuleText(doc, added.value.ruleId, 'text')?.toString()).toBe('Nan stays over');
    expect(getRuleText(doc, added.value.ruleId, 'howChildWillKnow')?.toString()).toBe('Nan tells Mia');
  });

  it('finds the plan texts a new board starts with', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Case', createdAt: 1 });
    expect(getPlanText(doc, 'bottomLines')?.toString()).toBe('');
    expect(getPlanText(doc, 'monitoringHowOften')).toBeInstanceOf(Y.Text);
  });

  it('answers null, never throws, for a missing or damaged record', () => {
    const doc = new Y.Doc();
    expect(getPlanText(doc, 'bottomLines')).toBeNull();
    expect(getRuleText(doc, 'nope' as RuleId, 'text')).toBeNull();
    doc.getMap('rules').set('bad', 'not a rule');
    expect(getRuleText(doc, 'bad' as RuleId, 'text')).toBeNull();
    const plain = new Y.Map<unknown>();
    doc.getMap('rules').set('plain', plain);
    plain.set('text', 'a string where a shared text belongs');
    expect(getRuleText(doc, 'plain' as RuleId, 'text')).toBeNull();
    const other = new Y.Doc();
    other.getText('plan');
    expect(getPlanText(other, 'bottomLines')).toBeNull();
  });
});
