import {
  CHILD_LIMITS,
  CHILD_TOOL_KINDS,
  CHILD_TOOL_VISIBILITIES,
  PEN_COLOURS,
  STICKERS,
  WORDS_PICTURES_STAGES,
} from '@kinmap/model';
import type { Wire } from './wire.js';
import { z } from './zod.js';

/**
 * A child's tools (issue 14; docs/PROTOCOL.md "A child's tool"): each is a document of its own,
 * opened at `/sync/<boardId>/child/<toolId>` by those the child chose ([CT3]).
 */

const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/, 'not an id'));

/** At most this many people named on one tool (a board's members, in practice a handful). */
export const MAX_NAMED = 100;

/** `POST /api/boards/:id/child-tools` */
export const createChildToolRequest = z.strictObject({
  personId: id,
  kind: z.enum(CHILD_TOOL_KINDS),
});
export type CreateChildToolRequest = Wire<z.input<typeof createChildToolRequest>>;

/** `PUT /api/boards/:id/child-tools/:toolId/visibility`: `named` only with `named`. */
export const childToolVisibilityRequest = z
  .strictObject({
    visibility: z.enum(CHILD_TOOL_VISIBILITIES),
    named: z.optional(z.array(id).check(z.maxLength(MAX_NAMED))),
  })
  .check(
    z.refine((body) => body.visibility === 'named' || (body.named ?? []).length === 0, {
      message: 'people are named only when the child chooses who sees it',
      path: ['named'],
    }),
  );
export type ChildToolVisibilityRequest = Wire<z.input<typeof childToolVisibilityRequest>>;

/** At most this many parents agree to one Words and Pictures. */
export const MAX_PARENTS = 10;

/** `POST /api/boards/:id/child-tools/:toolId/parents`: Words and Pictures shared with these parents to agree ([CT5]). */
export const wordsPicturesParentsRequest = z.strictObject({
  parents: z.array(id).check(z.minLength(1), z.maxLength(MAX_PARENTS)),
});

/** `POST /api/boards/:id/child-tools/:toolId/step`: shared with the child, then left with them ([CT5]). */
export const wordsPicturesStepRequest = z.strictObject({
  step: z.enum(['with-child', 'left-with-child']),
});

/** Where a Words and Pictures stands, and each parent's agreement. */
export const wordsPicturesInfo = z.object({
  stage: z.enum(WORDS_PICTURES_STAGES),
  parents: z.array(
    z.object({
      memberId: id,
      /** When they agreed; null when they have not (yet). */
      agreedAt: z.nullable(z.number()),
      /** False when the words or pictures changed after they agreed. */
      current: z.boolean(),
    }),
  ),
  withChildAt: z.nullable(z.number()),
  leftAt: z.nullable(z.number()),
});
export type WordsPicturesInfo = z.output<typeof wordsPicturesInfo>;

export const childToolInfo = z.object({
  id,
  personId: id,
  kind: z.enum(CHILD_TOOL_KINDS),
  visibility: z.enum(CHILD_TOOL_VISIBILITIES),
  /** Member ids the child chose ([] for anyone but staff). */
  named: z.array(id),
  /** The staff member who started it with the child, or who it was handed over to ([CT8]). */
  workerMemberId: id,
  /** Whether that worker's access to the board has ended: the facilitator may then hand it over. */
  workerLeft: z.boolean(),
  createdAt: z.number(),
  /** Whether the child's choice admits the asker to the tool's room. */
  mayOpen: z.boolean(),
  /** Words and Pictures only (to those who may open it): its stage and the parents' agreement. */
  wordsPictures: z.nullable(wordsPicturesInfo),
});
export type ChildToolInfo = z.output<typeof childToolInfo>;

export const childToolListResponse = z.object({ tools: z.array(childToolInfo) });
export const childToolResponse = z.object({ tool: childToolInfo });

const unit = z.number().check(z.minimum(0), z.maximum(1));

/** A child's tool as a saved version holds it (model `ChildToolState`), read by staff the child chose. */
export const childToolStateSchema = z.object({
  kind: z.enum(CHILD_TOOL_KINDS),
  toolId: id,
  personId: id,
  createdAt: z.number(),
  areas: z.record(
    z.string(),
    z.object({
      words: z.string().check(z.maxLength(CHILD_LIMITS.words)),
      strokes: z
        .array(
          z.object({
            id,
            colour: z.enum(PEN_COLOURS),
            width: z.number().check(z.minimum(CHILD_LIMITS.minWidth), z.maximum(CHILD_LIMITS.maxWidth)),
            points: z.array(unit).check(z.maxLength(CHILD_LIMITS.coordinatesPerStroke)),
          }),
        )
        .check(z.maxLength(CHILD_LIMITS.strokesPerArea)),
      stickers: z
        .array(z.object({ id, sticker: z.enum(STICKERS), x: unit, y: unit }))
        .check(z.maxLength(CHILD_LIMITS.stickersPerArea)),
      scale: z.optional(z.nullable(z.int().check(z.minimum(0), z.maximum(CHILD_LIMITS.scale)))),
    }),
  ),
});

/**
 * `GET /api/boards/:id/versions/:vid/child-tools`: the child's tools the version kept, as the list
 * tells them now; `changedSince` whether the tool differs from the version now (null: not chosen).
 */
export const versionChildToolListResponse = z.object({
  tools: z.array(z.object({ tool: childToolInfo, changedSince: z.nullable(z.boolean()) })),
});
export type VersionChildToolListResponse = z.output<typeof versionChildToolListResponse>;

/** `GET /api/boards/:id/versions/:vid/child-tools/:toolId`: one tool as the version held it. */
export const versionChildToolResponse = z.object({
  tool: childToolInfo,
  content: childToolStateSchema,
  changedSince: z.boolean(),
  /** The parts (areas) that differ now from the version, in the tool's order. */
  changedAreas: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(10)),
});
export type VersionChildToolResponse = z.output<typeof versionChildToolResponse>;

/** `PUT /api/boards/:id/child-tools/:toolId/worker`: hand the tool over to this staff member ([CT8]). */
export const childToolWorkerRequest = z.strictObject({ memberId: id });
