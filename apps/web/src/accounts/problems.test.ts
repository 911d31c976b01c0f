import { beforeAll, describe, expect, it } from 'vitest';
import { loadOnDemandWords } from '../lib/messages';
import { joinProblem, problemText, setupProblem, signInProblem, waitMinutes } from './problems';

describe('problems', () => {
  // The accounts pages' words load with those pages.
  beforeAll(() => loadOnDemandWords());

  it('rounds a wait up to whole minutes, at least one', () => {
    expect(waitMinutes(1)).toBe(1);
    expect(waitMinutes(61)).toBe(2);
    expect(waitMinutes(900)).toBe(15);
    expect(waitMinutes(undefined)).toBe(1);
  });

  it('tells a person signing in about wrong details and about the wait after too many tries', () => {
    expect(problemText(signInProblem({ ok: false, reason: 'unauthorized', code: 'bad-credentials' }))).toBe(
      'The email or password is not right.',
    );
    expect(problemText(signInProblem({ ok: false, reason: 'rate-limited', retryAfterS: 840 }))).toBe(
      'Too many tries. Please wait 14 minutes and try again.',
    );
    expect(problemText(signInProblem({ ok: false, reason: 'rate-limited', retryAfterS: 30 }))).toBe(
      'Too many tries. Please wait 1 minute and try again.',
    );
    expect(signInProblem({ ok: false, reason: 'failed' })).toEqual({ key: 'signIn.failed' });
  });

  it('says why an invite link no longer works: used, expired, revoked, or unknown', () => {
    expect(joinProblem({ ok: false, reason: 'gone', code: 'invite-used' })).toEqual({
      key: 'join.inviteUsed',
    });
    // Used: never claims it was another device (the server cannot know; this device may have signed out).
    expect(problemText(joinProblem({ ok: false, reason: 'gone', code: 'invite-used' }))).not.toContain(
      'another device',
    );
    expect(problemText(joinProblem({ ok: false, reason: 'gone', code: 'invite-used' }))).toContain(
      'already been used to join',
    );
    // The person who joined with it was removed since.
    expect(joinProblem({ ok: false, reason: 'gone', code: 'member-removed' })).toEqual({
      key: 'join.memberRemoved',
    });
    expect(problemText(joinProblem({ ok: false, reason: 'gone', code: 'member-removed' }))).toContain(
      'has since been removed',
    );
    expect(joinProblem({ ok: false, reason: 'gone', code: 'invite-expired' })).toEqual({
      key: 'join.inviteExpired',
    });
    expect(joinProblem({ ok: false, reason: 'gone', code: 'invite-revoked' })).toEqual({
      key: 'join.inviteRevoked',
    });
    expect(joinProblem({ ok: false, reason: 'gone', code: 'toString' })).toEqual({ key: 'join.badInvite' });
    expect(joinProblem({ ok: false, reason: 'not-found', code: 'not-found' })).toEqual({
      key: 'join.badInvite',
    });
    expect(joinProblem({ ok: false, reason: 'rate-limited', retryAfterS: 120 })).toEqual({
      key: 'join.tooMany',
      count: 2,
    });
  });

  it('tells the first administrator whether the setup link is wrong or setup is over', () => {
    expect(setupProblem({ ok: false, reason: 'forbidden', code: 'setup-closed' })).toEqual({
      key: 'setup.badCode',
    });
    expect(setupProblem({ ok: false, reason: 'gone', code: 'setup-closed' })).toEqual({ key: 'setup.done' });
    expect(setupProblem({ ok: false, reason: 'invalid', code: 'invalid-input' })).toEqual({
      key: 'setup.invalid',
    });
    expect(setupProblem({ ok: false, reason: 'forbidden', code: 'csrf' })).toEqual({ key: 'setup.failed' });
  });
});
