import * as Y from 'yjs';
import { attachText, childText, replaceText } from '../doc/docMaps.js';
import { fail, ok } from '../doc/result.js';
import { commit, type OpOptions, resolveOptions } from '../doc/transact.js';
import type { Result } from '../doc/types.js';
import { readArea, readMeta } from './childRead.js';
import { areasOf, type ChildAreaState, type ChildToolState, SCALE_AREA } from './childToolShape.js';

type AnyMap = Y.Map<unknown>;

/** The ids of a list, in order: two lists are the same when these are. */
const idsOf = (items: readonly { id: string }[]): string => items.map((item) => item.id).join(' ');

/**
 * Brings a child's tool back to `target` (a saved version of the same tool), in one transaction:
 * each area's words with the smallest splice, its strokes and pictures replaced only where the
 * list differs, the Safety House's own score. Counts the areas' parts it changed (0: already so).
 * The tool must be the same one (kind and id); its meta is never written.
 * @example restoreChildTool(doc, version.content) // { ok: true, value: { changed: 2 } }
 */
export function restoreChildTool(
  doc: Y.Doc,
  target: ChildToolState,
  opts?: OpOptions,
): Result<{ changed: number }> {
  const meta = readMeta(doc);
  if (meta === null) return fail('not-found', 'the tool is not there yet');
  if (meta.kind !== target.kind || meta.toolId !== target.toolId) {
    return fail('invalid-input', 'not the same tool');
  }
  const options = resolveOptions(opts);
  if (!options.ok) return options;
  const areas = doc.getMap<unknown>('areas');
  const plan: (() => void)[] = [];
  for (const area of areasOf(meta.kind)) {
    const want: ChildAreaState = target.areas[area] ?? { words: '', strokes: [], stickers: [] };
    const have = readArea(doc, area);
    const map = areas.get(area);
    if (!(map instanceof Y.Map) || have === null) {
      plan.push(() => areas.set(area, freshArea(area, want)));
      continue;
    }
    if (have.words !== want.words) plan.push(() => setWords(map as AnyMap, want.words));
    if (idsOf(have.strokes) !== idsOf(want.strokes)) {
      plan.push(() => replaceList(map as AnyMap, 'strokes', want.strokes));
    }
    if (idsOf(have.stickers) !== idsOf(want.stickers)) {
      plan.push(() => replaceList(map as AnyMap, 'stickers', want.stickers));
    }
    if (area === SCALE_AREA && (have.scale ?? null) !== (want.scale ?? null)) {
      plan.push(() => (map as AnyMap).set('scale', want.scale ?? null));
    }
  }
  if (plan.length > 0) {
    commit(doc, options.value.origin, () => {
      for (const step of plan) step();
    });
  }
  return ok({ changed: plan.length });
}

function setWords(map: AnyMap, words: string): void {
  const text = childText(map, 'words');
  if (text === null) attachText(map, 'words', words);
  else replaceText(text, words);
}

/** The list emptied and filled again, kept as the same array (a stroke added at the same moment stays). */
function replaceList(map: AnyMap, key: 'strokes' | 'stickers', items: readonly object[]): void {
  const current = map.get(key);
  const list = current instanceof Y.Array ? current : new Y.Array<unknown>();
  if (list.length > 0) list.delete(0, list.length);
  list.push(items.map((item) => ({ ...item })));
  if (list !== current) map.set(key, list);
}

function freshArea(area: string, state: ChildAreaState): AnyMap {
  const map = new Y.Map<unknown>();
  attachText(map, 'words', state.words);
  map.set('strokes', Y.Array.from(state.strokes.map((stroke) => ({ ...stroke }))));
  map.set('stickers', Y.Array.from(state.stickers.map((sticker) => ({ ...sticker }))));
  if (area === SCALE_AREA) map.set('scale', state.scale ?? null);
  return map;
}
