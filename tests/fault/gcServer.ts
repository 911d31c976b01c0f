import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RetainedCounts, startServer } from '@kinmap/server';

// The real server in a child process started with --expose-gc, so the memory suite can force a full
// collection before each reading. Answers `measure` with process.memoryUsage() after GC and what
// the server retains (rooms, sockets, tickets).

/** A memory reading after forced collections, in MiB, with the server's retained objects. */
export interface GcReading {
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  readonly heapTotalMiB: number;
  readonly externalMiB: number;
  readonly arrayBuffersMiB: number;
  /** RSS before the forced collections, as `ps` or a metrics line would show it. */
  readonly rssBeforeGcMiB: number;
  /** The process's peak RSS so far (VmHWM). */
  readonly peakRssMiB: number;
  readonly retained: RetainedCounts;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const dataDir = process.env.KINMAP_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'kinmap-gc-'));
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  limits: { unloadAfterMs: 100 },
  upgradeLimit: null,
  memberLimits: null,
});
const peakRssBytes = (): number => {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return line ? Number(line[1]) * 1024 : Number.NaN;
};
const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

process.on('message', async (message: { kind: string }) => {
  if (message.kind === 'measure') {
    const rssBeforeGcMiB = mib(process.memoryUsage.rss());
    for (let i = 0; i < 4; i++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const memory = process.memoryUsage();
    const reading: GcReading = {
      rssMiB: mib(memory.rss),
      heapUsedMiB: mib(memory.heapUsed),
      heapTotalMiB: mib(memory.heapTotal),
      externalMiB: mib(memory.external),
      arrayBuffersMiB: mib(memory.arrayBuffers),
      rssBeforeGcMiB,
      peakRssMiB: mib(peakRssBytes()),
      retained: { ...server.retained() },
    };
    process.send?.({ kind: 'reading', reading });
  } else if (message.kind === 'stop') {
    await server.close();
    process.exit(0);
  }
});
process.send?.({ kind: 'ready', url: server.url, setupCode: server.setupCode });
