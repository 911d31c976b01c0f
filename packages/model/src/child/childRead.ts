import * as Y from 'yjs';
import { isId } from '../doc/ids.js';
import {
  areasOf,
  type ChildAreaState,
  type ChildToolKind,
  type ChildToolState,
  isChildToolKind,
  PEN_COLOURS,
  SCALE_AREA,
  STICKERS,
  type Sticker,
  type Stroke,
} from './childToolShape.js';

// Reading a child's tool document. Damaged items (a hand-crafted or older client's) are skipped,
// never thrown on: the screen shows what is sound, the guard refuses the rest ([AC51]).

export interface ChildMeta {
  readonly kind: ChildToolKind;
  readonly toolId: string;
  readonly personId: string;
  readonly createdAt: number;
}

const topMapOf = (doc: Y.Doc, name: 'meta' | 'areas'): Y.Map<unknown> | null => {
  try {
    return doc.getMap<unknown>(name);
  } catch {
    return null;
  }
};

/** The tool's meta, or null before the server has written it. */
export function readMeta(doc: Y.Doc): ChildMeta | null {
  const meta = topMapOf(doc, 'meta');
  const kind = meta?.get('kind');
  const toolId = meta?.get('toolId');
  const personId = meta?.get('personId');
  const createdAt = meta?.get('createdAt');
  if (!isChildToolKind(kind) || !isId(toolId) || !isId(personId)) return null;
  return { kind, toolId, personId, createdAt: typeof createdAt === 'number' ? createdAt : 0 };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Y.AbstractType);

const inUnit = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1;

export function readStroke(value: unknown): Stroke | null {
  if (!isRecord(value)) return null;
  const { id, colour, width, points } = value;
  if (!isId(id) || !(PEN_COLOURS as readonly unknown[]).includes(colour)) return null;
  if (typeof width !== 'number' || !Number.isFinite(width)) return null;
  if (!Array.isArray(points) || points.length < 2 || points.length % 2 !== 0 || !points.every(inUnit))
    return null;
  return { id, colour: colour as Stroke['colour'], width, points };
}

export function readSticker(value: unknown): Sticker | null {
  if (!isRecord(value)) return null;
  const { id, sticker, x, y } = value;
  if (!isId(id) || !(STICKERS as readonly unknown[]).includes(sticker) || !inUnit(x) || !inUnit(y))
    return null;
  return { id, sticker: sticker as Sticker['sticker'], x, y };
}

function itemsOf<T>(map: Y.Map<unknown>, key: string, read: (value: unknown) => T | null): T[] {
  const list = map.get(key);
  if (!(list instanceof Y.Array)) return [];
  const out: T[] = [];
  for (const item of list.toArray()) {
    const read_ = read(item);
    if (read_ !== null) out.push(read_);
  }
  return out;
}

/** One area as it stands, or null when the tool has no such area. */
export function readArea(doc: Y.Doc, area: string): ChildAreaState | null {
  const map = topMapOf(doc, 'areas')?.get(area);
  if (!(map instanceof Y.Map)) return null;
  const words = map.get('words');
  const scale = map.get('scale');
  return {
    words: words instanceof Y.Text ? words.toString() : '',
    strokes: itemsOf(map as Y.Map<unknown>, 'strokes', readStroke),
    stickers: itemsOf(map as Y.Map<unknown>, 'stickers', readSticker),
    ...(area === SCALE_AREA
      ? {
          scale:
            typeof scale === 'number' && Number.isInteger(scale) && scale >= 0 && scale <= 10 ? scale : null,
        }
      : {}),
  };
}

/**
 * An area's words as the shared text itself, for a field bound to it that keeps each writer's caret
 * on their own words (the web's `useYTextBinding`); null when the area or its text is not there.
 * Writes still go through `setChildWords`.
 */
export function childWordsText(doc: Y.Doc, area: string): Y.Text | null {
  const map = topMapOf(doc, 'areas')?.get(area);
  if (!(map instanceof Y.Map)) return null;
  const words = map.get('words');
  return words instanceof Y.Text ? words : null;
}

/** The whole tool, or null before the server has written its meta. */
export function readChildTool(doc: Y.Doc): ChildToolState | null {
  const meta = readMeta(doc);
  if (meta === null) return null;
  const areas: Record<string, ChildAreaState> = {};
  for (const area of areasOf(meta.kind)) {
    areas[area] = readArea(doc, area) ?? { words: '', strokes: [], stickers: [] };
  }
  return { ...meta, areas };
}
