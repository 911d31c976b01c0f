import { ROLES, type Role } from '../doc/types.js';

/**
 * Who may do what: every rule of docs/SPEC.md that depends on a board member's role, document
 * and HTTP alike, is one row here. The server's room guard, its routes and the upgrade, and the
 * web's choice of what to offer all ask `may(role, rule)`; nowhere else spells a list of roles.
 * Each row is the roles that hold the rule; `POLICY_SUMMARIES` completes "may not …" for each (refusals,
 * the audit), kept apart so that the web, which only asks `may`, carries none of the sentences.
 */

// The only lists of roles in the code base: `pnpm run roles` (scripts/check-role-lists.mjs, part
// of `pnpm run check`) fails on any other.
const EVERYONE: readonly Role[] = ROLES;
/** Everyone but viewers (the wall screen): the people who take part. */
const WRITERS: readonly Role[] = ['facilitator', 'practitioner', 'family', 'network'];
/** Facilitators and practitioners: the professionals who run the plan. */
const STAFF: readonly Role[] = ['facilitator', 'practitioner'];
const FACILITATOR: readonly Role[] = ['facilitator'];
/** The family: parents and carers (Words and Pictures is agreed with them). */
const FAMILY: readonly Role[] = ['family'];
/** Nobody's client: only the server writes these. */
const SERVER_ONLY: readonly Role[] = [];

/** [AC1]–[AC21]: the permission matrix every client document update is checked against. */
const DOCUMENT_RULES = {
  AC1: WRITERS,
  AC2: WRITERS,
  AC3: WRITERS,
  AC4: WRITERS,
  AC5: STAFF,
  AC6: STAFF,
  AC7: WRITERS,
  AC8: WRITERS,
  AC9: FACILITATOR,
  AC10: FACILITATOR,
  AC11: STAFF,
  AC12: WRITERS,
  AC13: STAFF,
  AC14: WRITERS,
  AC15: STAFF,
  AC16: STAFF,
  AC17: SERVER_ONLY,
  AC18: SERVER_ONLY,
  AC19: SERVER_ONLY,
  AC20: SERVER_ONLY,
  AC21: SERVER_ONLY,
  // Whose words (issue 12). Numbered from 30 so that rows added elsewhere at 22+ do not collide.
  AC30: STAFF,
  AC31: WRITERS,
  AC32: WRITERS,
  AC33: STAFF,
  AC34: SERVER_ONLY,
  // Meeting tools (issue 13): the agenda and its timer, the parking lot. Numbered from 40.
  AC40: STAFF,
  AC41: FACILITATOR,
  AC42: WRITERS,
  AC43: WRITERS,
  AC44: STAFF,
  AC45: SERVER_ONLY,
  // The child's voice (issue 14): the people of the case, scores recorded for people without a device.
  AC46: STAFF,
  AC47: STAFF,
  AC48: WRITERS,
  // A child's tools (issue 14): each its own document, which only staff write (the child beside them).
  AC50: STAFF,
  AC51: SERVER_ONLY,
  // The child's words on the map (issue 14): staff mark a card as a child's own words.
  AC52: STAFF,
} as const satisfies Record<string, readonly Role[]>;

/** The rules of the upgrade, the HTTP routes and the web's offers. */
const ACCESS_RULES = {
  A4: FACILITATOR,
  P1: WRITERS,
  PO1: STAFF,
  PO4: STAFF,
  PR3: WRITERS,
  PR9: STAFF,
  PR5: FACILITATOR,
  AU6: EVERYONE,
  AU7: STAFF,
  AU8: STAFF,
  AU9: STAFF,
  AU11: STAFF,
  AU12: EVERYONE,
  AU16: STAFF,
  // The wall's join code (issue 13): show or hide it, see who asks to join, admit or decline.
  AU20: FACILITATOR,
  AU21: EVERYONE,
  AD3: STAFF,
  VE3: STAFF,
  VE4: FACILITATOR,
  VE6: FACILITATOR,
  VE7: WRITERS,
  VE8: WRITERS,
  VE9: STAFF,
  VE10: STAFF,
  VE13: STAFF,
  // A child's tools (issue 14): start one with a child; choose with the child who sees it.
  CT1: STAFF,
  CT2: STAFF,
  // What the child's choices "everyone at the meeting" and "the wall screen too" reach ([CT3]).
  CT3: WRITERS,
  CT4: EVERYONE,
  // Words and Pictures: staff share it with the parents, then with the child; each parent agrees.
  CT5: STAFF,
  CT6: FAMILY,
  // Bring a child's tool back as a saved version kept it (and only if the child shows it to you).
  CT7: STAFF,
  // Hand a child's tool to another worker (its worker does); once the worker has left, CT9's row does.
  CT8: STAFF,
  CT9: FACILITATOR,
} as const satisfies Record<string, readonly Role[]>;

/**
 * The one policy table: rule id → the roles that hold it.
 * @example POLICY.VE4 // ['facilitator']
 */
export const POLICY = Object.freeze({ ...DOCUMENT_RULES, ...ACCESS_RULES });

/** A rule of the table; a typo is a compile error. */
export type PolicyRuleId = keyof typeof POLICY;
/** The document rules ([AC1]–[AC21]), the ones a refused update names. */
export type PermissionRuleId = keyof typeof DOCUMENT_RULES;

/** The document part of the table, for the room's checks and the SPEC's matrix. */
export const PERMISSION_MATRIX: Readonly<Record<PermissionRuleId, readonly Role[]>> =
  Object.freeze(DOCUMENT_RULES);

/**
 * What each rule of the table forbids, completing "may not …" (a refused request, the audit's words).
 * Every rule has one: a missing or extra id is a compile error.
 */
export const POLICY_SUMMARIES: Readonly<Record<PolicyRuleId, string>> = /* @__PURE__ */ Object.freeze({
  AC1: 'write to the board document at all',
  AC2: 'add a card authored by yourself (your id and role)',
  AC3: 'edit the text of your own card',
  AC4: 'delete or move a card you wrote',
  AC5: "delete or move another person's card",
  AC6: 'write professionals-only content: the restricted document, moves between the documents',
  AC7: 'set your own agreement mark',
  AC8: 'set or clear your own rating on a revealed scale',
  AC9: 'change a scale mode (private collection, reveal) or a scale itself',
  AC10: 'lock or unlock the board',
  AC11: 'write to a locked board',
  AC12: 'edit the plan; add and edit network members and rules',
  AC13: 'remove network members and rules',
  AC14: 'pair a danger statement with a safety goal',
  AC15: 'unpair (other than by deleting a paired card you may delete)',
  AC16: "change the board's title",
  AC17: 'write participants, the private-scoring list, createdAt or schemaVersion',
  AC18: "rewrite a card's authorId, authorRole, id or createdAt",
  AC19: 'write anything outside the board layout or against its value rules',
  AC20: 'put a professionals-only card in the shared document, or change a card’s professionalsOnly flag',
  AC21: 'write anything but cards (and their marks) to the restricted document',
  AC30: "change another person's card (recorded on it as changed by you)",
  AC31: 'suggest a change to a card (your own suggestion)',
  AC32: 'accept or decline suggestions on your own card',
  AC33: "accept or decline suggestions on another person's card",
  AC34: 'write or remove who changed a card or whose suggestion was accepted, other than with that change',
  AC40: 'add, change, reorder or remove agenda items',
  AC41: 'run the agenda: start, pause or move on the timer, choose the current item, tick items off, choose what the wall shows',
  AC42: 'add an item to the parking lot in your own name',
  AC43: 'change or withdraw your own parking-lot item',
  AC44: "mark a parking-lot item dealt with, or change or remove another person's",
  AC45: "rewrite a parking-lot item's author, author role, id or createdAt",
  AC46: 'add, change or remove the people of the case (the children and others)',
  AC47: 'record or withdraw a score for a person of the case who has no device, in your own name',
  AC48: 'take over the score written down for you before you joined',
  AC50: "write in a child's tool (their words, drawings, pictures and own score)",
  AC51: "write a child's tool's meta, anything outside its layout or against its value rules",
  AC52: "mark a card as a child's own words (naming a child of the case), or clear the mark",
  A4: 'bring everyone to their view (a summon others follow)',
  P1: 'send document updates the room handles (a viewer’s are dropped)',
  PO1: 'open the professionals-only cards (the restricted document)',
  PO4: 'see professionals-only cards',
  PR3: 'score privately',
  PR9: 'record a private score for a person of the case who has no device',
  PR5: 'reveal the private scores',
  AU6: "open the board's routes",
  AU7: 'invite people',
  AU8: "list the board's invites and members",
  AU9: 'revoke an invite',
  AU11: 'revoke a member',
  AU12: 'get a ticket for the board',
  AU16: 'hold a board role through a staff account',
  AU20: "show the wall's join code, or admit or decline people asking to join",
  AU21: "see the wall's join code (it grants nothing by itself)",
  AD3: "read the board's audit",
  VE3: 'save or open versions',
  VE4: 'run meetings',
  VE6: 'restore the whole board from a version',
  VE7: 'see the scaling trajectory',
  VE8: 'download the family summary',
  VE9: 'download the record',
  VE10: 'export the board',
  VE13: 'restore a card from a version',
  CT1: "start a child's tool (Three Houses, Wizards and Fairies, the Safety House) with a child",
  CT2: "change who sees a child's tool (with the child, and only if you can see it)",
  CT3: "see a child's tool the child shows to everyone at the meeting",
  CT4: "see a child's tool the child shows on the wall screen too",
  CT5: 'share Words and Pictures with the parents to agree, or with the child',
  CT6: 'agree to Words and Pictures as a parent it was shared with',
  CT7: "bring a child's tool back as a saved version kept it",
  CT8: "hand a child's tool over to another worker",
  CT9: "hand a child's tool over once its worker has left the board",
});

/**
 * True when `role` holds rule `rule`.
 * @example may('practitioner', 'VE4') // false: only the facilitator runs meetings
 */
export function may(role: Role, rule: PolicyRuleId): boolean {
  return (POLICY[rule] as readonly Role[]).includes(role);
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
