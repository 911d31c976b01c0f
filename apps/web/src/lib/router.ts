import { useSyncExternalStore } from 'react';

/** The app has a handful of screens; a dependency-free router is enough. */
export type Route =
  | { readonly name: 'landing' }
  | { readonly name: 'signIn' }
  | { readonly name: 'setup' }
  | { readonly name: 'join' }
  | { readonly name: 'ask' }
  | { readonly name: 'staff' }
  | { readonly name: 'board'; readonly boardId: string }
  | { readonly name: 'notFound' };

const BOARD_PATH = /^\/b\/([A-Za-z0-9_-]{1,128})\/?$/;
const PAGES: Readonly<Record<string, Route>> = {
  '/signin': { name: 'signIn' },
  '/setup': { name: 'setup' },
  '/join': { name: 'join' },
  '/ask': { name: 'ask' },
  '/staff': { name: 'staff' },
};

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'landing' };
  const page = PAGES[pathname.replace(/\/$/, '')];
  if (page) return page;
  const match = BOARD_PATH.exec(pathname);
  if (match?.[1]) return { name: 'board', boardId: match[1] };
  return { name: 'notFound' };
}

/** A board's page; `projector` keeps a wall screen a wall screen (`?projector`). */
export function boardPath(boardId: string, { projector = false } = {}): string {
  return projector ? `/b/${boardId}?projector` : `/b/${boardId}`;
}

const NAVIGATE_EVENT = 'kinmap:navigate';

/** Moves to `path` without a page load; `useRoute` users re-render. */
export function navigate(path: string, { replace = false } = {}): void {
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return parseRoute(pathname);
}
