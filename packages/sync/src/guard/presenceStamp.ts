import { CATEGORIES, COLUMNS, may, type Role } from '@kinmap/model';
import type * as Y from 'yjs';

/**
 * What the server writes into each presence (awareness) state, whatever the client sent
 * (docs/PROTOCOL.md "Presence"; SPEC [A5], [A6]):
 * - [A5] `participantId`, `role` and `name` are the connection's member: its id and role from the
 *   upgrade, its display name from the member record (or the board's participants). A family
 *   member cannot appear as the facilitator, nor as anybody else. A `summon` ("bring everyone to
 *   me") and a `wall` (what the wall screen shows) from a connection whose role may not
 *   summon ([A4]) are removed.
 * - [A6] Fields naming a card (`CARD_REF_FIELDS`) reach a connection that may not open the
 *   restricted document ([PO1]) only when they name a card of the shared document; otherwise
 *   they arrive as null. Frames keep only shared cards, and a pointer (`cursor`) keeps only the
 *   anchors naming no card or a shared one. So presence never names a professionals-only card to
 *   the family side.
 */

/** The presence fields whose value is a card id (the web's selection, typing and focus). */
export const CARD_REF_FIELDS = ['selected', 'editing', 'focus', 'focused', 'hovered'] as const;

/**
 * The presence fields holding a frame (what a screen shows, as anchors; the web's canvas/frame.ts):
 * `cards` is a list of card ids and `within` may name one card. `summon.frame` is one too.
 */
export const FRAME_FIELDS = ['frame', 'wall', 'wallView'] as const;

/**
 * The presence field holding a live pointer (the web's canvas/pointer.ts): `on` is a list of
 * anchors `{ kind, id, at }`, and a `card` anchor's id is a card id.
 */
export const POINTER_FIELD = 'cursor';

/** Who a connection is, as presence must show it. */
export interface PresenceSender {
  readonly role: Role;
  readonly participantId?: string | undefined;
  readonly displayName?: string | undefined;
}

/** Which connections may see presence naming any card, and which only shared ones. */
export type PresenceAudience = 'everything' | 'shared-cards';

export const audienceOf = (role: Role): PresenceAudience =>
  may(role, 'PO1') ? 'everything' : 'shared-cards';

/** The name the board's participants (written by the server, [AC17]) give this id, or ''. */
function participantName(doc: Y.Doc, participantId: string): string {
  const entry: unknown = doc.getMap('participants').get(participantId);
  const name =
    entry && typeof (entry as Y.Map<unknown>).get === 'function'
      ? (entry as Y.Map<unknown>).get('displayName')
      : null;
  return typeof name === 'string' ? name : '';
}

/**
 * [A5] The state as the room keeps and relays it: identity overwritten from the sender.
 * @example stampPresence(doc, { role: 'family', participantId: 'm1' }, { role: 'facilitator' })
 */
export function stampPresence(doc: Y.Doc, sender: PresenceSender, state: object): object {
  const stamped: Record<string, unknown> = { ...(state as Record<string, unknown>) };
  const participantId = sender.participantId ?? '';
  stamped.participantId = participantId;
  stamped.role = sender.role;
  stamped.name = sender.displayName ?? (participantId === '' ? '' : participantName(doc, participantId));
  if (!may(sender.role, 'A4')) {
    delete stamped.summon;
    // What the wall screen shows is the facilitator's to say ([A4]).
    delete stamped.wall;
  }
  return stamped;
}

/** [A6] The state as a `shared-cards` connection may see it; the same object when nothing is hidden. */
export function redactPresence(doc: Y.Doc, state: unknown): unknown {
  if (typeof state !== 'object' || state === null) return state;
  const fields = state as Record<string, unknown>;
  const cards = doc.getMap('cards');
  const shared = (id: unknown) => typeof id === 'string' && cards.has(id);
  let redacted: Record<string, unknown> | null = null;
  for (const field of CARD_REF_FIELDS) {
    const value = fields[field];
    if (value === undefined || value === null) continue;
    if (shared(value)) continue;
    redacted ??= { ...fields };
    redacted[field] = null;
  }
  for (const field of FRAME_FIELDS) {
    const frame = redactFrame(fields[field], shared);
    if (frame === fields[field]) continue;
    redacted ??= { ...fields };
    redacted[field] = frame;
  }
  const pointer = redactPointer(fields[POINTER_FIELD], shared);
  if (pointer !== fields[POINTER_FIELD]) {
    redacted ??= { ...fields };
    redacted[POINTER_FIELD] = pointer;
  }
  const summon = fields.summon;
  if (typeof summon === 'object' && summon !== null) {
    const frame = (summon as Record<string, unknown>).frame;
    const safe = redactFrame(frame, shared);
    if (safe !== frame) {
      redacted ??= { ...fields };
      redacted.summon = { ...(summon as Record<string, unknown>), frame: safe };
    }
  }
  return redacted ?? state;
}

/**
 * A frame with only shared cards named: `cards` keeps the shared ids (anything not a list becomes
 * empty) and `within` stays only when it names a shared card, a section, a column or the analysis
 * band by their fixed names (so no card id rides in it). The same object when nothing is hidden.
 */
function redactFrame(frame: unknown, shared: (id: unknown) => boolean): unknown {
  if (typeof frame !== 'object' || frame === null) return frame;
  const f = frame as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  const list = f.cards;
  if (list !== undefined && (!Array.isArray(list) || !list.every(shared))) {
    out ??= { ...f };
    out.cards = Array.isArray(list) ? list.filter(shared) : [];
  }
  const within = f.within;
  if (within !== undefined && within !== null) {
    const w = within as Record<string, unknown>;
    const named =
      typeof within === 'object' &&
      ((w.kind === 'card' && shared(w.id)) ||
        (w.kind === 'section' && (CATEGORIES as readonly unknown[]).includes(w.id)) ||
        (w.kind === 'column' && (COLUMNS as readonly unknown[]).includes(w.id)) ||
        (w.kind === 'analysis' && w.id === ''));
    if (!named) {
      out ??= { ...f };
      out.within = null;
    }
  }
  return out ?? frame;
}

/**
 * A pointer with only shared cards named: a `card` anchor naming no shared card is removed (the
 * section, column or band anchors after it remain, so the pointer still shows in the right
 * place), and any anchor that is not a `{ kind, id }` of a fixed kind is removed too (its id could
 * be anything). `on` that is not a list becomes empty. The same object when nothing is hidden.
 */
function redactPointer(pointer: unknown, shared: (id: unknown) => boolean): unknown {
  if (typeof pointer !== 'object' || pointer === null) return pointer;
  const p = pointer as Record<string, unknown>;
  const on = p.on;
  if (on === undefined) return pointer;
  if (!Array.isArray(on)) return { ...p, on: [] };
  const safe = on.filter((anchor: unknown) => {
    if (typeof anchor !== 'object' || anchor === null) return false;
    const { kind, id } = anchor as Record<string, unknown>;
    return (
      (kind === 'card' && shared(id)) ||
      (kind === 'section' && (CATEGORIES as readonly unknown[]).includes(id)) ||
      (kind === 'column' && (COLUMNS as readonly unknown[]).includes(id)) ||
      (kind === 'analysis' && id === '')
    );
  });
  return safe.length === on.length ? pointer : { ...p, on: safe };
}
