import {
  boardStateSchema,
  meetingRecordSchema,
  meetingStartSchema,
  meetingUpdateSchema,
  versionLabelSchema,
  versionMetaSchema,
} from '@kinmap/model';
import type { Wire } from './wire.js';
import { z } from './zod.js';

/**
 * Meetings, versions and restore (docs/PROTOCOL.md "Meetings and versions"). A meeting's and a
 * version's own shapes are the model's (the board export carries them too).
 */

/** `POST /api/boards/:id/meetings` */
export const startMeetingRequest = meetingStartSchema;
export type StartMeetingRequest = Wire<z.input<typeof startMeetingRequest>>;

/** `PATCH /api/boards/:id/meetings/:mid`: any of the parts, at least one. */
export const updateMeetingRequest = meetingUpdateSchema;
export type UpdateMeetingRequest = Wire<z.input<typeof updateMeetingRequest>>;

/** `GET /api/boards/:id/meetings` */
export const meetingListResponse = z.object({ meetings: z.array(meetingRecordSchema) });
export type MeetingListResponse = z.output<typeof meetingListResponse>;

/** `POST /api/boards/:id/meetings` and `PATCH /api/boards/:id/meetings/:mid` */
export const meetingResponse = z.object({ meeting: meetingRecordSchema });
export type MeetingResponse = z.output<typeof meetingResponse>;

/** `POST /api/boards/:id/meetings/:mid/close`: the closed meeting and the version it saved. */
export const closedMeetingResponse = z.object({ meeting: meetingRecordSchema, version: versionMetaSchema });
export type ClosedMeetingResponse = z.output<typeof closedMeetingResponse>;

/** `GET /api/boards/:id/versions`, newest first. */
export const versionListResponse = z.object({ versions: z.array(versionMetaSchema) });
export type VersionListResponse = z.output<typeof versionListResponse>;

/** `POST /api/boards/:id/versions` */
export const saveVersionRequest = z.object({ label: versionLabelSchema });
export type SaveVersionRequest = Wire<z.input<typeof saveVersionRequest>>;

/** `POST /api/boards/:id/versions`: the saved version's description, bare. */
export const savedVersionResponse = versionMetaSchema;
export type SavedVersionResponse = z.output<typeof savedVersionResponse>;

/**
 * `GET /api/boards/:id/versions/:vid`: the version, its meeting if any, and both documents'
 * boards; `restricted` is null for people who may not read professionals-only cards.
 */
export const openedVersionResponse = z.object({
  version: versionMetaSchema,
  meeting: z.nullable(meetingRecordSchema),
  shared: boardStateSchema,
  restricted: z.nullable(boardStateSchema),
});
export type OpenedVersionResponse = z.output<typeof openedVersionResponse>;

/** `POST /api/boards/:id/versions/:vid/restore`: one card, or without `cardId` the whole board. */
export const restoreRequest = z.object({
  cardId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/))),
});
export type RestoreRequest = Wire<z.input<typeof restoreRequest>>;

/** `POST /api/boards/:id/versions/:vid/restore`: how many changes the restore made. */
export const restoreResponse = z.object({ changed: z.number() });
export type RestoreResponse = z.output<typeof restoreResponse>;
