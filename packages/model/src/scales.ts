import type * as Y from 'yjs';
import { z } from 'zod';
import { attachMap, childMap } from './layout.js';
import { isScaleLive } from './pairing.js';
import { type Found, findIn, readScale } from './records.js';
import { done, fail, ok } from './result.js';
import { ratingInput, scaleIdSchema, scaleModeSchema } from './schema.js';
import { commit, type OpOptions, prepare } from './transact.js';
import type { Actor, Result, ScaleId, ScaleMode, ScaleState } from './types.js';

/**
 * Scaling: everyone rates separately, 0 (the child cannot live at home) to 10 (safe enough to
 * close the case), with a reason. One rating per participant per scale; rating again replaces it.
 */

function findLiveScale(doc: Y.Doc, scaleId: ScaleId): Result<Found<ScaleState>> {
  const scale = findIn(doc, 'scales', scaleId, readScale);
  return scale !== null && isScaleLive(doc, scaleId) ? ok(scale) : fail('not-found', `scale ${scaleId}`);
}

/**
 * Records the actor's rating on a scale ('overall' or a pair's id), replacing their previous one.
 * @example rate(doc, actor, OVERALL_SCALE_ID, { value: 4, reason: 'Dad has stopped drinking at home' })
 */
export function rate(
  doc: Y.Doc,
  actor: Actor,
  scaleId: ScaleId,
  rating: { value: number; reason?: string },
  opts?: OpOptions,
): Result<void> {
  const op = prepare(
    z.object({ scaleId: scaleIdSchema, rating: ratingInput }),
    actor,
    { scaleId, rating },
    opts,
  );
  if (!op.ok) return op;
  const { actor: who, input, now, origin } = op.value;
  const scale = findLiveScale(doc, input.scaleId);
  if (!scale.ok) return scale;
  commit(doc, origin, () => {
    const ratings = childMap(scale.value.map, 'ratings') ?? attachMap(scale.value.map, 'ratings');
    ratings.set(who.participantId, { value: input.rating.value, reason: input.rating.reason ?? '', at: now });
  });
  return done;
}

/** Withdraws the actor's rating from a scale (a no-op if they had none). */
export function clearRating(doc: Y.Doc, actor: Actor, scaleId: ScaleId, opts?: OpOptions): Result<void> {
  const op = prepare(z.object({ scaleId: scaleIdSchema }), actor, { scaleId }, opts);
  if (!op.ok) return op;
  const { actor: who, input, origin } = op.value;
  const scale = findLiveScale(doc, input.scaleId);
  if (!scale.ok) return scale;
  const ratings = childMap(scale.value.map, 'ratings');
  if (ratings === null || !ratings.has(who.participantId)) return done;
  commit(doc, origin, () => ratings.delete(who.participantId));
  return done;
}

/**
 * 'private' while people score separately, 'revealed' to show everyone's scores together.
 * (The mode is stored on the shared doc for now; hiding private ratings is later work.)
 */
export function setScaleMode(
  doc: Y.Doc,
  actor: Actor,
  scaleId: ScaleId,
  mode: ScaleMode,
  opts?: OpOptions,
): Result<void> {
  const op = prepare(
    z.object({ scaleId: scaleIdSchema, mode: scaleModeSchema }),
    actor,
    { scaleId, mode },
    opts,
  );
  if (!op.ok) return op;
  const { input, origin } = op.value;
  const scale = findLiveScale(doc, input.scaleId);
  if (!scale.ok) return scale;
  commit(doc, origin, () => scale.value.map.set('mode', input.mode));
  return done;
}
