import { useCallback, useSyncExternalStore } from 'react';

/**
 * Whether a CSS media query matches now, kept up to date as the window changes. One `MediaQueryList`
 * per query, subscribed once: `matchMedia` on every render (a keystroke renders the map) cost more than
 * the answer.
 */
export function useMediaQuery(query: string): boolean {
  const list = mediaList(query);
  const subscribe = useCallback(
    (onChange: () => void) => {
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [list],
  );
  return useSyncExternalStore(
    subscribe,
    () => list.matches,
    () => false,
  );
}

const lists = new Map<string, MediaQueryList>();

function mediaList(query: string): MediaQueryList {
  let list = lists.get(query);
  if (!list) {
    list = window.matchMedia(query);
    lists.set(query, list);
  }
  return list;
}

/** Phones (and narrow windows): the board's one-line top bar and the bottom action bar. */
export const PHONE_QUERY = '(max-width: 600px)';
