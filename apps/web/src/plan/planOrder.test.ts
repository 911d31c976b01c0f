import {
  type BoardState,
  emptyBoardState,
  type NetworkMemberId,
  type NetworkMemberState,
  type RuleId,
  type RuleState,
} from '@kinmap/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOnDemandWords } from '../lib/messages';
import { memberLabel, membersInOrder, responsibleMembers, rulesInOrder, withResponsible } from './planOrder';

// This view loads on demand with its words (lib/onDemandWords.ts).
beforeAll(() => loadOnDemandWords());

function member(id: string, order: number, name = ''): NetworkMemberState {
  return {
    id: id as NetworkMemberId,
    name,
    relationship: '',
    contact: '',
    agreedTo: '',
    toldAboutWorries: false,
    order,
  };
}

function rule(id: string, order: number, responsible: string[] = []): RuleState {
  return {
    id: id as RuleId,
    text: '',
    responsibleMemberIds: responsible as NetworkMemberId[],
    redFlags: '',
    networkResponse: '',
    howChildWillKnow: '',
    order,
  };
}

function board(members: NetworkMemberState[], rules: RuleState[]): BoardState {
  return {
    ...emptyBoardState('Case'),
    network: Object.fromEntries(members.map((m) => [m.id, m])),
    rules: Object.fromEntries(rules.map((r) => [r.id, r])),
  };
}

describe('plan order', () => {
  it('lists members and rules by order, breaking ties by id', () => {
    const state = board(
      [member('cc', 2), member('bb', 1), member('aa', 1)],
      [rule('r2', 0.5), rule('r1', 3), rule('r0', -1)],
    );
    expect(membersInOrder(state).map((m) => m.id)).toEqual(['aa', 'bb', 'cc']);
    expect(rulesInOrder(state).map((r) => r.id)).toEqual(['r0', 'r2', 'r1']);
  });

  it('shows the people on a rule in network order and skips anyone no longer in the network', () => {
    const members = [member('nan', 0, 'Nan'), member('joe', 1, 'Uncle Joe')];
    const named = responsibleMembers(rule('r', 0, ['joe', 'gone', 'nan']), members);
    expect(named.map((m) => m.name)).toEqual(['Nan', 'Uncle Joe']);
  });

  it('ticks and clears one person without losing the others or keeping removed people', () => {
    const members = [member('nan', 0), member('joe', 1), member('sue', 2)];
    const current = rule('r', 0, ['sue', 'gone']);
    expect(withResponsible(current, members, 'nan' as NetworkMemberId, true)).toEqual(['nan', 'sue']);
    expect(withResponsible(current, members, 'sue' as NetworkMemberId, false)).toEqual([]);
    expect(withResponsible(current, members, 'sue' as NetworkMemberId, true)).toEqual(['sue']);
  });

  it('calls an unnamed member by their place so they can still be told apart', () => {
    const members = [member('a', 0, '  Nan '), member('b', 1, ' ')];
    expect(memberLabel(members[0] as NetworkMemberState, members)).toBe('Nan');
    expect(memberLabel(members[1] as NetworkMemberState, members)).toBe('Person 2');
  });
});
