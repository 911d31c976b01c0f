import { timingSafeEqual } from 'node:crypto';
import {
  type Actor,
  asParticipantId,
  asScaleId,
  markScored,
  may,
  type ParticipantId,
  type PersonId,
  type Result,
  type Role,
  readBoard,
  readLocked,
  revealInto,
  type ScaleId,
  type ScaleRating,
  unmarkScored,
} from '@kinmap/model';
import {
  PARTICIPANT_KEY_HEADER,
  privateRatingRequest,
  privateRatingResponse,
  revealResponse,
} from '@kinmap/protocol';
import type { Logger, Rooms } from '@kinmap/sync';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as Y from 'yjs';
import type { Authenticator, BoardMember } from '../access/authenticator.js';
import { boardGuard, memberByAuthenticator } from '../access/boardGuard.js';
import { hashSecret } from '../access/secrets.js';
import type { AuditLog } from '../audit/auditLog.js';
import { pathId } from '../boards/boardRequest.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import { parseJsonBody } from '../http/jsonBody.js';
import { reply } from '../http/reply.js';
import type { RequestIdEnv } from '../http/requestId.js';
import type { PrivateRatings, StoredPrivateRating } from './privateRatings.js';

/** A model result, or the route's own refusal of a key that does not match the stored score. */
type Outcome<T> = Result<T> | { readonly ok: false; readonly reason: 'forbidden' | 'locked' | 'no-person' };
const wrongKey = { ok: false, reason: 'forbidden' } as const;
/** [AC11] A locked board takes no score from those who may not write to it, privately either. */
const boardLocked = { ok: false, reason: 'locked' } as const;
const lockedFor = (doc: Y.Doc, role: Role): boolean => readLocked(doc) && !may(role, 'AC11');
/** [PR9] The path names neither the caller nor a person of the case: [PR7] refuses it. */
const noPerson = { ok: false, reason: 'no-person' } as const;
const isPerson = (doc: Y.Doc, id: PersonId): boolean => {
  const board = readBoard(doc);
  // Never a participant's id, even if a person was given one: staff never score in their place.
  return Object.hasOwn(board.people, id) && !Object.hasOwn(board.participants, id);
};
/** The people of the case staff linked to this participant once they joined ([AC48]). */
const linkedPeople = (doc: Y.Doc, participantId: ParticipantId): PersonId[] =>
  Object.values(readBoard(doc).people)
    .filter((person) => person.participantId === participantId)
    .map((person) => person.id);

/**
 * Private scaling over HTTP (docs/PROTOCOL.md, "Private scaling"; SPEC [PR1]–[PR6]). While a scale
 * collects privately, a person's score travels only between their browser and the server: the
 * board's document records that they scored, never what. The facilitator's reveal writes every
 * score into the document in one change, through the room's store-before-broadcast path.
 * Values and reasons are never logged.
 */
export interface ScaleRoutesOptions {
  readonly authenticate: Authenticator;
  readonly rooms: Rooms;
  readonly privateRatings: PrivateRatings;
  readonly logger: Logger;
  readonly now?: () => number;
  readonly maxBodyBytes?: number;
  /** The reveal is an audit event (SPEC [AD2]). */
  readonly audit?: Pick<AuditLog, 'record'>;
}

/** The participant-key header and the rating body are the wire contract's, under the names callers know. */

const PARTICIPANT_KEY = /^[A-Za-z0-9_-]{22,128}$/;

const RATING_PATH = '/api/boards/:id/scales/:scaleId/ratings/:participantId';

/** Adds the private-scaling routes to the app (before its `/api/*` not-found catch-all). */
export function registerScaleRoutes(
  app: Hono<RequestIdEnv>,
  {
    authenticate,
    rooms,
    privateRatings,
    logger,
    now = Date.now,
    maxBodyBytes = 16 * 1024,
    audit,
  }: ScaleRoutesOptions,
): void {
  // [E1] The same way in as the upgrade: a live member's cookie (401 otherwise) or a ticket.
  const guard = boardGuard({ resolve: memberByAuthenticator(authenticate), audit });
  const limit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new ApiError(413, ApiErrorCode.bodyTooLarge, `The body must be at most ${maxBodyBytes} bytes`);
    },
  });

  /** Runs a model op inside rooms.change and turns every failure into an ApiError. */
  async function change<T>(boardId: string, fn: (doc: Y.Doc) => Outcome<T>): Promise<T> {
    const changed = await rooms.change(boardId, fn);
    if (!changed.ok) {
      logger.error('scale.change_failed', { boardId, reason: changed.reason });
      throw new ApiError(503, ApiErrorCode.unavailable, 'The board could not be changed; please try again');
    }
    const result = changed.value;
    if (!result.ok) throw modelError(result.reason);
    return result.value;
  }

  app.put(RATING_PATH, limit, guard('PR3'), async (c) => {
    const { boardId, scaleId, participantId, role, keyHash, person, memberId } = ratingRequest(
      c,
      c.var.member,
    );
    const body = parseJsonBody(privateRatingRequest, await c.req.text());
    const at = now();
    const rating: ScaleRating =
      person === null
        ? { value: body.value, reason: body.reason ?? '', at }
        : { value: body.value, reason: body.reason ?? '', at, recordedBy: memberId };
    await change(boardId, (doc) => {
      if (lockedFor(doc, role)) return boardLocked;
      if (person !== null) {
        // [PR9] Staff record the score of a person of the case without a device, in their own name.
        if (!isPerson(doc, person)) return noPerson;
        const marked = markScored(doc, { participantId: memberId, role }, scaleId, undefined, person);
        if (marked.ok) privateRatings.put(boardId, scaleId, person, rating, keyHash);
        return marked;
      }
      // Re-scoring needs the key that stored the first score: the id alone is public.
      const existing = privateRatings.get(boardId, scaleId, participantId);
      if (existing !== null && !sameKey(existing.keyHash, keyHash)) return wrongKey;
      const marked = markScored(doc, { participantId, role }, scaleId);
      if (!marked.ok) return marked;
      privateRatings.put(boardId, scaleId, participantId, rating, keyHash);
      // [AC48] A person staff linked to this participant now scores for themselves: the score
      // written down for them before they joined is theirs no more.
      for (const person of linkedPeople(doc, participantId)) {
        if (privateRatings.remove(boardId, scaleId, person))
          unmarkScored(doc, { participantId, role }, scaleId, undefined, person);
      }
      return marked;
    });
    logger.info('scale.scored_privately', { boardId, scaleId });
    return reply(c, privateRatingResponse, { rating });
  });

  app.get(RATING_PATH, guard('PR3'), async (c) => {
    const { boardId, scaleId, participantId, keyHash, person } = ratingRequest(c, c.var.member);
    const scored = await change(boardId, (doc): Outcome<boolean> => {
      const board = readBoard(doc);
      const scale = board.scales[scaleId];
      if (scale === undefined) return { ok: false, reason: 'not-found' };
      if (person !== null && !Object.hasOwn(board.people, person)) return noPerson;
      return { ok: true, value: scale.mode === 'private' && scale.scored.includes(participantId) };
    });
    const stored = scored ? privateRatings.get(boardId, scaleId, participantId) : null;
    // A row left from an earlier round (not on the scored list) is not this round's score.
    if (stored === null) return reply(c, privateRatingResponse, { rating: null });
    // A score recorded for a person is any staff member's to read ([PR9]); one's own needs one's key.
    if (person === null && !sameKey(stored.keyHash, keyHash)) throw forbidden();
    return reply(c, privateRatingResponse, { rating: stored.rating });
  });

  app.delete(RATING_PATH, guard('PR3'), async (c) => {
    const { boardId, scaleId, participantId, role, keyHash, person, memberId } = ratingRequest(
      c,
      c.var.member,
    );
    await change(boardId, (doc) => {
      if (lockedFor(doc, role)) return boardLocked;
      if (person !== null) {
        if (!isPerson(doc, person)) return noPerson;
        const unmarked = unmarkScored(doc, { participantId: memberId, role }, scaleId, undefined, person);
        if (unmarked.ok) privateRatings.remove(boardId, scaleId, person);
        return unmarked;
      }
      const existing = privateRatings.get(boardId, scaleId, participantId);
      if (existing !== null && !sameKey(existing.keyHash, keyHash)) return wrongKey;
      const unmarked = unmarkScored(doc, { participantId, role }, scaleId);
      if (unmarked.ok) privateRatings.remove(boardId, scaleId, participantId);
      return unmarked;
    });
    logger.info('scale.score_withdrawn', { boardId, scaleId });
    return c.body(null, 204);
  });

  app.post('/api/boards/:id/scales/:scaleId/reveal', guard('PR5'), async (c) => {
    const { boardId, role, memberId } = c.var.member;
    const scaleId = pathId(c.req.param('scaleId'), 'scaleId') as ScaleId;
    const actor: Actor = { participantId: asParticipantId(memberId), role };
    let taken: Record<string, StoredPrivateRating> = {};
    const changed = await rooms.change(boardId, (doc) => {
      taken = privateRatings.list(boardId, scaleId);
      const ratings = Object.fromEntries(Object.entries(taken).map(([id, stored]) => [id, stored.rating]));
      const revealed = revealInto(doc, actor, scaleId, ratings);
      // Deleted in the same turn as the reveal, so a score sent right after it is never lost;
      // restored below if the reveal could not be stored.
      if (revealed.ok) privateRatings.removeMany(boardId, scaleId, Object.keys(taken));
      return revealed;
    });
    if (!changed.ok) {
      for (const [id, stored] of Object.entries(taken)) {
        // Only where nothing newer was stored since (a re-score after a failed reveal wins).
        if (privateRatings.get(boardId, scaleId, id) === null) {
          privateRatings.put(boardId, scaleId, id, stored.rating, stored.keyHash);
        }
      }
      logger.error('scale.change_failed', { boardId, reason: changed.reason });
      throw new ApiError(503, ApiErrorCode.unavailable, 'The scores could not be revealed; please try again');
    }
    if (!changed.value.ok) throw modelError(changed.value.reason);
    const count = changed.value.value.revealed.length;
    logger.info('scale.revealed', { boardId, scaleId, count });
    audit?.record({
      boardId,
      actorMemberId: memberId,
      kind: 'scale-reveal',
      detail: { scaleId, count, role },
    });
    return reply(c, revealResponse, { revealed: count });
  });
}

/**
 * Who is asking about whose private rating (the guard let in those who score, [PR3]), with their
 * participant key, and only about their own score: the path's participant must be the caller's
 * member id [PR7].
 */
function ratingRequest(c: Context, { boardId, role, memberId }: BoardMember) {
  const scaleId = pathId(c.req.param('scaleId'), 'scaleId') as ScaleId;
  const participantId = pathId(c.req.param('participantId'), 'participantId') as ParticipantId;
  // [PR9] Staff may name a person of the case without a device instead (checked against the board).
  const person = participantId === memberId ? null : (participantId as string as PersonId);
  if (person !== null && !may(role, 'PR9'))
    throw forbidden('A person can only give, read or withdraw their own score');
  const key = c.req.header(PARTICIPANT_KEY_HEADER) ?? '';
  if (!PARTICIPANT_KEY.test(key)) {
    throw new ApiError(
      400,
      ApiErrorCode.invalidInput,
      `${PARTICIPANT_KEY_HEADER} must be 22-128 URL-safe characters`,
    );
  }
  return {
    boardId,
    role,
    memberId: asParticipantId(memberId),
    scaleId: asScaleId(scaleId),
    participantId,
    person,
    keyHash: hashSecret(key),
  };
}

function sameKey(stored: Buffer, presented: Buffer): boolean {
  return stored.length === presented.length && timingSafeEqual(stored, presented);
}

const forbidden = (message = 'This participant key does not match the stored score') =>
  new ApiError(403, ApiErrorCode.forbidden, message);

function modelError(reason: string): ApiError {
  if (reason === 'not-found') return new ApiError(404, ApiErrorCode.notFound, 'No such scale');
  if (reason === 'wrong-mode') {
    return new ApiError(409, ApiErrorCode.wrongMode, 'The scale is not collecting scores privately');
  }
  if (reason === 'forbidden') return forbidden();
  // [PR7] Someone else's score, unless it is one staff record for a person of the case ([PR9]).
  if (reason === 'no-person')
    return forbidden(
      'A person can only give, read or withdraw their own score, or staff one recorded for a person of the case without a device',
    );
  if (reason === 'locked') return new ApiError(409, ApiErrorCode.boardLocked, 'The board is locked');
  return new ApiError(400, ApiErrorCode.invalidInput, 'The score is not valid');
}
