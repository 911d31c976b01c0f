import type { Context } from 'hono';
import type { AccessControl } from '../access/accessControl.js';
import type { BoardMember } from '../access/authenticator.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import { RENDER_RETRY_AFTER_S, type RenderReport, type ReportRenderer } from './renderPool.js';

/**
 * [RR1] Holds one of this person's and one of the server's render slots while the report is read
 * and drawn (429 with Retry-After when none is free): a staff account counts once over all its
 * boards, a guest per member.
 */
export async function renderInSlot<T>(
  c: Context,
  {
    renderer,
    access,
  }: { readonly renderer: ReportRenderer; readonly access: Pick<AccessControl, 'members'> },
  member: BoardMember,
  work: (render: RenderReport) => Promise<T>,
): Promise<T> {
  const userId = access.members.get(member.memberId)?.userId ?? null;
  const slot = renderer.acquire(userId === null ? `member:${member.memberId}` : `user:${userId}`);
  if (slot === null) {
    c.header('Retry-After', String(RENDER_RETRY_AFTER_S));
    throw new ApiError(429, ApiErrorCode.rateLimited, 'A report is being drawn already; try again shortly');
  }
  try {
    return await work(slot.render);
  } finally {
    slot.release();
  }
}

/** A download: never cached, saved under `name`. */
export function attachment(c: Context, body: Uint8Array, type: string, name: string): Response {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(body as Uint8Array<ArrayBuffer>);
}
