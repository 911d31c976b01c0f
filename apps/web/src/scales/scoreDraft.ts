/**
 * One person's score on one scale while they work on it: the value they picked and the reason
 * they are typing, what is saved, and what is on its way. Pure (a reducer), so the rules are
 * tested without a browser:
 * - picking a value on the line or in the list only changes the draft: nothing is saved until
 *   "Save my score", which sends the value and the reason together (one transaction on the
 *   board, or one request while the scale collects privately);
 * - an answer or an update from elsewhere never replaces what the person has changed and not
 *   saved: the typed reason is never reverted, however slow the network.
 */

export interface Score {
  readonly value: number;
  readonly reason: string;
}

export interface ScoreDraft {
  /** What the form shows. */
  readonly value: number | null;
  readonly reason: string;
  /** What is saved as far as this page knows (the board's rating, or the server's private one). */
  readonly saved: Score | null;
  /** Sent and not answered yet. */
  readonly sending: Score | null;
  /** How the last save ended, until the person changes the draft again. */
  readonly outcome: 'saved' | 'failed' | null;
}

export type ScoreDraftEvent =
  | { readonly type: 'pick'; readonly value: number | null }
  | { readonly type: 'type'; readonly reason: string }
  /** The save button: the current value and reason go out together. */
  | { readonly type: 'send' }
  /** The answer to a send; `saved` is what the server kept (null: take what was sent). */
  | { readonly type: 'answered'; readonly ok: boolean; readonly saved: Score | null }
  /** The saved score changed (this save arriving, another tab, the reveal, a reload). */
  | { readonly type: 'savedElsewhere'; readonly saved: Score | null };

export function initialDraft(saved: Score | null): ScoreDraft {
  return { value: saved?.value ?? null, reason: saved?.reason ?? '', saved, sending: null, outcome: null };
}

const same = (a: Score | null, value: number | null, reason: string): boolean =>
  a === null ? value === null && reason === '' : a.value === value && a.reason === reason;

/** True when the form holds something that is not saved. */
export function isDirty(draft: ScoreDraft): boolean {
  return !same(draft.saved, draft.value, draft.reason);
}

export type DraftStatus = 'saving' | 'unsaved' | 'saved' | 'failed' | 'idle';

/** What the form says about the draft (the words are the view's). */
export function draftStatus(draft: ScoreDraft): DraftStatus {
  if (draft.sending !== null) return 'saving';
  if (draft.outcome === 'failed') return 'failed';
  if (isDirty(draft)) return 'unsaved';
  return draft.outcome === 'saved' ? 'saved' : 'idle';
}

/** What "Save my score" would send, or null when it cannot (no value, or a save on its way). */
export function toSend(draft: ScoreDraft): Score | null {
  if (draft.value === null || draft.sending !== null) return null;
  return { value: draft.value, reason: draft.reason };
}

export function scoreDraft(draft: ScoreDraft, event: ScoreDraftEvent): ScoreDraft {
  switch (event.type) {
    case 'pick':
      return { ...draft, value: event.value, outcome: draft.outcome === 'failed' ? 'failed' : null };
    case 'type':
      return { ...draft, reason: event.reason, outcome: draft.outcome === 'failed' ? 'failed' : null };
    case 'send': {
      const sending = toSend(draft);
      return sending === null ? draft : { ...draft, sending, outcome: null };
    }
    case 'answered': {
      if (draft.sending === null) return draft;
      if (!event.ok) return { ...draft, sending: null, outcome: 'failed' };
      // The draft stays as the person left it: if they typed on while it was saving, it is
      // simply not saved yet (and the form says so).
      return { ...draft, saved: event.saved ?? draft.sending, sending: null, outcome: 'saved' };
    }
    case 'savedElsewhere': {
      if (same(draft.saved, event.saved?.value ?? null, event.saved?.reason ?? '')) return draft;
      // An untouched draft follows the saved score; a changed one (or one on its way) is kept.
      const untouched = draft.sending === null && !isDirty(draft);
      return untouched
        ? {
            ...draft,
            saved: event.saved,
            value: event.saved?.value ?? null,
            reason: event.saved?.reason ?? '',
          }
        : { ...draft, saved: event.saved };
    }
  }
}
