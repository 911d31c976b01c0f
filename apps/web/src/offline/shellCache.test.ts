import { describe, expect, it } from 'vitest';
import { classifyRequest, shellAssets } from './shellCache';

const ORIGIN = 'https://kinmap.example';
const get = (path: string, mode = 'cors') => ({ method: 'GET', url: `${ORIGIN}${path}`, mode });

describe('classifyRequest', () => {
  it('serves app pages network-first and hashed assets cache-first', () => {
    expect(classifyRequest(get('/b/abc123', 'navigate'), ORIGIN)).toBe('page');
    expect(classifyRequest(get('/', 'navigate'), ORIGIN)).toBe('page');
    expect(classifyRequest(get('/assets/index-DGXmL2wY.js'), ORIGIN)).toBe('asset');
  });

  it('never caches the API or the sync socket, even when they are navigated to', () => {
    expect(classifyRequest(get('/api/boards/b1'), ORIGIN)).toBe('network');
    expect(classifyRequest(get('/api/boards/b1/audit.csv', 'navigate'), ORIGIN)).toBe('network');
    expect(classifyRequest(get('/api', 'navigate'), ORIGIN)).toBe('network');
    expect(classifyRequest(get('/sync/b1'), ORIGIN)).toBe('network');
  });

  it('leaves writes, other sites and other files to the network', () => {
    expect(classifyRequest({ method: 'POST', url: `${ORIGIN}/api/logout`, mode: 'cors' }, ORIGIN)).toBe(
      'network',
    );
    expect(classifyRequest(get('/assets/x.js'), 'https://other.example')).toBe('network');
    expect(classifyRequest(get('/sw.js'), ORIGIN)).toBe('network');
    // A path that only starts with the same letters is an app page like any other.
    expect(classifyRequest(get('/apiary', 'navigate'), ORIGIN)).toBe('page');
  });
});

describe('shellAssets', () => {
  it('lists the script and stylesheet a built page loads', () => {
    const html = `<!doctype html><html><head>
    <script type="module" crossorigin src="/assets/index-DGXmL2wY.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-CgdAtPf5.css">
    <link rel="icon" href="data:," /></head><body><div id="root"></div></body></html>`;
    expect(shellAssets(html)).toEqual(['/assets/index-DGXmL2wY.js', '/assets/index-CgdAtPf5.css']);
    expect(shellAssets('<p>not built</p>')).toEqual([]);
  });

  it('also lists the files of the views loaded on demand, so a view first opened offline still loads', () => {
    const html = `<!doctype html><html><head>
    <meta name="kinmap-offline-assets" content="/assets/ReportsView-Bn1.js /assets/MeetingsView-Co2.css /assets/index-DGX.js">
    <script type="module" crossorigin src="/assets/index-DGX.js"></script></head><body></body></html>`;
    expect(shellAssets(html)).toEqual([
      '/assets/index-DGX.js',
      '/assets/ReportsView-Bn1.js',
      '/assets/MeetingsView-Co2.css',
    ]);
  });

  it('keeps only same-origin /assets paths from the list', () => {
    const html = `<meta name="kinmap-offline-assets" content="/assets/a-1.js https://evil.example/x.js /api/boards /assets/../sw.js /assets/b-2.js">`;
    expect(shellAssets(html)).toEqual(['/assets/a-1.js', '/assets/b-2.js']);
  });
});
