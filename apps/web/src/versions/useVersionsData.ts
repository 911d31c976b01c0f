import type { MeetingRecord, VersionMeta } from '@kinmap/model';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiFailureResult } from '../lib/api';
import type { MessageKey } from '../lib/messages';
import { fetchVersion, listMeetings, listVersions, type OpenedVersion } from './versionsApi';

export type VersionsData =
  | { readonly state: 'loading' }
  | { readonly state: 'failed' }
  | {
      readonly state: 'ready';
      readonly meetings: readonly MeetingRecord[];
      /** Newest first. */
      readonly versions: readonly VersionMeta[];
    };

/** The words for a failed request: a conflict and bad input say what happened, the rest "try again". */
export function failureMessage(failure: ApiFailureResult): MessageKey {
  if (failure.reason === 'conflict') return 'versions.conflict';
  if (failure.reason === 'invalid') return 'versions.invalid';
  return 'versions.actionFailed';
}

/** The board's meetings and versions, loaded on mount and again whenever `reload` is called. */
export function useVersionsData(boardId: string): { data: VersionsData; reload: () => Promise<void> } {
  const [data, setData] = useState<VersionsData>({ state: 'loading' });
  const reload = useCallback(async () => {
    const [meetings, versions] = await Promise.all([listMeetings(boardId), listVersions(boardId)]);
    if (!meetings.ok || !versions.ok) {
      setData({ state: 'failed' });
      return;
    }
    const newestFirst = [...versions.value].sort((a, b) => b.number - a.number);
    setData({ state: 'ready', meetings: meetings.value, versions: newestFirst });
  }, [boardId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, reload };
}

export type LoadedVersion =
  | { readonly state: 'loading' }
  | { readonly state: 'failed' }
  | { readonly state: 'ready'; readonly opened: OpenedVersion };

/**
 * Saved versions' contents, fetched once each and kept while the view is open: a version never
 * changes, so a comparison that flips back and forth does not fetch again.
 */
export function useVersionContents(boardId: string, wanted: readonly (string | null)[]) {
  const cache = useRef(new Map<string, LoadedVersion>());
  const mounted = useRef(true);
  const [, setTick] = useState(0);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const key = wanted.filter((id): id is string => id !== null).join(' ');
  useEffect(() => {
    for (const versionId of key.split(' ').filter(Boolean)) {
      if (cache.current.has(versionId)) continue;
      cache.current.set(versionId, { state: 'loading' });
      void fetchVersion(boardId, versionId).then((result) => {
        cache.current.set(
          versionId,
          result.ok ? { state: 'ready', opened: result.value } : { state: 'failed' },
        );
        // Re-render whichever comparison is showing now: it may be waiting for this version.
        if (mounted.current) setTick((n) => n + 1);
      });
    }
  }, [boardId, key]);
  return (versionId: string): LoadedVersion => cache.current.get(versionId) ?? { state: 'loading' };
}
