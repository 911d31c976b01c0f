import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../doc/types.js';
import {
  isPolicyRuleId,
  MANAGEABLE_ROLES,
  may,
  mayAdmitAs,
  mayManage,
  POLICY,
  POLICY_SUMMARIES,
  type PolicyRuleId,
} from './policy.js';

const F = 'facilitator';
const P = 'practitioner';
const FA = 'family';
const N = 'network';

/** Every row of the table, written out by hand: a change to the table must change this too. */
const EXPECTED: Record<PolicyRuleId, readonly Role[]> = {
  AC1: [F, P, FA, N],
  AC2: [F, P, FA, N],
  AC3: [F, P, FA, N],
  AC4: [F, P, FA, N],
  AC5: [F, P],
  AC6: [F, P],
  AC7: [F, P, FA, N],
  AC8: [F, P, FA, N],
  AC9: [F],
  AC10: [F],
  AC11: [F, P],
  AC12: [F, P, FA, N],
  AC13: [F, P],
  AC14: [F, P, FA, N],
  AC15: [F, P],
  AC16: [F, P],
  AC17: [],
  AC18: [],
  AC19: [],
  AC20: [],
  AC21: [],
  AC30: [F, P],
  AC31: [F, P, FA, N],
  AC32: [F, P, FA, N],
  AC33: [F, P],
  AC34: [],
  AC40: [F, P],
  AC41: [F],
  AC42: [F, P, FA, N],
  AC43: [F, P, FA, N],
  AC44: [F, P],
  AC45: [],
  AC46: [F, P],
  AC47: [F, P],
  AC48: [F, P, FA, N],
  AC50: [F, P],
  AC51: [],
  AC52: [F, P],
  A4: [F],
  P1: [F, P, FA, N],
  PO1: [F, P],
  PO4: [F, P],
  PR3: [F, P, FA, N],
  PR5: [F],
  PR9: [F, P],
  AU6: [F, P, FA, N, 'viewer'],
  AU7: [F, P],
  AU8: [F, P],
  AU9: [F, P],
  AU11: [F, P],
  AU12: [F, P, FA, N, 'viewer'],
  AU16: [F, P],
  AU20: [F],
  AU21: [F, P, FA, N, 'viewer'],
  AD3: [F, P],
  VE3: [F, P],
  VE4: [F],
  VE6: [F],
  VE7: [F, P, FA, N],
  VE8: [F, P, FA, N],
  VE9: [F, P],
  VE10: [F, P],
  VE13: [F, P],
  CT1: [F, P],
  CT2: [F, P],
  CT3: [F, P, FA, N],
  CT4: [F, P, FA, N, 'viewer'],
  CT5: [F, P],
  CT6: [FA],
  CT7: [F, P],
  CT8: [F, P],
  CT9: [F],
};

describe('the policy table', () => {
  it.each(Object.entries(EXPECTED))('[%s] is held by exactly the listed roles', (rule, roles) => {
    const id = rule as PolicyRuleId;
    expect(ROLES.filter((role) => may(role, id))).toEqual(roles);
    expect(POLICY_SUMMARIES[id].length).toBeGreaterThan(0);
  });

  it('has no row the test does not list', () => {
    expect(Object.keys(POLICY).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('[AU7] [AU9] [AU11] a facilitator manages every role, a practitioner the guests, nobody else anyone', () => {
    expect(ROLES.filter((target) => mayManage('facilitator', target))).toEqual(ROLES);
    expect(ROLES.filter((target) => mayManage('practitioner', target))).toEqual([FA, N, 'viewer']);
    for (const actor of [FA, N, 'viewer'] as const) {
      expect(ROLES.filter((target) => mayManage(actor, target))).toEqual([]);
    }
    // Whoever manages a role holds the rules that act on it.
    for (const actor of ROLES) {
      if (MANAGEABLE_ROLES[actor].length > 0) expect(may(actor, 'AU7')).toBe(true);
    }
  });

  it('[AU20] someone asking at the wall is admitted as family, network or viewer only, never staff', () => {
    expect(ROLES.filter((role) => mayAdmitAs(role))).toEqual([FA, N, 'viewer']);
  });

  it('tells a rule id from any other string', () => {
    expect(isPolicyRuleId('VE4')).toBe(true);
    expect(isPolicyRuleId('VE5')).toBe(false);
    expect(isPolicyRuleId('constructor')).toBe(false);
  });
});
