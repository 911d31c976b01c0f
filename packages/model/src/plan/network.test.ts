import { describe, expect, it } from 'vitest';
import { asNetworkMemberId } from '../doc/ids.js';
import { readBoard } from '../doc/read.js';
import { expectUnchanged, newBoard, practitioner, unwrap } from '../test-support.js';
import { addNetworkMember, removeNetworkMember, updateNetworkMember } from './network.js';
import { addRule } from './plan.js';

const missing = asNetworkMemberId('gone');

describe('addNetworkMember', () => {
  it('adds a member with the given details and empty defaults, appended in order', () => {
    const doc = newBoard();
    const gran = unwrap(
      addNetworkMember(doc, practitioner, { name: 'Gran', relationship: 'grandmother' }),
    ).memberId;
    const uncle = unwrap(
      addNetworkMember(doc, practitioner, { name: 'Uncle Bo', toldAboutWorries: true }),
    ).memberId;
    const { network } = readBoard(doc);
    expect(network[gran]).toEqual({
      id: gran,
      name: 'Gran',
      relationship: 'grandmother',
      contact: '',
      agreedTo: '',
      toldAboutWorries: false,
      order: 0,
    });
    expect(network[uncle]).toMatchObject({ name: 'Uncle Bo', toldAboutWorries: true, order: 1 });
  });

  it('refuses a field over 500 characters and a non-boolean flag', () => {
    const doc = newBoard();
    for (const fields of [{ contact: 'c'.repeat(501) }, { toldAboutWorries: 'yes' }]) {
      expect(expectUnchanged(doc, () => addNetworkMember(doc, practitioner, fields as never))).toMatchObject({
        reason: 'invalid-input',
      });
    }
  });
});

describe('updateNetworkMember', () => {
  it('changes only the given details', () => {
    const doc = newBoard();
    const id = unwrap(addNetworkMember(doc, practitioner, { name: 'Gran', contact: '0123' })).memberId;
    unwrap(
      updateNetworkMember(doc, practitioner, id, { agreedTo: 'school pick-up', toldAboutWorries: true }),
    );
    expect(readBoard(doc).network[id]).toMatchObject({
      name: 'Gran',
      contact: '0123',
      agreedTo: 'school pick-up',
      toldAboutWorries: true,
    });
  });

  it('writes nothing when nothing changes', () => {
    const doc = newBoard();
    const id = unwrap(addNetworkMember(doc, practitioner, { name: 'Gran' })).memberId;
    expect(expectUnchanged(doc, () => updateNetworkMember(doc, practitioner, id, { name: 'Gran' })).ok).toBe(
      true,
    );
  });

  it('refuses bad details and an unknown member', () => {
    const doc = newBoard();
    const id = unwrap(addNetworkMember(doc, practitioner, { name: 'Gran' })).memberId;
    expect(
      expectUnchanged(doc, () => updateNetworkMember(doc, practitioner, id, { name: 'n'.repeat(501) })),
    ).toMatchObject({ reason: 'invalid-input' });
    expect(
      expectUnchanged(doc, () => updateNetworkMember(doc, practitioner, missing, { name: 'x' })),
    ).toMatchObject({
      reason: 'not-found',
    });
  });
});

describe('removeNetworkMember', () => {
  it('removes the member and takes them off every rule', () => {
    const doc = newBoard();
    const gran = unwrap(addNetworkMember(doc, practitioner, { name: 'Gran' })).memberId;
    const uncle = unwrap(addNetworkMember(doc, practitioner, { name: 'Uncle' })).memberId;
    const { ruleId } = unwrap(addRule(doc, practitioner, { text: 'r', responsibleMemberIds: [gran, uncle] }));
    unwrap(removeNetworkMember(doc, practitioner, gran));
    const state = readBoard(doc);
    expect(state.network[gran]).toBeUndefined();
    expect(state.rules[ruleId]?.responsibleMemberIds).toEqual([uncle]);
    const responsible = (
      doc.getMap('rules').get(ruleId) as { get(k: string): { has(k: string): boolean } }
    ).get('responsible');
    expect(responsible.has(gran)).toBe(false);
  });

  it('reports an unknown member as not-found', () => {
    const doc = newBoard();
    expect(expectUnchanged(doc, () => removeNetworkMember(doc, practitioner, missing))).toMatchObject({
      reason: 'not-found',
    });
  });
});
