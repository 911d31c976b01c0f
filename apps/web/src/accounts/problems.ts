import type { ApiFailureResult } from '../lib/api';
import { type MessageKey, type PluralMessageKey, t } from '../lib/messages';

/**
 * Which words explain a failed account request: plain words for what the person can do next,
 * never the server's English message. A wait is in whole minutes (at least one).
 */
export type Problem =
  | { readonly key: Exclude<MessageKey, PluralMessageKey> }
  | { readonly key: PluralMessageKey; readonly count: number };

export function waitMinutes(retryAfterS: number | undefined): number {
  return Math.max(1, Math.ceil((retryAfterS ?? 60) / 60));
}

export function signInProblem(failure: ApiFailureResult): Problem {
  if (failure.reason === 'rate-limited')
    return { key: 'signIn.tooMany', count: waitMinutes(failure.retryAfterS) };
  if (failure.reason === 'unauthorized' || failure.reason === 'invalid') return { key: 'signIn.wrong' };
  return { key: 'signIn.failed' };
}

export function setupProblem(failure: ApiFailureResult): Problem {
  if (failure.reason === 'rate-limited')
    return { key: 'setup.tooMany', count: waitMinutes(failure.retryAfterS) };
  if (failure.reason === 'gone') return { key: 'setup.done' };
  if (failure.reason === 'forbidden' && failure.code === 'setup-closed') return { key: 'setup.badCode' };
  if (failure.reason === 'invalid') return { key: 'setup.invalid' };
  return { key: 'setup.failed' };
}

const INVITE_GONE: Readonly<Record<string, Exclude<MessageKey, PluralMessageKey>>> = {
  'invite-used': 'join.inviteUsed',
  'member-removed': 'join.memberRemoved',
  'invite-expired': 'join.inviteExpired',
  'invite-revoked': 'join.inviteRevoked',
};

export function joinProblem(failure: ApiFailureResult): Problem {
  if (failure.reason === 'rate-limited')
    return { key: 'join.tooMany', count: waitMinutes(failure.retryAfterS) };
  if (failure.reason === 'gone') {
    const code = failure.code ?? '';
    return {
      key: Object.hasOwn(INVITE_GONE, code) ? (INVITE_GONE[code] ?? 'join.badInvite') : 'join.badInvite',
    };
  }
  if (failure.reason === 'not-found') return { key: 'join.badInvite' };
  return { key: 'join.failed' };
}

export function problemText(problem: Problem): string {
  return 'count' in problem ? t(problem.key, { count: problem.count }) : t(problem.key);
}
