import { CHILD_TOOL_KINDS, CHILD_TOOL_VISIBILITIES } from '@kinmap/model';
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

export const childToolInfo = z.object({
  id,
  personId: id,
  kind: z.enum(CHILD_TOOL_KINDS),
  visibility: z.enum(CHILD_TOOL_VISIBILITIES),
  /** Member ids the child chose ([] for anyone but staff). */
  named: z.array(id),
  /** The staff member who started it with the child. */
  workerMemberId: id,
  createdAt: z.number(),
  /** Whether the child's choice admits the asker to the tool's room. */
  mayOpen: z.boolean(),
});
export type ChildToolInfo = z.output<typeof childToolInfo>;

export const childToolListResponse = z.object({ tools: z.array(childToolInfo) });
export const childToolResponse = z.object({ tool: childToolInfo });
