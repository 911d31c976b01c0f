import { ROLES } from '@kinmap/model';
import type { Wire } from './wire.js';
import { z } from './zod.js';

/** Boards and who one is on them (docs/PROTOCOL.md "Accounts and access"). */

/** `POST /api/boards` (staff only) */
export const createBoardRequest = z.object({
  title: z
    .string({ error: 'must be a string' })
    .check(
      z.trim(),
      z.minLength(1, { error: 'must not be empty' }),
      z.maxLength(200, { error: 'must be at most 200 characters' }),
    ),
});
export type CreateBoardRequest = Wire<z.input<typeof createBoardRequest>>;

/** `POST /api/boards` and `POST /api/boards/import`: the new board and the caller's member on it. */
export const createdBoardResponse = z.object({ id: z.string(), memberId: z.string() });
export type CreatedBoard = z.output<typeof createdBoardResponse>;

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** A board as one of its members sees it: who they are on it. */
export const boardSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.number(),
  role: z.enum(ROLES),
  memberId: z.string().check(z.minLength(1)),
  /**
   * `GET /api/boards` only: when the next review conference is due (model `reviewTimetable`),
   * null when no conference has been held.
   */
  nextReview: z.optional(
    z.nullable(
      z.object({
        after: z.object({ type: z.enum(['initial-conference', 'review-conference']), date: isoDate }),
        dueBy: isoDate,
        overdue: z.boolean(),
      }),
    ),
  ),
});
export type BoardSummary = z.output<typeof boardSummarySchema>;

/** `GET /api/boards`: this staff member's boards. */
export const boardListResponse = z.object({ boards: z.array(boardSummarySchema) });
export type BoardListResponse = z.output<typeof boardListResponse>;

/** `GET /api/boards/:id`: the board and the caller's role and member id on it. */
export const boardAccessResponse = boardSummarySchema;
export type BoardAccess = BoardSummary;
