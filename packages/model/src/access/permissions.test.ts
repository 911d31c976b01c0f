import { describe, expect, it } from 'vitest';
import { cardCases } from './cardCases.fixture.js';
import { meetingCases } from './meetingCases.fixture.js';
import { peopleCases } from './peopleCases.fixture.js';
import { type Case, cardAdded, family, mode, open, removed, viewer } from './permissionCases.fixture.js';
import { type ChangeActor, checkChanges } from './permissions.js';
import { planCases } from './planCases.fixture.js';
import { PERMISSION_MATRIX } from './policy.js';
import { quoteCases } from './quoteCases.fixture.js';
import { wordsCases } from './wordsCases.fixture.js';

const cases: Case[] = [
  ...cardCases,
  ...planCases,
  ...wordsCases,
  ...meetingCases,
  ...peopleCases,
  ...quoteCases,
];

describe('checkChanges', () => {
  it.each(cases)('[$rule] $does: refused=$refused', ({ rule, actor, changes, locked, document, refused }) => {
    const verdict = checkChanges(changes, actor, { locked: locked ?? false, document: document ?? 'shared' });
    if (refused) expect(verdict).toMatchObject({ ok: false, rule });
    else expect(verdict).toEqual({ ok: true });
  });

  it('allows an update that changes nothing, from anyone', () => {
    expect(checkChanges([], viewer, { locked: true })).toEqual({ ok: true });
  });

  it('gives a reason a person can read, naming neither card text nor names', () => {
    expect(checkChanges([removed('practitioner')], family, open)).toEqual({
      ok: false,
      rule: 'AC5',
      reason: "family may not delete another person's card",
    });
  });

  it('skips only the checks against one’s own id for a connection without a participant id', () => {
    const legacy: ChangeActor = { role: 'family' };
    expect(checkChanges([removed('practitioner')], legacy, open)).toEqual({ ok: true });
    expect(checkChanges([cardAdded({ authorId: 'anyone' })], legacy, open)).toEqual({ ok: true });
    expect(checkChanges([mode], legacy, open)).toMatchObject({ ok: false, rule: 'AC9' });
    expect(checkChanges([cardAdded({ authorRole: 'facilitator' })], legacy, open)).toMatchObject({
      rule: 'AC2',
    });
  });

  it('cites every rule of the matrix in at least one allowed or refused case', () => {
    // A child's tool is its own document with its own check (child/childTool.test.ts cites these).
    const cited = new Set([...cases.map((c) => c.rule), 'AC50', 'AC51']);
    expect([...cited].sort()).toEqual(Object.keys(PERMISSION_MATRIX).sort());
  });
});
