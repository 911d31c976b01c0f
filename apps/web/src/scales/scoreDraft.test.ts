import { describe, expect, it } from 'vitest';
import {
  draftStatus,
  initialDraft,
  isDirty,
  type ScoreDraft,
  type ScoreDraftEvent,
  scoreDraft,
  toSend,
} from './scoreDraft';

const run = (draft: ScoreDraft, ...events: ScoreDraftEvent[]): ScoreDraft => events.reduce(scoreDraft, draft);

describe('scoreDraft', () => {
  it('a tap on the line only changes the draft: nothing is sent until the person saves', () => {
    const draft = run(initialDraft({ value: 3, reason: 'Old reason' }), { type: 'pick', value: 6 });
    expect(draft).toMatchObject({ value: 6, reason: 'Old reason', sending: null });
    expect(draftStatus(draft)).toBe('unsaved');
  });

  it('sends the value and the reason together, as they are when the person saves', () => {
    const draft = run(
      initialDraft(null),
      { type: 'pick', value: 7 },
      { type: 'type', reason: 'Nan picks Mia up' },
      { type: 'send' },
    );
    expect(draft.sending).toEqual({ value: 7, reason: 'Nan picks Mia up' });
    expect(draftStatus(draft)).toBe('saving');
    // A second press while one is on its way sends nothing more.
    expect(toSend(draft)).toBeNull();
    expect(run(draft, { type: 'send' })).toBe(draft);
  });

  it('never reverts what the person typed while a slow save was on its way', () => {
    let draft = run(
      initialDraft(null),
      { type: 'pick', value: 7 },
      { type: 'type', reason: 'Nan' },
      { type: 'send' },
      { type: 'type', reason: 'Nan picks Mia up every day' },
    );
    // The server's answer, then the board's update with the saved score, arrive late.
    draft = run(
      draft,
      { type: 'answered', ok: true, saved: { value: 7, reason: 'Nan' } },
      { type: 'savedElsewhere', saved: { value: 7, reason: 'Nan' } },
    );
    expect(draft.reason).toBe('Nan picks Mia up every day');
    expect(draft.value).toBe(7);
    expect(isDirty(draft)).toBe(true);
    expect(draftStatus(draft)).toBe('unsaved');
    // Saving again sends all of it.
    draft = run(draft, { type: 'send' }, { type: 'answered', ok: true, saved: null });
    expect(draft.saved).toEqual({ value: 7, reason: 'Nan picks Mia up every day' });
    expect(draftStatus(draft)).toBe('saved');
  });

  it('a failed save keeps the draft and says so', () => {
    const draft = run(
      initialDraft(null),
      { type: 'pick', value: 2 },
      { type: 'type', reason: 'Worried' },
      { type: 'send' },
      { type: 'answered', ok: false, saved: null },
    );
    expect(draft).toMatchObject({ value: 2, reason: 'Worried', saved: null, sending: null });
    expect(draftStatus(draft)).toBe('failed');
  });

  it('a score saved elsewhere replaces an untouched draft, but not one the person has changed', () => {
    const untouched = run(initialDraft({ value: 3, reason: 'a' }), {
      type: 'savedElsewhere',
      saved: { value: 8, reason: 'revealed' },
    });
    expect(untouched).toMatchObject({ value: 8, reason: 'revealed' });
    expect(draftStatus(untouched)).toBe('idle');
    const touched = run(
      initialDraft({ value: 3, reason: 'a' }),
      { type: 'type', reason: 'a longer reason' },
      { type: 'savedElsewhere', saved: { value: 8, reason: 'revealed' } },
    );
    expect(touched).toMatchObject({
      value: 3,
      reason: 'a longer reason',
      saved: { value: 8, reason: 'revealed' },
    });
    // A new round clears the saved score; the unsaved draft is still there to save.
    const cleared = run(touched, { type: 'savedElsewhere', saved: null });
    expect(cleared).toMatchObject({ value: 3, reason: 'a longer reason', saved: null });
    expect(
      run(initialDraft({ value: 3, reason: 'a' }), { type: 'savedElsewhere', saved: null }),
    ).toMatchObject({
      value: null,
      reason: '',
    });
  });
});
