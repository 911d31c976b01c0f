import { isRole, type Role } from '@kinmap/model';
import { type BoardViewport, clampScale } from '../../canvas/camera';
import { ROLE_COLORS } from '../../canvas/colors';
import {
  type AnchorKind,
  type Frame,
  type FrameWithin,
  isCategory,
  isColumn,
  MAX_FRAME_CARDS,
} from '../../canvas/frame';
import type { Rect } from '../../canvas/geometry';
import { MAX_POINTER_ANCHORS, type Pointer, type PointerAnchor } from '../../canvas/pointer';
import { t } from '../../lib/messages';

/**
 * What each client publishes through Yjs awareness. The cursor is a pointer said as what it is
 * over (canvas/pointer.ts), so every screen draws it on the same card whatever its layout.
 */
export interface Presence {
  readonly participantId: string;
  readonly name: string;
  readonly role: Role;
  readonly color: string;
  readonly cursor: Pointer | null;
}

/** Which card a person has chosen and which one they are typing in, published beside their presence. */
export interface Activity {
  readonly selected: string | null;
  readonly editing: string | null;
}

/** A facilitator's "bring everyone to me": the view to jump to, once per `at`. */
export interface Summon {
  readonly at: number;
  readonly viewport: BoardViewport;
  /** What the summoner sees, as anchors (any layout can show it; the phone too). */
  readonly frame: Frame | null;
}

export interface Peer extends Presence, Activity {
  readonly clientId: number;
  /** The part of the board this person looks at (what their followers see). */
  readonly viewport: BoardViewport | null;
  /** The same as anchors (canvas/frame.ts): what followers on any layout show. */
  readonly frame: Frame | null;
  /** A facilitator's: what the wall screen shows (their frame, live or as last sent). */
  readonly wall: Frame | null;
  /** A wall screen's: what it shows now, so the facilitator sees its outline. */
  readonly wallView: Frame | null;
  readonly summon: Summon | null;
}

/** Someone else's hand on a card, for the outline and name drawn around it. */
export interface CardWatcher {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  readonly editing: boolean;
}

const MAX_NAME = 80;

const MAX_COORD = 1e7;

function readViewport(x: unknown): BoardViewport | null {
  if (typeof x !== 'object' || x === null) return null;
  const { x: vx, y: vy, scale } = x as { x?: unknown; y?: unknown; scale?: unknown };
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  if (!finite(vx) || !finite(vy) || !finite(scale)) return null;
  if (Math.abs(vx) > MAX_COORD || Math.abs(vy) > MAX_COORD) return null;
  // A fitted (letterboxed) view starts left of or above the board: negative is a real place.
  const at = { x: vx, y: vy, scale: clampScale(scale) };
  const { width, height } = x as { width?: unknown; height?: unknown };
  const size = (n: unknown): n is number => finite(n) && n > 0 && n < MAX_COORD;
  return size(width) && size(height) ? { ...at, width, height } : at;
}

/**
 * A pointer from another browser (canvas/pointer.ts): bounded coordinates, a positive board size,
 * at most one anchor of each kind with a known name (card ids in their form) and fractions within
 * 0..1. Anything malformed and the whole pointer is ignored (null), never trimmed into meaning.
 */
export function readPointer(x: unknown): Pointer | null {
  if (typeof x !== 'object' || x === null) return null;
  const p = x as Record<string, unknown>;
  const coord = (n: unknown): n is number =>
    typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= MAX_COORD;
  if (!coord(p.x) || !coord(p.y)) return null;
  const board = readRect({ x: 0, y: 0, ...(p.board as object) }, MAX_COORD, true);
  if (!board || !Array.isArray(p.on) || p.on.length > MAX_POINTER_ANCHORS) return null;
  const on: PointerAnchor[] = [];
  for (const item of p.on) {
    const anchor = readPointerAnchor(item);
    if (!anchor || on.some((a) => a.kind === anchor.kind)) return null;
    on.push(anchor);
  }
  return { x: p.x, y: p.y, board: { width: board.width, height: board.height }, on };
}

function readPointerAnchor(x: unknown): PointerAnchor | null {
  if (typeof x !== 'object' || x === null) return null;
  const { kind, id, at } = x as Record<string, unknown>;
  if (typeof at !== 'object' || at === null) return null;
  const { x: fx, y: fy } = at as Record<string, unknown>;
  const fraction = (n: unknown): n is number => typeof n === 'number' && n >= 0 && n <= 1;
  if (!fraction(fx) || !fraction(fy)) return null;
  const valid =
    (kind === 'card' && readCardRef(id) !== null) ||
    (kind === 'section' && isCategory(id)) ||
    (kind === 'column' && isColumn(id)) ||
    (kind === 'analysis' && id === '');
  return valid ? { kind: kind as AnchorKind, id: id as string, at: { x: fx, y: fy } } : null;
}

function readSummon(x: unknown): Summon | null {
  if (typeof x !== 'object' || x === null) return null;
  const { at, viewport, frame } = x as { at?: unknown; viewport?: unknown; frame?: unknown };
  const view = readViewport(viewport);
  return typeof at === 'number' && Number.isFinite(at) && view
    ? { at, viewport: view, frame: readFrame(frame) }
    : null;
}

const MAX_FRACTION = 1e4;

function readRect(x: unknown, limit: number, positive: boolean): Rect | null {
  if (typeof x !== 'object' || x === null) return null;
  const { x: rx, y: ry, width, height } = x as Record<string, unknown>;
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= limit;
  if (!ok(rx) || !ok(ry) || !ok(width) || !ok(height)) return null;
  if (positive && (width <= 0 || height <= 0)) return null;
  return { x: rx, y: ry, width, height };
}

/** An array of at most `max` items all passing `read`, duplicates dropped; anything else refuses the frame. */
function readList<T>(x: unknown, max: number, read: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(x) || x.length > max) return null;
  const out: T[] = [];
  for (const item of x) {
    const value = read(item);
    if (value === null) return null;
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

const ANCHOR_KINDS: readonly AnchorKind[] = ['card', 'section', 'column', 'analysis'];

function readWithin(x: unknown): FrameWithin | null {
  if (typeof x !== 'object' || x === null) return null;
  const { kind, id, at } = x as Record<string, unknown>;
  const rect = readRect(at, MAX_FRACTION, true);
  if (!rect || !ANCHOR_KINDS.includes(kind as AnchorKind)) return null;
  const valid =
    (kind === 'card' && readCardRef(id) !== null) ||
    (kind === 'section' && isCategory(id)) ||
    (kind === 'column' && isColumn(id)) ||
    (kind === 'analysis' && id === '');
  return valid ? { kind: kind as AnchorKind, id: id as string, at: rect } : null;
}

/**
 * A frame from another browser (canvas/frame.ts): every part checked, lists capped; anything
 * malformed or over a cap and the whole frame is ignored (null), never trimmed into meaning.
 */
export function readFrame(x: unknown): Frame | null {
  if (typeof x !== 'object' || x === null) return null;
  const f = x as Record<string, unknown>;
  const rect = readRect(f.rect, MAX_COORD, true);
  const onBoard = readRect(f.onBoard, MAX_FRACTION, true);
  const board = readRect({ x: 0, y: 0, ...(f.board as object) }, MAX_COORD, true);
  const columns = readList(f.columns, 3, (c) => (isColumn(c) ? c : null));
  const sections = readList(f.sections, 16, (c) => (isCategory(c) ? c : null));
  const cards = readList(f.cards, MAX_FRAME_CARDS, readCardRef);
  if (!rect || !onBoard || !board || !columns || !sections || !cards || typeof f.analysis !== 'boolean')
    return null;
  const within = f.within === null ? null : readWithin(f.within);
  if (within === null && f.within !== null) return null;
  return {
    rect,
    board: { width: board.width, height: board.height },
    columns,
    sections,
    cards,
    analysis: f.analysis,
    within,
    onBoard,
  };
}

/** Card ids are URL-safe random strings; anything else from another client is ignored. */
function readCardRef(x: unknown): string | null {
  return typeof x === 'string' && x.length <= 64 && /^[A-Za-z0-9_-]+$/.test(x) ? x : null;
}

/** What y-protocols' awareness says changed: the client ids added, updated and removed. */
export interface AwarenessChange {
  readonly added: readonly number[];
  readonly updated: readonly number[];
  readonly removed: readonly number[];
}

/** Whether an awareness change touches anyone but `ownClientId` (only those change `readPeers`). */
export function touchesOthers(change: AwarenessChange, ownClientId: number): boolean {
  const other = (id: number) => id !== ownClientId;
  return change.added.some(other) || change.updated.some(other) || change.removed.some(other);
}

/**
 * Reads other clients' awareness states. They come from other browsers, so anything malformed
 * is skipped, names are shortened, and colours come from the role rather than from the sender.
 * `participantId`, `name` and `role` are the server's: the room overwrites them with the
 * connection's member (SPEC [A5]) and drops a `summon` from anyone who may not summon, so they are
 * the only fields trusted for who someone is (follow, "bring everyone to me", the wall).
 */
export function readPeers(states: ReadonlyMap<number, unknown>, ownClientId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, raw] of states) {
    if (clientId === ownClientId || typeof raw !== 'object' || raw === null) continue;
    const s = raw as Record<string, unknown>;
    if (typeof s.participantId !== 'string' || typeof s.name !== 'string' || !isRole(s.role)) continue;
    peers.push({
      clientId,
      participantId: s.participantId.slice(0, 100),
      name: s.name.slice(0, MAX_NAME),
      role: s.role,
      color: ROLE_COLORS[s.role],
      cursor: readPointer(s.cursor),
      selected: readCardRef(s.selected),
      editing: readCardRef(s.editing),
      viewport: readViewport(s.viewport),
      frame: readFrame(s.frame),
      wall: readFrame(s.wall),
      wallView: readFrame(s.wallView),
      summon: readSummon(s.summon),
    });
  }
  return peers;
}

/** Who is on the board now: one entry per person (several tabs count once), you first. */
export function peopleOnline(me: Presence, peers: readonly Peer[]): Presence[] {
  const seen = new Set([me.participantId]);
  const others: Presence[] = [];
  for (const p of peers) {
    if (seen.has(p.participantId)) continue;
    seen.add(p.participantId);
    others.push(p);
  }
  others.sort((a, b) => a.name.localeCompare(b.name));
  return [me, ...others];
}

/**
 * Who has their hands on which card: one entry per person and card (typing wins over having it
 * chosen), people typing first, then by name, so the outline takes the colour of the one typing.
 */
export function cardWatchers(peers: readonly Peer[]): ReadonlyMap<string, readonly CardWatcher[]> {
  const byCard = new Map<string, Map<string, CardWatcher>>();
  const note = (cardId: string, peer: Peer, editing: boolean) => {
    const people = byCard.get(cardId) ?? new Map<string, CardWatcher>();
    byCard.set(cardId, people);
    const known = people.get(peer.participantId);
    if (known?.editing) return;
    people.set(peer.participantId, { clientId: peer.clientId, name: peer.name, color: peer.color, editing });
  };
  for (const peer of peers) {
    if (peer.editing) note(peer.editing, peer, true);
    if (peer.selected && peer.selected !== peer.editing) note(peer.selected, peer, false);
  }
  const result = new Map<string, readonly CardWatcher[]>();
  for (const [cardId, people] of byCard) {
    const list = [...people.values()].sort(
      (a, b) => Number(b.editing) - Number(a.editing) || a.name.localeCompare(b.name),
    );
    result.set(cardId, list);
  }
  return result;
}

/** The words on a card's name tag: who is typing in it, or who has it chosen. */
export function watcherLabel(watchers: readonly CardWatcher[]): string {
  const [first, ...rest] = watchers;
  if (!first) return '';
  const who = first.editing ? t('map.isEditing', { name: first.name }) : first.name;
  return rest.length > 0 ? `${who} ${t('map.more', { count: rest.length })}` : who;
}
