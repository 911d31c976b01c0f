/**
 * True when `origin` (an Origin or Referer value) names the same host and port as `url`. The
 * scheme is not compared: behind a TLS-terminating proxy the server sees http for an https page.
 * Used by the CSRF check (csrf.ts) and the WebSocket upgrade (live/upgradeAdmission.ts).
 * @example sameHost('https://kinmap.example', 'http://kinmap.example/api/x') // true
 */
export function sameHost(origin: string | undefined | null, url: string): boolean {
  if (!origin || origin === 'null') return false;
  try {
    return new URL(origin).host === new URL(url).host;
  } catch {
    return false;
  }
}
