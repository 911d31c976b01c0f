import * as Y from 'yjs';
import { attachText, childText, replaceText } from '../doc/docMaps.js';
import { isId, newId } from '../doc/ids.js';
import { fail, ok } from '../doc/result.js';
import { isWellFormedText } from '../doc/text.js';
import { commit, type OpOptions, resolveOptions } from '../doc/transact.js';
import type { Result } from '../doc/types.js';
import { readArea, readMeta } from './childRead.js';
import {
  areasOf,
  CHILD_LIMITS,
  type ChildToolKind,
  isChildToolKind,
  PEN_COLOURS,
  type PenColour,
  SCALE_AREA,
  STICKERS,
  type StickerName,
} from './childToolShape.js';

// The writes on a child's tool document. The server writes `meta` once ([AC51]); the
// practitioner's device writes the areas ([AC50]), each op in one transaction.

type AnyMap = Y.Map<unknown>;

/** The tool's areas, created at once so two devices never race to create the same one. */
export function initChildTool(
  doc: Y.Doc,
  fields: { kind: ChildToolKind; toolId: string; personId: string; createdAt: number },
  opts?: OpOptions,
): Result<{ created: boolean }> {
  if (!isChildToolKind(fields.kind)) return fail('invalid-input', 'kind: not a child tool');
  if (!isId(fields.toolId) || !isId(fields.personId)) return fail('invalid-input', 'not an id');
  if (!Number.isFinite(fields.createdAt)) return fail('invalid-input', 'createdAt: not a time');
  const options = resolveOptions(opts);
  if (!options.ok) return options;
  const meta = doc.getMap<unknown>('meta');
  if (meta.has('schemaVersion')) return ok({ created: false });
  commit(doc, options.value.origin, () => {
    meta.set('kind', fields.kind);
    meta.set('toolId', fields.toolId);
    meta.set('personId', fields.personId);
    meta.set('createdAt', fields.createdAt);
    meta.set('schemaVersion', 1);
    const areas = doc.getMap<unknown>('areas');
    for (const area of areasOf(fields.kind)) {
      const map = new Y.Map<unknown>();
      areas.set(area, map);
      attachText(map, 'words', '');
      map.set('strokes', new Y.Array<unknown>());
      map.set('stickers', new Y.Array<unknown>());
      if (area === SCALE_AREA) map.set('scale', null);
    }
  });
  return ok({ created: true });
}

/** An area's map of a tool, or a failure naming what is missing. */
function areaMap(doc: Y.Doc, area: string): Result<AnyMap> {
  const meta = readMeta(doc);
  if (meta === null) return fail('not-found', 'the tool is not there yet');
  if (!areasOf(meta.kind).includes(area)) return fail('invalid-input', `no area ${area} in this tool`);
  const map = doc.getMap<unknown>('areas').get(area);
  return map instanceof Y.Map ? ok(map as AnyMap) : fail('not-found', `area ${area}`);
}

function arrayIn(map: AnyMap, key: 'strokes' | 'stickers'): Y.Array<unknown> | null {
  const value = map.get(key);
  return value instanceof Y.Array ? value : null;
}

/** The child's words in an area, brought to `words` with the smallest splice. */
export function setChildWords(doc: Y.Doc, area: string, words: string, opts?: OpOptions): Result<void> {
  if (typeof words !== 'string' || words.length > CHILD_LIMITS.words || !isWellFormedText(words)) {
    return fail('invalid-input', `words: at most ${CHILD_LIMITS.words} characters`);
  }
  const found = areaMap(doc, area);
  if (!found.ok) return found;
  const options = resolveOptions(opts);
  if (!options.ok) return options;
  commit(doc, options.value.origin, () => {
    const text = childText(found.value, 'words');
    if (text === null) attachText(found.value, 'words', words);
    else replaceText(text, words);
  });
  return ok(undefined);
}

const inUnit = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1;

/** Rounds a coordinate to 1/10,000 of the area: finer than any screen, four digits in JSON. */
const rounded = (n: number): number => Math.round(n * 10_000) / 10_000;

/** Adds a finished pen stroke; its points are clamped into the area and rounded. */
export function addStroke(
  doc: Y.Doc,
  area: string,
  stroke: { colour: PenColour; width: number; points: readonly number[] },
  opts?: OpOptions,
): Result<{ strokeId: string }> {
  if (!(PEN_COLOURS as readonly string[]).includes(stroke.colour)) return fail('invalid-input', 'colour');
  if (
    typeof stroke.width !== 'number' ||
    !(stroke.width >= CHILD_LIMITS.minWidth && stroke.width <= CHILD_LIMITS.maxWidth)
  ) {
    return fail('invalid-input', 'width');
  }
  const { points } = stroke;
  if (!Array.isArray(points) || points.length < 2 || points.length % 2 !== 0) {
    return fail('invalid-input', 'points: x, y pairs');
  }
  if (points.length > CHILD_LIMITS.coordinatesPerStroke) return fail('invalid-input', 'points: too many');
  if (!points.every((n) => typeof n === 'number' && Number.isFinite(n)))
    return fail('invalid-input', 'points');
  const found = areaMap(doc, area);
  if (!found.ok) return found;
  const strokes = arrayIn(found.value, 'strokes');
  if (strokes === null) return fail('not-found', 'strokes');
  if (strokes.length >= CHILD_LIMITS.strokesPerArea)
    return fail('invalid-input', 'this house is full of drawing');
  if (coordinatesOf(doc) + points.length > CHILD_LIMITS.coordinatesPerTool) {
    return fail('invalid-input', 'this tool is full of drawing');
  }
  const options = resolveOptions(opts);
  if (!options.ok) return options;
  const id = newId();
  const clamped = points.map((n) => rounded(Math.min(1, Math.max(0, n))));
  commit(doc, options.value.origin, () => {
    strokes.push([{ id, colour: stroke.colour, width: rounded(stroke.width), points: clamped }]);
  });
  return ok({ strokeId: id });
}

/** Every coordinate of every stroke of the tool (the per-tool bound). */
export function coordinatesOf(doc: Y.Doc): number {
  const meta = readMeta(doc);
  if (meta === null) return 0;
  let total = 0;
  for (const area of areasOf(meta.kind)) {
    for (const stroke of readArea(doc, area)?.strokes ?? []) total += stroke.points.length;
  }
  return total;
}

/** Removes strokes by id (the eraser); ids not there are ignored. */
export function eraseStrokes(
  doc: Y.Doc,
  area: string,
  ids: readonly string[],
  opts?: OpOptions,
): Result<void> {
  return removeFrom(doc, area, 'strokes', ids, opts);
}

/** Removes stickers by id. */
export function removeStickers(
  doc: Y.Doc,
  area: string,
  ids: readonly string[],
  opts?: OpOptions,
): Result<void> {
  return removeFrom(doc, area, 'stickers', ids, opts);
}

function removeFrom(
  doc: Y.Doc,
  area: string,
  key: 'strokes' | 'stickers',
  ids: readonly string[],
  opts?: OpOptions,
): Result<void> {
  const found = areaMap(doc, area);
  if (!found.ok) return found;
  const list = arrayIn(found.value, key);
  if (list === null) return fail('not-found', key);
  const options = resolveOptions(opts);
  if (!options.ok) return options;
  const wanted = new Set(ids);
  const at: number[] = [];
  list.forEach((item, index) => {
    if (typeof item === 'object' && item !== null && wanted.has((item as { id?: unknown }).id as string)) {
      at.push(index);
    }
  });
  if (at.length === 0) return ok(undefined);
  commit(doc, options.value.origin, () => {
    // From the end, so the earlier indexes stay right.
    for (const index of at.reverse()) list.delete(index, 1);
  });
  return ok(undefined);
}

/** Puts a picture in an area at (x, y), 0–1 across and down. */
export function addSticker(
  doc: Y.Doc,
  area: string,
  sticker: { sticker: StickerName; x: number; y: number },
  opts?: OpOptions,
): Result<{ stickerId: string }> {
  if (!(STICKERS as readonly string[]).includes(sticker.sticker)) return fail('invalid-input', 'sticker');
  if (!inUnit(sticker.x) || !inUnit(sticker.y)) return fail('invalid-input', 'x, y: 0–1');
  const found = areaMap(doc, area);
  if (!found.ok) return found;
  const stickers = arrayIn(found.value, 'stickers');
  if (stickers === null) return fail('not-found', 'stickers');
  if (stickers.length >= CHILD_LIMITS.stickersPerArea)
    return fail('invalid-input', 'this house is full of pictures');
  const options = resolveOptions(opts);
  if (!options.ok) return options;
  const id = newId();
  commit(doc, options.value.origin, () => {
    stickers.push([{ id, sticker: sticker.sticker, x: rounded(sticker.x), y: rounded(sticker.y) }]);
  });
  return ok({ stickerId: id });
}

/** The Safety House's path: the child's own score, 0–10 in whole steps, or null. */
export function setChildScale(doc: Y.Doc, value: number | null, opts?: OpOptions): Result<void> {
  if (value !== null && !(Number.isInteger(value) && value >= 0 && value <= CHILD_LIMITS.scale)) {
    return fail('invalid-input', 'scale: a whole number 0–10');
  }
  const found = areaMap(doc, SCALE_AREA);
  if (!found.ok) return found;
  const options = resolveOptions(opts);
  if (!options.ok) return options;
  if (found.value.get('scale') === value) return ok(undefined);
  commit(doc, options.value.origin, () => found.value.set('scale', value));
  return ok(undefined);
}
