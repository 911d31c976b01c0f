import { z } from 'zod';

/** A board's history for its staff (docs/PROTOCOL.md "Audit"). */

/** One line of a board's history; never a card's text. */
export const auditEntrySchema = z.object({
  /** Pass as `?after=` to read on from here. */
  cursor: z.string(),
  at: z.number(),
  source: z.enum(['update', 'event']),
  /** `update` for document updates, else the event's kind (`join`, `refused`, …). */
  kind: z.string(),
  /** Null for the server's own changes (the reveal, writing people's names). */
  actor: z
    .object({
      memberId: z.string().nullable(),
      name: z.string().nullable(),
      /** A role name; a client shows a role it does not know as none. */
      role: z.string().nullable(),
    })
    .nullable(),
  /** Plain words, e.g. "added a card to Harm". */
  summary: z.string(),
  seq: z.number().optional(),
  sessionId: z.string().nullable().optional(),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;

/** `GET /api/boards/:id/audit?after=&limit=`: `next` is null at the end. */
export const auditPageResponse = z.object({
  entries: z.array(auditEntrySchema),
  next: z.string().nullable(),
});
export type AuditPageResponse = z.output<typeof auditPageResponse>;
