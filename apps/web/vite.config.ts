import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const server = process.env.KINMAP_SERVER ?? 'http://localhost:3000';

/** Text files worth compressing; smaller ones are served as they are. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt)$/;
const MIN_COMPRESS_BYTES = 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Writes `file.gz` and `file.br` beside every text file of the build, once at build time, so the
 * server (apps/server/src/http/webApp.ts) sends them to browsers that accept them at no CPU cost.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'kinmap:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of filesUnder(outDir)) {
        if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_COMPRESS_BYTES) continue;
        const body = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          }),
        );
      }
    },
  };
}

/**
 * Finds, once the module graph is built, every module the service worker's entry imports at any
 * depth (`reaches`), so the first-load chunk (`codeSplitting` below) leaves them to sw.js.
 */
function serviceWorkerModules(entry: string): Plugin & { reaches(id: string): boolean } {
  const reached = new Set<string>();
  return {
    name: 'kinmap:service-worker-modules',
    apply: 'build',
    buildEnd() {
      reached.clear();
      const root = [...this.getModuleIds()].find((id) => id.endsWith(entry));
      const visit = (id: string) => {
        if (reached.has(id)) return;
        reached.add(id);
        for (const imported of this.getModuleInfo(id)?.importedIds ?? []) visit(imported);
      };
      if (root) visit(root);
    },
    reaches: (id) => reached.has(id),
  };
}

const serviceWorker = serviceWorkerModules('/src/offline/sw.ts');

/**
 * Lists in index.html every JS and CSS file the app may load on demand, so the service worker keeps
 * them with the page (offline/shellCache.ts `shellAssets`): a view first opened offline still loads.
 */
function offlineAssetList(): Plugin {
  return {
    name: 'kinmap:offline-asset-list',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const files = Object.keys(context.bundle ?? {})
          .filter((name) => name.startsWith('assets/') && /\.(?:js|css)$/.test(name))
          .sort()
          .map((name) => `/${name}`);
        return [
          {
            tag: 'meta',
            attrs: { name: 'kinmap-offline-assets', content: files.join(' ') },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

// `source` first: @kinmap/model is compiled from its TypeScript, so the app never waits for a model build.
export default defineConfig({
  plugins: [react(), offlineAssetList(), precompress(), serviceWorker],
  resolve: {
    conditions: ['source', 'module', 'browser', 'development|production'],
    // React Konva's core and only the Konva nodes the app draws (src/lib/konvaShapes.ts).
    alias: [
      {
        find: /^react-konva$/,
        replacement: fileURLToPath(new URL('./src/lib/konvaShapes.ts', import.meta.url)),
      },
      // Konva's core without its Tween (src/lib/konvaCore.ts), for React Konva's core.
      {
        find: /^konva\/lib\/Core(?:\.js)?$/,
        replacement: fileURLToPath(new URL('./src/lib/konvaCore.ts', import.meta.url)),
      },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No public source maps: set KINMAP_SOURCEMAP=1 for maps that are written but not linked
    // from the code (the server never serves .map files either).
    sourcemap: process.env.KINMAP_SOURCEMAP === '1' ? 'hidden' : false,
    // dist/.vite/manifest.json: the import graph tests/integration/firstLoad.test.ts follows.
    manifest: true,
    rolldownOptions: {
      // The service worker is its own entry, served as /sw.js (a worker's scope is its folder).
      input: { index: 'index.html', sw: 'src/offline/sw.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
        // A board's first load in two files (rolldown `$initial`: the modules the page's entry imports
        // statically, at any depth): the libraries, which stay cached across our deploys, and our own
        // code. Two files compress ~4 KB gzip better than the dozen small shared chunks rolldown makes
        // by itself (docs/PERFORMANCE.md "First load"). Views loaded on demand stay in their own files
        // and import from these. The service worker's modules stay out: sw.js must import nothing.
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              priority: 2,
              tags: ['$initial'],
              test: (id: string) => id.includes('node_modules') && !serviceWorker.reaches(id),
            },
            {
              name: 'index',
              priority: 1,
              tags: ['$initial'],
              test: (id: string) => !serviceWorker.reaches(id),
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      // The Host stays the page's own: the CSRF and WebSocket same-origin checks compare against it.
      '/api': { target: server, changeOrigin: false },
      '/sync': { target: server.replace(/^http/, 'ws'), ws: true, changeOrigin: false },
    },
  },
});
