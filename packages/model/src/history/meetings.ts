import { ID_PATTERN } from '../doc/ids.js';
import { textOf } from '../doc/schema.js';
import { z } from '../doc/zod.js';
import { MEETING_TYPES } from './versionTypes.js';

/**
 * What the facilitator sends about a meeting, and what a stored meeting or version looks like
 * (the JSON export carries both). Limits keep one request small: a meeting has at most
 * MEETING_LIMITS.people names in each list, each name at most MEETING_LIMITS.name characters.
 */
export const MEETING_LIMITS = Object.freeze({
  people: 200,
  name: 200,
  decision: 20_000,
  label: 200,
});

const id = z.string().check(z.regex(ID_PATTERN, 'not an id'));
const timestamp = z.number();
const name = textOf(MEETING_LIMITS.name);

export const meetingTypeSchema = z.enum(MEETING_TYPES);
/** An ISO calendar date, `YYYY-MM-DD`. */
export const meetingDateSchema = z.iso.date();

export const attendanceSchema = z.strictObject({
  participantIds: z.array(id).check(z.maxLength(MEETING_LIMITS.people)),
  othersPresent: z.array(z.strictObject({ name, role: name })).check(z.maxLength(MEETING_LIMITS.people)),
  apologies: z.array(name).check(z.maxLength(MEETING_LIMITS.people)),
});

/** `POST /api/boards/:id/meetings` */
export const meetingStartSchema = z.strictObject({ type: meetingTypeSchema, date: meetingDateSchema });

/** `PATCH /api/boards/:id/meetings/:mid`: any of the parts, at least one. */
export const meetingUpdateSchema = z
  .strictObject({
    type: z.optional(meetingTypeSchema),
    date: z.optional(meetingDateSchema),
    attendance: z.optional(attendanceSchema),
    decision: z.optional(textOf(MEETING_LIMITS.decision)),
  })
  .check(
    z.refine((update) => Object.values(update).some((value) => value !== undefined), 'nothing to change'),
  );

/** A manual version's label (may be empty; the list then shows the date). */
export const versionLabelSchema = textOf(MEETING_LIMITS.label);

/** A stored meeting (MeetingRecord), as exported. */
export const meetingRecordSchema = z.object({
  id,
  boardId: id,
  type: meetingTypeSchema,
  date: meetingDateSchema,
  startedAt: timestamp,
  startedBy: id,
  attendance: attendanceSchema,
  decision: textOf(MEETING_LIMITS.decision),
  closedAt: z.nullable(timestamp),
  closedBy: z.nullable(id),
  versionId: z.nullable(id),
});

/** A version's description (VersionMeta), as exported. */
export const versionMetaSchema = z.object({
  id,
  boardId: id,
  number: z.int().check(z.minimum(1)),
  kind: z.enum(['meeting', 'manual']),
  label: versionLabelSchema,
  createdAt: timestamp,
  createdBy: z.object({ memberId: id, displayName: textOf(500) }),
  meetingId: z.nullable(id),
  contentHash: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest')),
});
