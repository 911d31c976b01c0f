import { ROLES, type Role } from '../doc/types.js';

/**
 * Who may do what: every rule of docs/SPEC.md that depends on a board member's role, document
 * and HTTP alike, is one row here. The server's room guard, its routes and the upgrade, and the
 * web's choice of what to offer all ask `may(role, rule)`; nowhere else spells a list of roles.
 * A rule's `summary` completes "may not …" (refusals, the audit).
 */

// The only lists of roles in the code base: `pnpm run roles` (scripts/check-role-lists.mjs, part
// of `pnpm run check`) fails on any other.
const EVERYONE: readonly Role[] = ROLES;
/** Everyone but viewers (the wall screen): the people who take part. */
const WRITERS: readonly Role[] = ['facilitator', 'practitioner', 'family', 'network'];
/** Facilitators and practitioners: the professionals who run the plan. */
const STAFF: readonly Role[] = ['facilitator', 'practitioner'];
const FACILITATOR: readonly Role[] = ['facilitator'];
/** Nobody's client: only the server writes these. */
const SERVER_ONLY: readonly Role[] = [];

interface PolicyRow {
  /** Completes "may not …". */
  readonly summary: string;
  readonly roles: readonly Role[];
}

/** [AC1]–[AC21]: the permission matrix every client document update is checked against. */
const DOCUMENT_RULES = {
  AC1: { summary: 'write to the board document at all', roles: WRITERS },
  AC2: { summary: 'add a card authored by yourself (your id and role)', roles: WRITERS },
  AC3: { summary: 'edit the text of your own card', roles: WRITERS },
  AC4: { summary: 'delete or move a card you wrote', roles: WRITERS },
  AC5: { summary: "delete or move another person's card", roles: STAFF },
  AC6: {
    summary: 'write professionals-only content: the restricted document, moves between the documents',
    roles: STAFF,
  },
  AC7: { summary: 'set your own agreement mark', roles: WRITERS },
  AC8: { summary: 'set or clear your own rating on a revealed scale', roles: WRITERS },
  AC9: { summary: 'change a scale mode (private collection, reveal) or a scale itself', roles: FACILITATOR },
  AC10: { summary: 'lock or unlock the board', roles: FACILITATOR },
  AC11: { summary: 'write to a locked board', roles: STAFF },
  AC12: { summary: 'edit the plan; add and edit network members and rules', roles: WRITERS },
  AC13: { summary: 'remove network members and rules', roles: STAFF },
  AC14: { summary: 'pair a danger statement with a safety goal', roles: WRITERS },
  AC15: { summary: 'unpair (other than by deleting a paired card you may delete)', roles: STAFF },
  AC16: { summary: "change the board's title", roles: STAFF },
  AC17: {
    summary: 'write participants, the private-scoring list, createdAt or schemaVersion',
    roles: SERVER_ONLY,
  },
  AC18: { summary: "rewrite a card's authorId, authorRole, id or createdAt", roles: SERVER_ONLY },
  AC19: {
    summary: 'write anything outside the board layout or against its value rules',
    roles: SERVER_ONLY,
  },
  AC20: {
    summary:
      'put a professionals-only card in the shared document, or change a card’s professionalsOnly flag',
    roles: SERVER_ONLY,
  },
  AC21: {
    summary: 'write anything but cards (and their marks) to the restricted document',
    roles: SERVER_ONLY,
  },
  // Whose words (issue 12). Numbered from 30 so that rows added elsewhere at 22+ do not collide.
  AC30: {
    summary: "change another person's card (recorded on it as changed by you)",
    roles: STAFF,
  },
  AC31: { summary: 'suggest a change to a card (your own suggestion)', roles: WRITERS },
  AC32: { summary: 'accept or decline suggestions on your own card', roles: WRITERS },
  AC33: { summary: "accept or decline suggestions on another person's card", roles: STAFF },
  AC34: {
    summary:
      'write or remove who changed a card or whose suggestion was accepted, other than with that change',
    roles: SERVER_ONLY,
  },
  // Meeting tools (issue 13): the agenda and its timer, the parking lot. Numbered from 40.
  AC40: { summary: 'add, change, reorder or remove agenda items', roles: STAFF },
  AC41: {
    summary:
      'run the agenda: start, pause or move on the timer, choose the current item, tick items off, choose what the wall shows',
    roles: FACILITATOR,
  },
  AC42: { summary: 'add an item to the parking lot in your own name', roles: WRITERS },
  AC43: { summary: 'change or withdraw your own parking-lot item', roles: WRITERS },
  AC44: {
    summary: "mark a parking-lot item dealt with, or change or remove another person's",
    roles: STAFF,
  },
  AC45: { summary: "rewrite a parking-lot item's author, author role, id or createdAt", roles: SERVER_ONLY },
  // The child's voice (issue 14): the people of the case, scores recorded for people without a device.
  AC46: { summary: 'add, change or remove the people of the case (the children and others)', roles: STAFF },
  AC47: {
    summary: 'record or withdraw a score for a person of the case who has no device, in your own name',
    roles: STAFF,
  },
} as const satisfies Record<string, PolicyRow>;

/** The rules of the upgrade, the HTTP routes and the web's offers. */
const ACCESS_RULES = {
  A4: { summary: 'bring everyone to their view (a summon others follow)', roles: FACILITATOR },
  P1: { summary: 'send document updates the room handles (a viewer’s are dropped)', roles: WRITERS },
  PO1: { summary: 'open the professionals-only cards (the restricted document)', roles: STAFF },
  PO4: { summary: 'see professionals-only cards', roles: STAFF },
  PR3: { summary: 'score privately', roles: WRITERS },
  PR9: { summary: 'record a private score for a person of the case who has no device', roles: STAFF },
  PR5: { summary: 'reveal the private scores', roles: FACILITATOR },
  AU6: { summary: "open the board's routes", roles: EVERYONE },
  AU7: { summary: 'invite people', roles: STAFF },
  AU8: { summary: "list the board's invites and members", roles: STAFF },
  AU9: { summary: 'revoke an invite', roles: STAFF },
  AU11: { summary: 'revoke a member', roles: STAFF },
  AU12: { summary: 'get a ticket for the board', roles: EVERYONE },
  AU16: { summary: 'hold a board role through a staff account', roles: STAFF },
  // The wall's join code (issue 13): show or hide it, see who asks to join, admit or decline.
  AU20: {
    summary: "show the wall's join code, or admit or decline people asking to join",
    roles: FACILITATOR,
  },
  AU21: { summary: "see the wall's join code (it grants nothing by itself)", roles: EVERYONE },
  AD3: { summary: "read the board's audit", roles: STAFF },
  VE3: { summary: 'save or open versions', roles: STAFF },
  VE4: { summary: 'run meetings', roles: FACILITATOR },
  VE6: { summary: 'restore the whole board from a version', roles: FACILITATOR },
  VE7: { summary: 'see the scaling trajectory', roles: WRITERS },
  VE8: { summary: 'download the family summary', roles: WRITERS },
  VE9: { summary: 'download the record', roles: STAFF },
  VE10: { summary: 'export the board', roles: STAFF },
  VE13: { summary: 'restore a card from a version', roles: STAFF },
} as const satisfies Record<string, PolicyRow>;

/**
 * The one policy table: rule id → the roles that hold it.
 * @example POLICY.VE4 // { summary: 'run meetings', roles: ['facilitator'] }
 */
export const POLICY = Object.freeze({ ...DOCUMENT_RULES, ...ACCESS_RULES });

/** A rule of the table; a typo is a compile error. */
export type PolicyRuleId = keyof typeof POLICY;
/** The document rules ([AC1]–[AC21]), the ones a refused update names. */
export type PermissionRuleId = keyof typeof DOCUMENT_RULES;

/** The document part of the table, for the room's checks and the SPEC's matrix. */
export const PERMISSION_MATRIX: Readonly<Record<PermissionRuleId, PolicyRow>> = Object.freeze(DOCUMENT_RULES);

/**
 * True when `role` holds rule `rule`.
 * @example may('practitioner', 'VE4') // false: only the facilitator runs meetings
 */
export function may(role: Role, rule: PolicyRuleId): boolean {
  return (POLICY[rule].roles as readonly Role[]).includes(role);
}

/** True when `rule` is a rule of the table (e.g. a rule id read back from the audit). */
export function isPolicyRuleId(rule: string): rule is PolicyRuleId {
  return Object.hasOwn(POLICY, rule);
}

/**
 * Whose access each role manages: invites it creates and revokes, members it revokes ([AU7],
 * [AU9], [AU11]). A facilitator manages every role, a practitioner the family, network and viewers.
 */
export const MANAGEABLE_ROLES: Readonly<Record<Role, readonly Role[]>> = Object.freeze({
  facilitator: EVERYONE,
  practitioner: ['family', 'network', 'viewer'],
  family: [],
  network: [],
  viewer: [],
});

/**
 * The roles a person asking to join at the wall may be admitted with ([AU20]): never a staff role,
 * whoever admits (a staff role needs a personal invite to a staff account's holder).
 */
export const LOBBY_ROLES: readonly Role[] = Object.freeze(['family', 'network', 'viewer']);

/**
 * True when someone asking to join may be admitted in role `role` ([AU20]).
 * @example mayAdmitAs('practitioner') // false
 */
export function mayAdmitAs(role: Role): boolean {
  return LOBBY_ROLES.includes(role);
}

/**
 * True when `actor` may invite, or end the access of, someone in role `target`.
 * @example mayManage('practitioner', 'facilitator') // false
 */
export function mayManage(actor: Role, target: Role): boolean {
  return MANAGEABLE_ROLES[actor].includes(target);
}
