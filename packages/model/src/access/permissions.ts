import type { Change } from '../cards/changeKinds.js';
import { OVERALL_SCALE_ID } from '../doc/ids.js';
import type { ParticipantId, Role } from '../doc/types.js';
import { may, type PermissionRuleId } from './policy.js';

/**
 * The permission matrix (docs/SPEC.md, "Permission matrix"): which document changes a client's
 * update may make. The rows are the [AC] rules of the one policy table (policy.ts); the server
 * checks every client update here; changes the server makes itself (`rooms.change`: participants,
 * private scoring, the reveal) are not checked.
 */

/** Who sent the update. */
export interface ChangeActor {
  /** Absent for legacy (token) connections: the checks against one's own id are skipped. */
  readonly participantId?: ParticipantId | undefined;
  readonly role: Role;
}

export type PermissionVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly rule: PermissionRuleId; readonly reason: string };

const allowed: PermissionVerdict = Object.freeze({ ok: true });

/**
 * Which of a board's two documents an update is for: `shared` (everyone) or `restricted`
 * (professionals-only cards; only facilitators and practitioners can connect to it).
 */
export type BoardDocument = 'shared' | 'restricted';

/** What the other changes of the same update establish ("together with" exceptions). */
interface UpdateContext {
  readonly actor: ChangeActor;
  readonly document: BoardDocument;
  /** Categories where the update places one of the actor's own cards (siblings get renumbered). */
  readonly placedIn: ReadonlySet<unknown>;
  readonly pairsAdded: ReadonlySet<string>;
  readonly pairsRemoved: ReadonlySet<string>;
  /** Pairs removed because one of their cards is deleted in the same update ([AC15]'s exception). */
  readonly pairsRemovedWithCard: ReadonlySet<string>;
  readonly cardsRemoved: ReadonlySet<string>;
  readonly modesChanged: ReadonlySet<string>;
  /** People of the case the update removes (their recorded scores go with them, [AC46]). */
  readonly peopleRemoved: ReadonlySet<string>;
  /** Cards whose text the update changes. */
  readonly textEdited: ReadonlySet<string>;
  /** Cards where the update records the actor as having changed the text (`editedBy`). */
  readonly editedBySelf: ReadonlySet<string>;
  /** `cardId participantId` of the suggestions the update removes (accepted or declined). */
  readonly suggestionsRemoved: ReadonlySet<string>;
}

const isOwn = (actor: ChangeActor, id: unknown): boolean =>
  actor.participantId === undefined || id === actor.participantId;

function contextOf(changes: readonly Change[], actor: ChangeActor, document: BoardDocument): UpdateContext {
  const placedIn = new Set<unknown>();
  const pairsAdded = new Set<string>();
  const pairsRemoved = new Set<string>();
  const cardsRemoved = new Set<string>();
  const modesChanged = new Set<string>();
  const peopleRemoved = new Set<string>();
  const textEdited = new Set<string>();
  const editedBySelf = new Set<string>();
  const suggestionsRemoved = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'card-text') textEdited.add(change.cardId);
    if (
      change.kind === 'card-note' &&
      change.set &&
      change.field === 'editedBy' &&
      isOwn(actor, change.participantId)
    )
      editedBySelf.add(change.cardId);
    if (change.kind === 'card-note' && !change.set && change.field === 'suggestions')
      suggestionsRemoved.add(`${change.cardId} ${change.participantId}`);
    if ((change.kind === 'card-added' || change.kind === 'card-moved') && isOwn(actor, change.authorId)) {
      placedIn.add(change.category);
    }
    if (change.kind === 'card-field' && change.field === 'order' && isOwn(actor, change.authorId)) {
      placedIn.add(change.category);
    }
    if (change.kind === 'pair-added') pairsAdded.add(change.pairId);
    if (change.kind === 'pair-removed') pairsRemoved.add(change.pairId);
    if (change.kind === 'card-removed') cardsRemoved.add(change.cardId);
    if (change.kind === 'scale-mode') modesChanged.add(change.scaleId);
    if (change.kind === 'person-removed') peopleRemoved.add(change.personId);
  }
  const pairsRemovedWithCard = new Set<string>();
  for (const change of changes) {
    if (change.kind !== 'pair-removed') continue;
    if (change.cardIds.some((id) => typeof id === 'string' && cardsRemoved.has(id)))
      pairsRemovedWithCard.add(change.pairId);
  }
  return {
    actor,
    document,
    placedIn,
    pairsAdded,
    pairsRemoved,
    pairsRemovedWithCard,
    cardsRemoved,
    modesChanged,
    peopleRemoved,
    textEdited,
    editedBySelf,
    suggestionsRemoved,
  };
}

const deny = (rule: PermissionRuleId, reason: string): PermissionVerdict => ({ ok: false, rule, reason });

/** Denies unless the actor's role holds `rule`. */
const need = (ctx: UpdateContext, rule: PermissionRuleId, reason: string): PermissionVerdict =>
  may(ctx.actor.role, rule) ? allowed : deny(rule, reason);

/** Own record: AC4 (own) suffices; someone else's needs AC5. */
const ownOrStaff = (ctx: UpdateContext, authorId: unknown, what: string): PermissionVerdict =>
  isOwn(ctx.actor, authorId)
    ? need(ctx, 'AC4', `${ctx.actor.role} may not ${what}`)
    : need(ctx, 'AC5', `${ctx.actor.role} may not ${what} another person's card`);

function checkCard(change: Change, ctx: UpdateContext): PermissionVerdict | null {
  const { actor } = ctx;
  switch (change.kind) {
    case 'card-added':
      return checkCardAdded(change, ctx);
    case 'card-removed':
      return ownOrStaff(ctx, change.authorId, 'delete');
    case 'card-text':
      return checkCardText(change.cardId, change.authorId, ctx);
    case 'card-note':
      return checkCardNote(change, ctx);
    case 'card-moved':
      return ownOrStaff(ctx, change.authorId, 'move');
    case 'card-field':
      return checkCardField(change, ctx);
    case 'card-quote':
      return checkCardQuote(change, ctx);
    case 'mark-set':
      return isOwn(actor, change.participantId)
        ? need(ctx, 'AC7', `${actor.role} may not mark cards`)
        : deny('AC7', 'only your own mark');
    default:
      return null;
  }
}

/**
 * People's words stay theirs: one edits the text of one's own card ([AC3]); staff may change
 * another person's card, but only while recording themselves as its editor in the same update
 * (`editedBy`, shown as "changed by …"), so the card never names only its author ([AC30]).
 */
function checkCardText(cardId: string, authorId: unknown, ctx: UpdateContext): PermissionVerdict {
  const { actor } = ctx;
  if (isOwn(actor, authorId)) return need(ctx, 'AC3', `${actor.role} may not edit cards`);
  if (!may(actor.role, 'AC30'))
    return deny('AC30', `${actor.role} may not change another person's card: suggest a change instead`);
  return ctx.editedBySelf.has(cardId)
    ? allowed
    : deny('AC30', "changing another person's card must record you as its editor (editedBy)");
}

/**
 * A card's own-entry maps: one's own reason and suggestion ([AC7], [AC31]); the author or staff
 * accept or decline another's suggestion ([AC32], [AC33]); `editedBy` and `suggestedBy` are
 * written only with the text change they record and never removed ([AC34]).
 */
function checkCardNote(
  change: Extract<Change, { kind: 'card-note' }>,
  ctx: UpdateContext,
): PermissionVerdict {
  const { actor } = ctx;
  if (!change.valid) return deny('AC19', `a card's ${change.field} entry outside the board layout`);
  const mine = isOwn(actor, change.participantId);
  const authorsOwn = isOwn(actor, change.authorId);
  switch (change.field) {
    case 'reasons':
      return mine
        ? need(ctx, 'AC7', `${actor.role} may not mark cards`)
        : deny('AC7', 'only your own reason');
    case 'suggestions':
      if (mine) return need(ctx, 'AC31', `${actor.role} may not suggest changes`);
      if (change.set) return deny('AC31', 'only your own suggestion');
      return authorsOwn
        ? need(ctx, 'AC32', `${actor.role} may not accept or decline suggestions`)
        : need(ctx, 'AC33', `${actor.role} may not accept or decline suggestions on another person's card`);
    case 'editedBy':
      if (!change.set) return deny('AC34', 'who changed a card is never removed');
      if (!mine) return deny('AC34', 'only you can be recorded as the editor of your change');
      if (!ctx.textEdited.has(change.cardId)) return deny('AC34', 'editedBy records a change of the text');
      return need(ctx, 'AC30', `${actor.role} may not change another person's card`);
    case 'suggestedBy': {
      if (!change.set) return deny('AC34', 'whose suggestion was accepted is never removed');
      const accepted =
        ctx.textEdited.has(change.cardId) &&
        ctx.suggestionsRemoved.has(`${change.cardId} ${change.participantId}`);
      if (!accepted) return deny('AC34', 'suggestedBy records an accepted suggestion');
      return authorsOwn
        ? need(ctx, 'AC32', `${actor.role} may not accept suggestions`)
        : need(ctx, 'AC33', `${actor.role} may not accept suggestions on another person's card`);
    }
  }
}

/**
 * The child's own words ([AC52]): staff mark a card they may edit as a child's words, or clear
 * the mark. In the shared document a quote names a child of the case — a card added with one may
 * bring back the quote of a person since removed (a card moved back from the restricted document,
 * which holds no people, keeps its quote as it was; it reads as "a child").
 */
function checkCardQuote(
  change: Extract<Change, { kind: 'card-quote' }>,
  ctx: UpdateContext,
): PermissionVerdict {
  const { actor } = ctx;
  if (!may(actor.role, 'AC52'))
    return deny('AC52', `${actor.role} may not mark a card as a child's own words`);
  const editable = isOwn(actor, change.authorId) ? may(actor.role, 'AC3') : may(actor.role, 'AC30');
  if (!editable) return deny('AC52', `${actor.role} may not change this card`);
  if (!change.set || ctx.document !== 'shared') return allowed;
  if (change.person === 'child' || (change.person === 'none' && change.onNewCard)) return allowed;
  return deny('AC52', "a card's quote names a child of the case");
}

/**
 * A new card is authored by its sender with only the sender's mark — except for a professional
 * moving a card between the two documents, which keeps its author and marks ([AC6]).
 */
function checkCardAdded(
  change: Extract<Change, { kind: 'card-added' }>,
  ctx: UpdateContext,
): PermissionVerdict {
  const { actor } = ctx;
  if (ctx.document === 'shared' && change.professionalsOnly === true) {
    return deny('AC20', 'a professionals-only card belongs in the restricted document');
  }
  if (ctx.document === 'restricted' && change.professionalsOnly !== true) {
    return deny('AC21', 'the restricted document holds only professionals-only cards');
  }
  const ownAuthor = isOwn(actor, change.authorId) && change.authorRole === actor.role;
  const ownMarks = change.markedBy.every((id) => isOwn(actor, id));
  if (ownAuthor && ownMarks && ctx.document === 'shared')
    return need(ctx, 'AC2', `${actor.role} may not add cards`);
  if (may(actor.role, 'AC6')) return allowed;
  if (!ownAuthor) return deny('AC2', 'a new card must be authored by its sender');
  if (!ownMarks) return deny('AC7', 'only your own mark');
  return deny('AC6', `${actor.role} may not add professionals-only cards`);
}

/** The restricted document holds cards and their marks, nothing else ([AC21]). */
function checkRestricted(change: Change, ctx: UpdateContext): PermissionVerdict | null {
  if (ctx.document !== 'restricted') return null;
  if (!may(ctx.actor.role, 'AC6'))
    return deny('AC6', `${ctx.actor.role} may not write professionals-only cards`);
  switch (change.kind) {
    case 'card-added':
    case 'card-removed':
    case 'card-text':
    case 'card-moved':
    case 'mark-set':
    case 'card-note':
    case 'card-quote':
    case 'unknown':
      return null;
    case 'card-field':
      return change.field === 'pairId' ? deny('AC21', 'a professionals-only card cannot be paired') : null;
    default:
      return deny('AC21', 'the restricted document holds only cards');
  }
}

function checkCardField(
  change: Extract<Change, { kind: 'card-field' }>,
  ctx: UpdateContext,
): PermissionVerdict {
  switch (change.field) {
    case 'order':
      // Placing one's own card may renumber its siblings (no gap left between neighbours).
      if (ctx.placedIn.has(change.category)) return need(ctx, 'AC4', `${ctx.actor.role} may not move cards`);
      return ownOrStaff(ctx, change.authorId, 'move');
    case 'updatedAt':
      return isOwn(ctx.actor, change.authorId)
        ? need(ctx, 'AC3', `${ctx.actor.role} may not edit cards`)
        : need(ctx, 'AC30', `${ctx.actor.role} may not change another person's card`);
    case 'pairId':
      // Taking a card out of its pair is unpairing, unless the pair goes with a deleted card.
      if (change.leftPair !== undefined && !ctx.pairsRemovedWithCard.has(change.leftPair))
        return need(ctx, 'AC15', `${ctx.actor.role} may not unpair`);
      return need(ctx, 'AC14', `${ctx.actor.role} may not pair cards`);
    case 'professionalsOnly':
      return deny('AC20', 'move the card between the shared and the restricted document instead');
    default:
      return deny('AC18', `a card's ${change.field} cannot change after it is created`);
  }
}

function checkScale(change: Change, ctx: UpdateContext): PermissionVerdict | null {
  const { actor } = ctx;
  switch (change.kind) {
    case 'rating-set':
      if (change.mode === 'private') return deny('AC8', 'the scale is collecting scores privately');
      if (change.forPerson) return checkRecordedRating(change.recordedBy, ctx);
      if (!isOwn(actor, change.participantId)) return deny('AC8', 'only your own rating');
      if (change.recordedBy !== undefined)
        return deny('AC47', 'a score of your own is not recorded by anyone');
      return need(ctx, 'AC8', `${actor.role} may not rate`);
    case 'rating-removed':
      // Opening a new private round clears everyone's shown ratings.
      if (ctx.modesChanged.has(change.scaleId))
        return need(ctx, 'AC9', `${actor.role} may not change scale modes`);
      // A person's recorded scores go with them; staff withdraw a recorded score.
      if (ctx.peopleRemoved.has(change.participantId))
        return need(ctx, 'AC46', `${actor.role} may not remove the people of the case`);
      // [AC48] Someone who has joined since takes over the score written down for them.
      if (change.forPerson && typeof change.linkedTo === 'string' && isOwn(actor, change.linkedTo))
        return need(ctx, 'AC48', `${actor.role} may not take over a score written down for them`);
      if (change.forPerson)
        return need(ctx, 'AC47', `${actor.role} may not withdraw a score recorded for someone`);
      return isOwn(actor, change.participantId)
        ? need(ctx, 'AC8', `${actor.role} may not rate`)
        : deny('AC8', 'only your own rating');
    case 'scored-removed':
      if (ctx.modesChanged.has(change.scaleId))
        return need(ctx, 'AC9', `${actor.role} may not change scale modes`);
      return deny('AC17', 'the private-scoring list is written by the server');
    case 'scored-set':
      return deny('AC17', 'the private-scoring list is written by the server');
    case 'scale-mode':
    case 'scale-field':
      return need(ctx, 'AC9', `${actor.role} may not change scale modes`);
    case 'scale-added':
      return ctx.pairsAdded.has(change.scaleId)
        ? need(ctx, 'AC14', `${actor.role} may not pair cards`)
        : need(ctx, 'AC9', `${actor.role} may not add scales`);
    case 'scale-removed':
      // Every board has the overall scale: it is never removed nor replaced by a client.
      if (change.scaleId === OVERALL_SCALE_ID)
        return deny('AC19', 'the overall scale is part of every board');
      return ctx.pairsRemoved.has(change.scaleId)
        ? null
        : need(ctx, 'AC9', `${actor.role} may not remove scales`);
    default:
      return null;
  }
}

/**
 * A score for a person of the case who has no device (issue 14): staff record it in their own
 * name, so the board says "recorded by … for …" ([AC47]).
 */
function checkRecordedRating(recordedBy: unknown, ctx: UpdateContext): PermissionVerdict {
  const { actor } = ctx;
  if (!may(actor.role, 'AC47'))
    return deny('AC47', `${actor.role} may not record a score for someone without a device`);
  return recordedBy !== undefined && isOwn(actor, recordedBy) && typeof recordedBy === 'string'
    ? allowed
    : deny('AC47', 'a score recorded for someone must be recorded in your own name (recordedBy)');
}

function checkPair(change: Change, ctx: UpdateContext): PermissionVerdict | null {
  switch (change.kind) {
    case 'pair-added':
      return need(ctx, 'AC14', `${ctx.actor.role} may not pair cards`);
    case 'pair-removed':
      // Deleting a paired card removes its pair; the card's deletion is checked on its own.
      if (change.cardIds.some((id) => typeof id === 'string' && ctx.cardsRemoved.has(id))) return null;
      return need(ctx, 'AC15', `${ctx.actor.role} may not unpair`);
    case 'pair-field':
      return need(ctx, 'AC15', `${ctx.actor.role} may not change a pair`);
    default:
      return null;
  }
}

/**
 * The meeting tools ([AC40]–[AC45]): staff prepare the agenda, the facilitator runs it (timer,
 * current item, ticks, the wall's screen); anyone taking part adds to the parking lot in their own
 * name and changes or withdraws their own item; staff deal with any item.
 */
function checkMeeting(change: Change, ctx: UpdateContext): PermissionVerdict | null {
  const { actor } = ctx;
  const { role } = actor;
  switch (change.kind) {
    case 'agenda-added':
    case 'agenda-removed':
      return need(ctx, 'AC40', `${role} may not change the agenda`);
    case 'agenda-field':
      if (change.field === 'done') return need(ctx, 'AC41', `${role} may not run the agenda`);
      if (change.field === 'id') return deny('AC19', "an agenda item's id cannot change");
      return need(ctx, 'AC40', `${role} may not change the agenda`);
    case 'facilitation-field':
      return need(ctx, 'AC41', `${role} may not run the agenda`);
    case 'parking-added':
      if (!isOwn(actor, change.authorId) || change.authorRole !== role)
        return deny('AC42', 'a parking-lot item must be in its sender’s name');
      return need(ctx, 'AC42', `${role} may not add to the parking lot`);
    case 'parking-removed':
      return isOwn(actor, change.authorId)
        ? need(ctx, 'AC43', `${role} may not withdraw parking-lot items`)
        : need(ctx, 'AC44', `${role} may not remove another person's parking-lot item`);
    case 'parking-field':
      if (change.field === 'text')
        return isOwn(actor, change.authorId)
          ? need(ctx, 'AC43', `${role} may not change parking-lot items`)
          : need(ctx, 'AC44', `${role} may not change another person's parking-lot item`);
      if (change.field === 'resolved') return need(ctx, 'AC44', `${role} may not resolve parking-lot items`);
      return deny('AC45', `a parking-lot item's ${change.field} cannot change after it is added`);
    default:
      return null;
  }
}

function checkPlanAndBoard(change: Change, ctx: UpdateContext): PermissionVerdict | null {
  const { role } = ctx.actor;
  switch (change.kind) {
    case 'plan-field':
    case 'network-added':
    case 'network-field':
    case 'rule-added':
    case 'rule-field':
      return need(ctx, 'AC12', `${role} may not edit the plan`);
    case 'network-removed':
    case 'rule-removed':
      return need(ctx, 'AC13', `${role} may not remove plan items`);
    case 'person-added':
    case 'person-removed':
      return need(ctx, 'AC46', `${role} may not change the people of the case`);
    case 'person-field':
      if (change.field === 'id') return deny('AC19', "a person's id cannot change");
      return need(ctx, 'AC46', `${role} may not change the people of the case`);
    case 'meta-field':
      if (change.field === 'title') return need(ctx, 'AC16', `${role} may not rename the board`);
      if (change.field === 'locked') return need(ctx, 'AC10', `${role} may not lock the board`);
      return deny('AC17', `meta.${change.field} is written by the server`);
    case 'participant-written':
      return deny('AC17', 'participants are written by the server');
    case 'unknown':
      return deny('AC19', `not part of the board layout (${change.reason})`);
    default:
      return null;
  }
}

/**
 * Checks every change of one update against the matrix; the first refusal wins. Pure.
 * @example checkChanges(changes, { participantId, role: 'family' }, { locked: false })
 *   // { ok: false, rule: 'AC5', reason: "family may not delete another person's card" }
 */
export function checkChanges(
  changes: readonly Change[],
  actor: ChangeActor,
  board: { readonly locked: boolean; readonly document?: BoardDocument },
): PermissionVerdict {
  if (changes.length === 0) return allowed;
  if (!may(actor.role, 'AC1')) return deny('AC1', `${actor.role} may not write`);
  if (board.locked && !may(actor.role, 'AC11')) return deny('AC11', 'the board is locked');
  const ctx = contextOf(changes, actor, board.document ?? 'shared');
  for (const change of changes) {
    const verdict =
      checkRestricted(change, ctx) ??
      checkCard(change, ctx) ??
      checkScale(change, ctx) ??
      checkPair(change, ctx) ??
      checkMeeting(change, ctx) ??
      checkPlanAndBoard(change, ctx);
    if (verdict !== null && !verdict.ok) return verdict;
  }
  return allowed;
}
