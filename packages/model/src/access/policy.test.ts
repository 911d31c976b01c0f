import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../doc/types.js';
import { isPolicyRuleId, MANAGEABLE_ROLES, may, mayManage, POLICY, type PolicyRuleId } from './policy.js';

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
  AC11: [F],
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
  P1: [F, P, FA, N],
  PO1: [F, P],
  PO4: [F, P],
  PR3: [F, P, FA, N],
  PR5: [F],
  AU7: [F, P],
  AU8: [F, P],
  AU9: [F, P],
  AU11: [F, P],
  AU12: [F, P, FA, N, 'viewer'],
  AU16: [F, P],
  AD3: [F, P],
  VE3: [F, P],
  VE4: [F],
  VE6: [F],
  VE7: [F, P, FA, N],
  VE8: [F, P, FA, N],
  VE9: [F, P],
  VE10: [F, P],
  VE13: [F, P],
};

/**
 * The rule ids of docs/SPEC.md that do not depend on a member's role (transport, storage, limits,
 * identity, accounts): they have no row. A new SPEC id must be put in one place or the other.
 */
const NOT_ROLE_RULES = new Set([
  // Entry: who the member is (E3: the role comes from the member; its write rule is P1).
  ...['E1', 'E2', 'E3'],
  ...['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'V1', 'V2'],
  ...['A1', 'A2', 'A3', 'L1', 'L2', 'L3', 'L4', 'L5', 'D1', 'G1'],
  // Private scoring's mechanics; PR7 is about whose score (the member id), not the role.
  ...['PR1', 'PR2', 'PR4', 'PR6', 'PR7'],
  // The restricted document's storage and gc; PO4's "who" is its own row.
  ...['PO2', 'PO3'],
  // Accounts (administrator, staff account), sessions, invites' binding, CSRF, headers.
  ...['AU1', 'AU2', 'AU3', 'AU4', 'AU5', 'AU6', 'AU10', 'AU13', 'AU14', 'AU15'],
  ...['AD1', 'AD2', 'AD4', 'AD5', 'AD6'],
  // Versions' storage and formats; a staff account imports (VE11, not a board role).
  ...['VE1', 'VE2', 'VE5', 'VE11', 'VE12'],
]);

const spec = readFileSync(new URL('../../../../docs/SPEC.md', import.meta.url), 'utf8');
/** Ids SPEC defines: `- **[AU7]**` in a list, `| **AC5** |` in the matrix. */
const defined = [...spec.matchAll(/^(?:- \*\*\[([A-Z]+\d+)\]\*\*|\| \*\*([A-Z]+\d+)\*\* )/gm)].map(
  (match) => match[1] ?? match[2] ?? '',
);

describe('the policy table', () => {
  it.each(Object.entries(EXPECTED))('[%s] is held by exactly the listed roles', (rule, roles) => {
    const id = rule as PolicyRuleId;
    expect(ROLES.filter((role) => may(role, id))).toEqual(roles);
    expect(POLICY[id].summary.length).toBeGreaterThan(0);
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

  it('tells a rule id from any other string', () => {
    expect(isPolicyRuleId('VE4')).toBe(true);
    expect(isPolicyRuleId('VE5')).toBe(false);
    expect(isPolicyRuleId('constructor')).toBe(false);
  });
});

describe('docs/SPEC.md and the table', () => {
  it('defines each rule id once', () => {
    expect(defined.length).toBeGreaterThan(90);
    expect(defined.filter((id, index) => defined.indexOf(id) !== index)).toEqual([]);
  });

  it('resolves every role rule it defines to one row, and every other id is listed as not a role rule', () => {
    const unresolved = defined.filter((id) => !isPolicyRuleId(id) && !NOT_ROLE_RULES.has(id));
    expect(unresolved).toEqual([]);
    expect(defined.filter((id) => isPolicyRuleId(id) && NOT_ROLE_RULES.has(id))).toEqual([]);
  });

  it('defines every row of the table', () => {
    const missing = Object.keys(POLICY).filter((id) => !defined.includes(id));
    expect(missing).toEqual([]);
  });

  it('points at the table', () => {
    expect(spec).toContain('packages/model/src/access/policy.ts');
  });
});
