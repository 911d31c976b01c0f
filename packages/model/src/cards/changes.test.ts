import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoard, setTitle } from '../doc/board.js';
import { OVERALL_SCALE_ID } from '../doc/ids.js';
import type { CardId, PersonId } from '../doc/types.js';
import { addNetworkMember, removeNetworkMember, updateNetworkMember } from '../plan/network.js';
import { registerParticipant } from '../plan/participants.js';
import { addPerson } from '../plan/people.js';
import { addRule, removeRule, setPlan, updateRule } from '../plan/plan.js';
import { clearRating, markScored, rate, recordRating, setScaleMode } from '../scales/scales.js';
import { newBoard, parent, practitioner, unwrap } from '../test-support.js';
import { addPair, pairCards, unpair } from './analysis.js';
import { addCard, deleteCard, editCardText, moveCard, setMark } from './cards.js';
import { setup } from './changes.fixture.js';

describe('applyAndClassify: model ops', () => {
  it('classifies addCard as one card-added with its author', () => {
    const { client, classify } = setup();
    let cardId = '' as CardId;
    const changes = classify(() => {
      cardId = unwrap(addCard(client, parent, { category: 'harm', text: 'Dad shouted' })).cardId;
    });
    expect(changes).toEqual([
      {
        kind: 'card-added',
        cardId,
        category: 'harm',
        authorId: 'mum',
        authorRole: 'family',
        professionalsOnly: false,
        markedBy: [],
      },
    ]);
  });

  it('classifies text edits, moves and professionals-only flags with the card author', () => {
    const { client, classify } = setup();
    const { cardId } = unwrap(addCard(client, parent, { category: 'harm', text: 'Dad shouted' }));
    classify(() => {}); // nothing happened: nothing to classify
    const shadowOf = setup(client);
    const edit = shadowOf.classify(() =>
      editCardText(client, practitioner, cardId, { index: 0, deleteCount: 0, insert: 'x' }),
    );
    expect(edit).toEqual([
      { kind: 'card-text', cardId, authorId: 'mum' },
      { kind: 'card-field', cardId, field: 'updatedAt', authorId: 'mum', category: 'harm' },
      // [AC30] the practitioner changed another person's card: recorded as its editor.
      {
        kind: 'card-note',
        cardId,
        field: 'editedBy',
        participantId: 'sam',
        authorId: 'mum',
        set: true,
        valid: true,
      },
    ]);
    const move = shadowOf.classify(() =>
      moveCard(client, practitioner, cardId, { category: 'nextStep', index: 0 }),
    );
    expect(move).toContainEqual({ kind: 'card-moved', cardId, authorId: 'mum', category: 'nextStep' });
    // No op writes the flag any more ([AC20]); a hostile client still can.
    const flag = shadowOf.classify(() =>
      client.transact(() =>
        (client.getMap('cards').get(cardId) as Y.Map<unknown>).set('professionalsOnly', true),
      ),
    );
    expect(flag).toEqual([
      { kind: 'card-field', cardId, field: 'professionalsOnly', authorId: 'mum', category: 'nextStep' },
    ]);
  });

  it("classifies deleteCard as card-removed, reading the removed card's author from the deleted content", () => {
    const client = newBoard();
    const { cardId } = unwrap(addCard(client, parent, { category: 'harm', text: 'Dad shouted' }));
    const { classify } = setup(client);
    expect(classify(() => deleteCard(client, practitioner, cardId))).toEqual([
      { kind: 'card-removed', cardId, authorId: 'mum', category: 'harm' },
    ]);
  });

  it('classifies setMark as mark-set for the marking person, and withdrawing as mark null', () => {
    const client = newBoard();
    const { cardId } = unwrap(addCard(client, parent, { category: 'harm' }));
    const { classify } = setup(client);
    expect(classify(() => setMark(client, practitioner, cardId, 'dispute'))).toEqual([
      { kind: 'mark-set', cardId, participantId: 'sam', mark: 'dispute' },
    ]);
    expect(classify(() => setMark(client, practitioner, cardId, null))).toEqual([
      { kind: 'mark-set', cardId, participantId: 'sam', mark: null },
    ]);
  });

  it('classifies addPair, pairCards, unpair and deleting a paired card', () => {
    const client = newBoard();
    const { classify } = setup(client);
    let created = { pairId: '', dangerStatementId: '', safetyGoalId: '' };
    const added = classify(() => {
      created = unwrap(addPair(client, practitioner, { dangerStatement: 'd', safetyGoal: 'g' }));
    });
    const cardIds = [created.dangerStatementId, created.safetyGoalId];
    expect(added.map((c) => c.kind)).toEqual(['card-added', 'card-added', 'pair-added', 'scale-added']);
    expect(added).toContainEqual({ kind: 'pair-added', pairId: created.pairId, cardIds });
    expect(classify(() => unpair(client, practitioner, created.pairId as never))).toEqual(
      expect.arrayContaining([
        { kind: 'pair-removed', pairId: created.pairId, cardIds },
        { kind: 'scale-removed', scaleId: created.pairId },
        expect.objectContaining({ kind: 'card-field', field: 'pairId' }),
      ]),
    );
    let pairId = '';
    const paired = classify(() => {
      pairId = unwrap(pairCards(client, practitioner, created as never)).pairId;
    });
    expect(paired.map((c) => c.kind).sort()).toEqual([
      'card-field',
      'card-field',
      'pair-added',
      'scale-added',
    ]);
    const deleted = classify(() => deleteCard(client, practitioner, created.dangerStatementId as CardId));
    expect(deleted.map((c) => c.kind).sort()).toEqual([
      'card-field',
      'card-removed',
      'pair-removed',
      'scale-removed',
    ]);
    expect(deleted).toContainEqual({ kind: 'pair-removed', pairId, cardIds });
  });

  it('classifies ratings with their values for the audit, and a private round clearing them', () => {
    const client = newBoard();
    const { classify } = setup(client);
    expect(classify(() => rate(client, parent, OVERALL_SCALE_ID, { value: 6, reason: 'r' }))).toEqual([
      {
        kind: 'rating-set',
        scaleId: 'overall',
        participantId: 'mum',
        value: 6,
        mode: 'revealed',
        recordedBy: undefined,
        forPerson: false,
        linkedTo: undefined,
      },
    ]);
    expect(classify(() => clearRating(client, parent, OVERALL_SCALE_ID))).toEqual([
      {
        kind: 'rating-removed',
        scaleId: 'overall',
        participantId: 'mum',
        value: 6,
        mode: 'revealed',
        recordedBy: undefined,
        forPerson: false,
        linkedTo: undefined,
      },
    ]);
    classify(() => rate(client, parent, OVERALL_SCALE_ID, { value: 3 }));
    classify(() => rate(client, practitioner, OVERALL_SCALE_ID, { value: 4 }));
    const round = classify(() => setScaleMode(client, practitioner, OVERALL_SCALE_ID, 'private'));
    expect(round).toContainEqual({ kind: 'scale-mode', scaleId: 'overall', mode: 'private' });
    expect(
      round
        .filter((c) => c.kind === 'rating-removed')
        .map((c) => ('participantId' in c ? c.participantId : '')),
    ).toEqual(['mum', 'sam']);
    // Issue 14: a score recorded for a child names the child's person id and who recorded it.
    let jo = '' as PersonId;
    expect(
      classify(() => {
        jo = unwrap(addPerson(client, practitioner, { name: 'Jo' })).personId;
      }),
    ).toEqual([{ kind: 'person-added', personId: expect.any(String) }]);
    classify(() => setScaleMode(client, practitioner, OVERALL_SCALE_ID, 'revealed'));
    expect(classify(() => recordRating(client, practitioner, OVERALL_SCALE_ID, jo, { value: 2 }))).toEqual([
      {
        kind: 'rating-set',
        scaleId: 'overall',
        participantId: jo,
        value: 2,
        mode: 'revealed',
        recordedBy: 'sam',
        forPerson: true,
        linkedTo: null,
      },
    ]);
    classify(() => setScaleMode(client, practitioner, OVERALL_SCALE_ID, 'private'));
    expect(classify(() => markScored(client, parent, OVERALL_SCALE_ID))).toEqual([
      { kind: 'scored-set', scaleId: 'overall', participantId: 'mum' },
    ]);
  });

  it('classifies participants, the plan, network members, rules and the title', () => {
    const client = newBoard();
    const { classify } = setup(client);
    expect(
      classify(() =>
        registerParticipant(client, { id: parent.participantId, displayName: 'Mum', role: 'family' }),
      ),
    ).toEqual([{ kind: 'participant-written', participantId: 'mum' }]);
    let memberId = '';
    expect(
      classify(() => (memberId = unwrap(addNetworkMember(client, parent, { name: 'Gran' })).memberId)),
    ).toEqual([{ kind: 'network-added', memberId: expect.any(String) }]);
    expect(
      classify(() => updateNetworkMember(client, parent, memberId as never, { contact: '0123' })),
    ).toEqual([{ kind: 'network-field', memberId, field: 'contact' }]);
    let ruleId = '';
    expect(
      classify(
        () =>
          (ruleId = unwrap(
            addRule(client, parent, { text: 'r', responsibleMemberIds: [memberId as never] }),
          ).ruleId),
      ),
    ).toEqual([{ kind: 'rule-added', ruleId: expect.any(String) }]);
    expect(classify(() => updateRule(client, parent, ruleId as never, { redFlags: 'late' }))).toEqual([
      { kind: 'rule-field', ruleId, field: 'redFlags' },
    ]);
    expect(classify(() => removeNetworkMember(client, practitioner, memberId as never))).toEqual([
      { kind: 'network-removed', memberId },
      { kind: 'rule-field', ruleId, field: 'responsible' },
    ]);
    expect(classify(() => removeRule(client, practitioner, ruleId as never))).toEqual([
      { kind: 'rule-removed', ruleId },
    ]);
    expect(classify(() => setPlan(client, parent, { bottomLines: 'b', reviewDate: '2026-01-02' }))).toEqual([
      { kind: 'plan-field', field: 'bottomLines' },
      { kind: 'plan-field', field: 'reviewDate' },
    ]);
    expect(classify(() => setTitle(client, practitioner, 'Renamed'))).toEqual([
      { kind: 'meta-field', field: 'title', value: undefined },
    ]);
  });

  it('classifies initBoard on an empty board as meta fields, the overall scale and the plan', () => {
    const client = new Y.Doc();
    const { classify } = setup(client);
    const kinds = classify(() => initBoard(client, { title: 'T', createdAt: 1 })).map((c) => c.kind);
    expect(new Set(kinds)).toEqual(new Set(['meta-field', 'scale-added', 'plan-field']));
  });
});
