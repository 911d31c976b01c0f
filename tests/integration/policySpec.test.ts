import { readFileSync } from 'node:fs';
import { isPolicyRuleId, may, POLICY, type PolicyRuleId, ROLES } from '@kinmap/model';
import { describe, expect, it } from 'vitest';

// docs/SPEC.md and the policy table (packages/model/src/access/policy.ts) name the same rules.

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
  ...['AU1', 'AU2', 'AU3', 'AU4', 'AU5', 'AU10', 'AU13', 'AU14', 'AU15'],
  // The join preview (no session: a link's holder) and sign-out (every device).
  ...['AU17', 'AU18'],
  // Asking to join at the wall: no session, a code's holder (who may answer is AU20's row).
  'AU22',
  ...['AD1', 'AD2', 'AD4', 'AD5', 'AD6'],
  // Versions' storage and formats; a staff account imports (VE11, not a board role).
  ...['VE1', 'VE2', 'VE5', 'VE11', 'VE12'],
  // Staff accounts (an administrator's flag, not a board role); report rendering limits.
  ...['SA1', 'SA2', 'SA3', 'RR1'],
  // Presence stamping and redaction ask A4 and PO1; the keepalive; versions under today's
  // professionals-only set (which cards, not which role).
  ...['A5', 'A6', 'L6', 'VE14'],
  // A score's value and reason saved together; born-restricted cards (who may: AC6), local copies
  // rewritten, exports marked: behaviour, not a role's permission.
  ...['PR8', 'PO5', 'PO6', 'PO7'],
]);

const spec = readFileSync(new URL('../../docs/SPEC.md', import.meta.url), 'utf8');
/** Ids SPEC defines: `- **[AU7]**` in a list, `| **AC5** |` in the matrix. */
const defined = [...spec.matchAll(/^(?:- \*\*\[([A-Z]+\d+)\]\*\*|\| \*\*([A-Z]+\d+)\*\* )/gm)].map(
  (match) => match[1] ?? match[2] ?? '',
);

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

  it('shows in the permission matrix exactly the roles each AC row of the table holds', () => {
    const rows = [...spec.matchAll(/^\| \*\*(AC\d+)\*\* +\|[^|]*\|(.*)\|\s*$/gm)];
    expect(rows.length).toBeGreaterThan(20);
    for (const [, id, cells] of rows) {
      const marks = (cells ?? '').split('|').map((cell) => cell.trim() === '✓');
      const held = ROLES.map((role) => may(role, id as PolicyRuleId));
      expect({ id, roles: marks }).toEqual({ id, roles: held });
    }
  });

  it('points at the table', () => {
    expect(spec).toContain('packages/model/src/access/policy.ts');
  });
});
