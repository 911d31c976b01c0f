import {
  type BoardState,
  emptyBoardState,
  type ParticipantId,
  type ScaleId,
  type ScaleState,
} from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { t } from '../../lib/messages';
import { MAX_MARKER_DEPTH, markerDepth, nameInitial, summariseScale } from './analysisScale';

function board(roles: Record<string, 'family' | 'facilitator' | 'viewer'>): BoardState {
  const participants = Object.fromEntries(
    Object.entries(roles).map(([id, role]) => [
      id,
      { id: id as ParticipantId, displayName: `${id} name`, role, joinedAt: 0 },
    ]),
  );
  return { ...emptyBoardState('Case 1'), participants };
}

function scale(
  mode: 'private' | 'revealed',
  ratings: Record<string, number>,
  scored: string[] = [],
): ScaleState {
  return {
    id: 'p1' as ScaleId,
    mode,
    ratings: Object.fromEntries(
      Object.entries(ratings).map(([id, value]) => [id, { value, reason: '', at: 0 }]),
    ),
    scored,
  };
}

const PEOPLE = board({ alex: 'family', sam: 'facilitator', wall: 'viewer' });

describe('the compact scale of a pair', () => {
  it('says only how many have scored while the scale collects privately, and draws no marker', () => {
    const summary = summariseScale(scale('private', {}, ['alex']), PEOPLE);
    // The Scaling view's own words for the count, so the two views agree.
    expect(summary.status).toBe(`Collecting privately: ${t('scale.scoredCount', { count: 1, total: 2 })}`);
    expect(summary.markers).toEqual([]);
    expect(markerDepth(scale('private', {}, ['alex']))).toBe(0);
  });

  it('draws a marker per revealed rating and gives the middle score and the count', () => {
    const summary = summariseScale(scale('revealed', { alex: 7, sam: 4 }), PEOPLE);
    expect(summary.markers.map((m) => [m.name, m.value, m.role])).toEqual([
      ['alex name', 7, 'family'],
      ['sam name', 4, 'facilitator'],
    ]);
    expect(summary.status).toBe(`Middle score 5.5  ·  ${t('scale.scoredCount', { count: 2, total: 2 })}`);
  });

  it('says nobody has scored on an empty revealed scale', () => {
    expect(summariseScale(scale('revealed', {}), PEOPLE).status).toBe('Nobody has scored yet.');
  });

  it('stacks at most a few markers at one value and counts the rest', () => {
    const many = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`p${i}`, 6]));
    const summary = summariseScale(scale('revealed', many), PEOPLE);
    expect(summary.markers).toHaveLength(MAX_MARKER_DEPTH);
    expect(summary.overflow.get(6)).toBe(7 - MAX_MARKER_DEPTH);
    expect(markerDepth(scale('revealed', many))).toBe(MAX_MARKER_DEPTH);
    expect(markerDepth(scale('revealed', { a: 1, b: 1, c: 2 }))).toBe(2);
  });

  it('draws the first letter of a name, whole', () => {
    expect(nameInitial(' émile')).toBe('É');
    expect(nameInitial('')).toBe('?');
    expect(nameInitial('😀 Mo')).toBe('😀');
  });
});
