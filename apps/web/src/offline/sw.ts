import { classifyRequest, SHELL_CACHE, SHELL_KEY, shellAssets } from './shellCache';

/**
 * The service worker (built to /sw.js, see vite.config.ts): keeps the app shell so a reload while
 * offline shows the app, which then opens the board from its IndexedDB copy. Pages are fetched
 * network-first (a deploy is seen at once when online); /assets are content-hashed, so a cached
 * one is always right. The API and the sync socket are never touched (shellCache.ts).
 */

// The app's tsconfig has the DOM library, not the worker one (the two clash): the little used here.
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
}
const worker = self as unknown as WorkerScope;

const isPage = (response: Response) =>
  response.ok && (response.headers.get('content-type') ?? '').includes('text/html');

/** Stores a fetched page and the assets it loads; drops assets of an older build. */
async function keepShell(page: Response): Promise<void> {
  const html = await page.clone().text();
  const cache = await caches.open(SHELL_CACHE);
  const previous = await cache.match(SHELL_KEY);
  const assets = shellAssets(html);
  await cache.addAll(assets);
  await cache.put(SHELL_KEY, page);
  if (previous && (await previous.text()) !== html) {
    const current = new Set(assets);
    for (const request of await cache.keys()) {
      const path = new URL(request.url).pathname;
      if (path.startsWith('/assets/') && !current.has(path)) await cache.delete(request);
    }
  }
}

async function page(event: FetchEventLike): Promise<Response> {
  try {
    const response = await fetch(event.request);
    if (isPage(response)) event.waitUntil(keepShell(response.clone()).catch(() => undefined));
    return response;
  } catch {
    return (await caches.match(SHELL_KEY)) ?? Response.error();
  }
}

async function asset(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    await (await caches.open(SHELL_CACHE)).put(request, copy);
  }
  return response;
}

worker.addEventListener('install', (event) => {
  event.waitUntil(
    fetch(SHELL_KEY, { cache: 'no-cache' })
      .then((response) => (isPage(response) ? keepShell(response) : undefined))
      .catch(() => undefined)
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(worker.clients.claim());
});

worker.addEventListener('fetch', (event) => {
  const kind = classifyRequest(event.request, worker.location.origin);
  if (kind === 'page') event.respondWith(page(event));
  else if (kind === 'asset') event.respondWith(asset(event.request));
});
