import { type MeetingToolsState, readMeetingTools } from '@kinmap/model';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { measureServerOffset } from './serverClock';

const PARTS = ['agenda', 'parkingLot', 'facilitation'] as const;

/**
 * The meeting tools of `doc`, read again whenever one of their three maps changes (and only
 * then: a keystroke in a card does not re-read them).
 */
export function useMeetingTools(doc: Y.Doc | null): MeetingToolsState | null {
  const [tools, setTools] = useState<MeetingToolsState | null>(() => (doc ? readMeetingTools(doc) : null));
  useEffect(() => {
    if (!doc) {
      setTools(null);
      return;
    }
    const read = () => setTools(readMeetingTools(doc));
    read();
    const maps: Y.Map<unknown>[] = [];
    for (const name of PARTS) {
      try {
        maps.push(doc.getMap<unknown>(name));
      } catch {
        // Claimed by another type in a damaged document: the reader reads it as empty.
      }
    }
    for (const map of maps) map.observeDeep(read);
    return () => {
      for (const map of maps) map.unobserveDeep(read);
    };
  }, [doc]);
  return tools;
}

/** The server's clock as this screen estimates it: `now()` in server ms. */
export function useServerClock(): () => number {
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    let live = true;
    void measureServerOffset().then((measured) => {
      if (live) setOffset(measured);
    });
    return () => {
      live = false;
    };
  }, []);
  return () => Date.now() + offset;
}

/** Re-renders every `intervalMs` while `active` (a running timer), and not at all otherwise. */
export function useTick(active: boolean, intervalMs = 500): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const id = window.setInterval(() => setTick((n) => n + 1), intervalMs);
    return () => window.clearInterval(id);
  }, [active, intervalMs]);
}
