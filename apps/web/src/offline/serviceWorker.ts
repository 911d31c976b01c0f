/**
 * Registers the app-shell service worker (sw.ts) in built apps only: in development Vite serves
 * modules that change on every edit, and a cached shell would hide the edits.
 */
export function registerShellWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  // A browser that refuses (private mode, an insecure origin) simply has no offline reload.
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}
