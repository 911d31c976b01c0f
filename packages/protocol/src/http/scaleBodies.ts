import { isWellFormedText, LIMITS } from '@kinmap/model';
import type { Wire } from './wire.js';
import { z } from './zod.js';

/**
 * Private scaling (docs/PROTOCOL.md "Private scaling"): while a scale collects privately, a
 * person's score goes only from their browser to the server, never into the shared document.
 */

/** The header carrying a browser's participant key (≥ 128 random bits, kept by that browser). */
export const PARTICIPANT_KEY_HEADER = 'X-Participant-Key';

/** `PUT /api/boards/:id/scales/:scaleId/ratings/:participantId` */
export const privateRatingRequest = z.object({
  value: z.int({ error: 'must be a whole number from 0 to 10' }).check(z.minimum(0), z.maximum(10)),
  reason: z.optional(
    z
      .string({ error: 'must be a string' })
      .check(
        z.maxLength(LIMITS.reason, { error: `must be at most ${LIMITS.reason} characters` }),
        z.refine(isWellFormedText, { error: 'contains an unpaired surrogate' }),
      ),
  ),
});
export type PrivateRatingRequest = Wire<z.input<typeof privateRatingRequest>>;

export const privateRatingSchema = z.object({
  value: z.number(),
  reason: z.string(),
  at: z.number(),
  /** Staff who recorded it, on a score for a person of the case without a device ([PR9]). */
  recordedBy: z.optional(z.string()),
});

/** `GET` and `PUT` of a private rating: null when the person has not scored this round. */
export const privateRatingResponse = z.object({ rating: z.nullable(privateRatingSchema) });
export type PrivateRatingResponse = z.output<typeof privateRatingResponse>;

/** `POST /api/boards/:id/scales/:scaleId/reveal`: how many private scores were shown. */
export const revealResponse = z.object({ revealed: z.number() });
export type RevealResponse = z.output<typeof revealResponse>;
