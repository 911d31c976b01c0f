import { ROLES } from '@kinmap/model';
import { z } from './zod.js';

/** The trajectory chart and board import (docs/PROTOCOL.md "Versions and reports"). */

const versionId = z.nullable(z.string());

export const trajectoryPointSchema = z.object({
  /** Null for the board as it is now. */
  versionId,
  at: z.number(),
  /** The value on the 0–10 scale; null when this line had no (revealed) score then. */
  value: z.nullable(z.number().check(z.minimum(0), z.maximum(10))),
});

export const trajectoryLineSchema = z.object({
  /** A participant id, or `group:<group>`. */
  key: z.string(),
  /** A person's scores or a group's average (`group` names the group). */
  kind: z.enum(['person', 'average']),
  label: z.string(),
  role: z.nullable(z.enum(ROLES)),
  group: z.nullable(z.enum(['family', 'network', 'professionals'])),
  /** The line's look (model scales/trajectoryStyle.ts): one per person, the same on every scale. */
  series: z.number().check(z.int(), z.minimum(0), z.maximum(100_000)),
  points: z.array(trajectoryPointSchema),
});

export const trajectoryScaleSchema = z.object({
  /** 'overall' or a pair id. */
  scaleId: z.string(),
  title: z.string(),
  lines: z.array(trajectoryLineSchema),
});

/** `GET /api/boards/:id/trajectory`: the moments, oldest first, and each scale's lines. */
export const trajectoryResponse = z.object({
  moments: z.array(z.object({ versionId, at: z.number(), label: z.string() })),
  scales: z.array(trajectoryScaleSchema),
});
export type TrajectoryResponse = z.output<typeof trajectoryResponse>;

/** `POST /api/boards/import` takes at most this many bytes: one board export file. */
export const IMPORT_MAX_BYTES = 8 * 1024 * 1024;

/** `POST /api/boards/import`: the new board and the importer's (facilitator) member on it. */
export { createdBoardResponse as importedBoardResponse } from './boardBodies.js';
