import * as Y from 'yjs';
import type { ChangeActor, PermissionVerdict } from '../access/permissions.js';
import { may } from '../access/policy.js';
import { pendingOf, sameBytes } from '../cards/changes.js';
import { isWellFormedText } from '../doc/text.js';
import { readMeta, readSticker, readStroke } from './childRead.js';
import {
  AREA_KEYS,
  areasOf,
  CHILD_LIMITS,
  CHILD_TOP_LEVEL,
  META_KEYS,
  SCALE_AREA,
} from './childToolShape.js';

// The server's check of every update to a child's tool ([AC50], [AC51]). A tool document is
// small and bounded (CHILD_LIMITS), so the whole document is checked after each update rather
// than only what the update touched.

/** What is wrong with a tool document as it stands, or null when it keeps every value rule. */
export function childToolProblem(doc: Y.Doc): string | null {
  for (const name of doc.share.keys()) {
    if (!(CHILD_TOP_LEVEL as readonly string[]).includes(name))
      return `no top-level ${name} in a child's tool`;
  }
  const meta = readMeta(doc);
  if (meta === null) return 'the tool has no meta';
  const metaMap = doc.getMap<unknown>('meta');
  for (const key of metaMap.keys()) {
    if (!(META_KEYS as readonly string[]).includes(key)) return `no meta.${key}`;
  }
  const areas = doc.getMap<unknown>('areas');
  const allowed = areasOf(meta.kind);
  let coordinates = 0;
  for (const [area, value] of areas.entries()) {
    if (!allowed.includes(area)) return `no area ${area} in a ${meta.kind}`;
    if (!(value instanceof Y.Map)) return `area ${area}: not a map`;
    const problem = areaProblem(area, value as Y.Map<unknown>);
    if (typeof problem === 'string') return problem;
    coordinates += problem;
  }
  if (coordinates > CHILD_LIMITS.coordinatesPerTool) return 'too much drawing in one tool';
  return null;
}

/** An area's problem, or how many stroke coordinates it holds. */
function areaProblem(area: string, map: Y.Map<unknown>): string | number {
  for (const key of map.keys()) {
    if (!(AREA_KEYS as readonly string[]).includes(key)) return `${area}.${key}: not part of an area`;
  }
  const words = map.get('words');
  if (words !== undefined) {
    if (!(words instanceof Y.Text)) return `${area}.words: not a text`;
    const text = words.toString();
    if (text.length > CHILD_LIMITS.words) return `${area}.words: over ${CHILD_LIMITS.words} characters`;
    if (!isWellFormedText(text)) return `${area}.words: an unpaired surrogate`;
    // Plain words only: no formatting, no embedded objects.
    if (
      words
        .toDelta()
        .some(
          (op: { insert?: unknown; attributes?: unknown }) =>
            typeof op.insert !== 'string' || op.attributes !== undefined,
        )
    ) {
      return `${area}.words: formatting or embeds`;
    }
  }
  const scale = map.get('scale');
  if (scale !== undefined) {
    if (area !== SCALE_AREA) return `${area}.scale: only the path has a scale`;
    if (
      scale !== null &&
      !(Number.isInteger(scale) && (scale as number) >= 0 && (scale as number) <= CHILD_LIMITS.scale)
    ) {
      return `${area}.scale: a whole number 0–10 or null`;
    }
  }
  let coordinates = 0;
  const strokes = map.get('strokes');
  if (strokes !== undefined) {
    if (!(strokes instanceof Y.Array)) return `${area}.strokes: not a list`;
    if (strokes.length > CHILD_LIMITS.strokesPerArea)
      return `${area}.strokes: over ${CHILD_LIMITS.strokesPerArea}`;
    for (const item of strokes.toArray()) {
      const stroke = readStroke(item);
      if (stroke === null) return `${area}.strokes: a malformed stroke`;
      if (Object.keys(item as object).length !== 4) return `${area}.strokes: a stroke with other fields`;
      if (stroke.width < CHILD_LIMITS.minWidth || stroke.width > CHILD_LIMITS.maxWidth)
        return `${area}.strokes: width`;
      if (stroke.points.length > CHILD_LIMITS.coordinatesPerStroke)
        return `${area}.strokes: a stroke too long`;
      coordinates += stroke.points.length;
    }
  }
  const stickers = map.get('stickers');
  if (stickers !== undefined) {
    if (!(stickers instanceof Y.Array)) return `${area}.stickers: not a list`;
    if (stickers.length > CHILD_LIMITS.stickersPerArea)
      return `${area}.stickers: over ${CHILD_LIMITS.stickersPerArea}`;
    for (const item of stickers.toArray()) {
      if (readSticker(item) === null || Object.keys(item as object).length !== 4) {
        return `${area}.stickers: a malformed picture`;
      }
    }
  }
  return coordinates;
}

const metaJson = (doc: Y.Doc): string => JSON.stringify(doc.getMap<unknown>('meta').toJSON());

const refused = (rule: 'AC50' | 'AC51', reason: string): PermissionVerdict => ({ ok: false, rule, reason });

/**
 * Applies a client's update to `shadow` (the tool as it stands) and decides it: only staff write
 * in a child's tool ([AC50]); nobody's client writes its meta, anything outside its layout or
 * against its value rules ([AC51]). `intact` false: `shadow` now differs from the tool.
 */
export function checkChildUpdate(
  shadow: Y.Doc,
  update: Uint8Array,
  actor: ChangeActor,
): { readonly verdict: PermissionVerdict; readonly intact: boolean } {
  if (!may(actor.role, 'AC50')) {
    return { verdict: refused('AC50', `a ${actor.role} may not write in a child's tool`), intact: true };
  }
  const metaBefore = metaJson(shadow);
  const pendingBefore = pendingOf(shadow);
  try {
    Y.applyUpdate(shadow, update);
  } catch {
    return { verdict: refused('AC51', 'the update could not be applied'), intact: false };
  }
  const pendingAfter = pendingOf(shadow);
  if (!sameBytes(pendingBefore[0], pendingAfter[0]) || !sameBytes(pendingBefore[1], pendingAfter[1])) {
    return {
      verdict: refused('AC51', 'the update depends on content the tool does not have'),
      intact: false,
    };
  }
  if (metaJson(shadow) !== metaBefore)
    return { verdict: refused('AC51', "a client wrote the tool's meta"), intact: false };
  const problem = childToolProblem(shadow);
  if (problem !== null) return { verdict: refused('AC51', problem), intact: false };
  return { verdict: { ok: true }, intact: true };
}
