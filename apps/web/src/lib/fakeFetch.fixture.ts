/**
 * Test-only: a `fetch` that answers every request with `status` and `body` (as JSON; no body for
 * 204) and records what was asked, for the API modules' tests.
 */
export function fakeFetch(status: number, body: unknown) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const doFetch = (async (url: string, init: RequestInit = {}) => {
    calls.push({ url, init });
    return new Response(status === 204 ? null : JSON.stringify(body), { status });
  }) as typeof fetch;
  return { calls, doFetch };
}
