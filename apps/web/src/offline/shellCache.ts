/**
 * What the service worker (sw.ts) keeps so that a reload while offline still shows the app: the
 * page (index.html, the same for every app route) and the files it loads (Vite's content-hashed
 * /assets). Never the API or the sync socket: board data lives in IndexedDB (localCopy.ts), and
 * an answer from the server must never come from a cache.
 */
export const SHELL_CACHE = 'kinmap-shell-v1';
/** The cached page is stored under this key, whatever app address it was fetched for. */
export const SHELL_KEY = '/';

export type RequestKind = 'page' | 'asset' | 'network';

export interface RequestFacts {
  readonly method: string;
  readonly url: string;
  readonly mode: string;
}

const NEVER_CACHED = [/^\/api(\/|$)/, /^\/sync(\/|$)/];

/** How the worker treats a request: the page network-first, assets cache-first, the rest untouched. */
export function classifyRequest({ method, url, mode }: RequestFacts, origin: string): RequestKind {
  if (method !== 'GET') return 'network';
  const parsed = new URL(url);
  if (parsed.origin !== origin) return 'network';
  if (NEVER_CACHED.some((pattern) => pattern.test(parsed.pathname))) return 'network';
  if (mode === 'navigate') return 'page';
  return parsed.pathname.startsWith('/assets/') ? 'asset' : 'network';
}

/** A plain hashed asset path: nothing that climbs out of /assets or carries a query. */
const ASSET_PATH = /^\/assets\/[\w.-]+$/;

/**
 * The /assets files a built index.html loads (its script and stylesheet links), then the files of
 * the views it loads on demand, which the build lists in `<meta name="kinmap-offline-assets">`
 * (apps/web/vite.config.ts): all are kept, so every view opens offline, not only those seen online.
 */
export function shellAssets(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/\b(?:src|href)="(\/assets\/[^"?#]+)"/g)) {
    if (match[1]) found.add(match[1]);
  }
  const listed = /<meta name="kinmap-offline-assets" content="([^"]*)"/.exec(html)?.[1] ?? '';
  for (const path of listed.split(/\s+/)) {
    if (ASSET_PATH.test(path) && !path.includes('..')) found.add(path);
  }
  return [...found];
}
