import { z } from './zod.js';

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
  actor: z.nullable(
    z.object({
      memberId: z.nullable(z.string()),
      name: z.nullable(z.string()),
      /** A role name; a client shows a role it does not know as none. */
      role: z.nullable(z.string()),
    }),
  ),
  /** Plain words, e.g. "added a card to Harm". */
  summary: z.string(),
  seq: z.optional(z.number()),
  sessionId: z.optional(z.nullable(z.string())),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;

/** Someone who appears in a board's history, for the person filter. */
export const auditPersonSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  role: z.string(),
});

/** `GET /api/boards/:id/audit?after=&limit=&member=&kind=&from=&to=`: `next` is null at the end. */
export const auditPageResponse = z.object({
  entries: z.array(auditEntrySchema),
  next: z.nullable(z.string()),
  /** The board's members (also removed ones), for the person filter; absent from older servers. */
  people: z.optional(z.array(auditPersonSchema)),
});
export type AuditPageResponse = z.output<typeof auditPageResponse>;

/** What `kind=` may name: document updates, or one kind of event (apps/server audit/auditLog.ts). */
export const AUDIT_KINDS = [
  'update',
  'join',
  'leave',
  'invite-created',
  'invite-opened',
  'invite-revoked',
  'member-revoked',
  'login',
  'logout',
  'export',
  'scale-reveal',
  'refused',
  'meeting-started',
  'meeting-closed',
  'version-saved',
  'restore',
  'import',
  // A child's tool started, and every change of who sees it (issue 14, [CT2]).
  'child-tool-created',
  'child-tool-visibility',
  // A child's tool handed over to another worker ([CT8]).
  'child-tool-worker',
  // Words and Pictures' steps: shared with the parents, a parent agreed, shared with and left with the child ([CT5], [CT6]).
  'words-pictures',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** A member id as ids are made (newId): letters, digits, `_` and `-`. */
const memberIdParam = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
/** Milliseconds since 1970 as decimal digits (what a query string carries). */
const timeParam = z.pipe(
  z.string().check(z.regex(/^\d{1,15}$/)),
  z.transform((s: string) => Number(s)),
);

/**
 * `GET /api/boards/:id/audit` query: `after` (a cursor) and `limit` page; `member`, `kind`, `from`
 * and `to` (ms, `from` ≤ at < `to`) filter. Anything else in the query is refused.
 */
export const auditQuery = z
  .strictObject({
    after: z.optional(z.string().check(z.regex(/^\d{1,16}\.[01]\.\d{1,16}$/))),
    limit: z.optional(
      z.pipe(
        z.pipe(
          z.string().check(z.regex(/^\d{1,3}$/)),
          z.transform((s: string) => Number(s)),
        ),
        z.number().check(z.int(), z.minimum(1), z.maximum(500)),
      ),
    ),
    member: z.optional(memberIdParam),
    kind: z.optional(z.enum(AUDIT_KINDS)),
    from: z.optional(timeParam),
    to: z.optional(timeParam),
  })
  .check(
    z.refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
      message: 'from must be before to',
      path: ['to'],
    }),
  );
export type AuditQuery = z.output<typeof auditQuery>;
