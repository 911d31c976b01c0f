import { availableParallelism } from 'node:os';
import { serialize } from 'node:v8';
import type { ChildToolReportInput, FamilySummaryInput, RecordInput } from '@kinmap/reports';
import type { Logger } from '@kinmap/sync';
import { Piscina } from 'piscina';
import { ApiError, ApiErrorCode } from '../http/apiError.js';

/** What the worker (renderWorker.ts) receives: which report, and its input as V8-serialised bytes. */
export interface RenderTask {
  readonly kind: 'family-summary' | 'record' | 'child-tool';
  readonly input: Uint8Array;
}

export interface ReportRendererOptions {
  readonly logger: Logger;
  /** Worker threads; default 2, or 1 on a one-core machine. */
  readonly threads?: number;
  /** Renders in progress (running or waiting for a thread) on the whole server; default 4. */
  readonly perServer?: number;
  /** Renders in progress for one person (a staff account, or a guest member); default 1. */
  readonly perPerson?: number;
  /** Largest input, in V8-serialised bytes (about the size of its text); default 8 MiB. */
  readonly maxInputBytes?: number;
  /** A render still running after this long is stopped (its thread ended); default 120 s. */
  readonly timeoutMs?: number;
  /** Heap of each worker, in MiB; a render that needs more fails without touching the server. */
  readonly maxHeapMb?: number;
}

/** The pool's answer to every render; the route only supplies the input. */
export interface ReportRenderer {
  /**
   * One of `person`'s and one of the server's render slots, held for the whole request (reading the
   * board included) until `release()`; null when either limit is reached (the route answers 429).
   */
  acquire(person: string): RenderSlot | null;
  /** For tests and metrics: slots held, reports being drawn, worker threads, reports drawn. */
  stats(): RenderStats;
  /** Ends the worker threads; renders still running fail. */
  close(): Promise<void>;
}

/** A held render slot. `render` refuses an input over the cap (422 `report-too-large`). */
export interface RenderSlot {
  readonly render: RenderReport;
  release(): void;
}

export interface RenderStats {
  readonly inProgress: number;
  readonly drawing: number;
  readonly threads: number;
  readonly completed: number;
}

export type RenderReport = {
  (kind: 'family-summary', input: FamilySummaryInput): Promise<Uint8Array>;
  (kind: 'record', input: RecordInput): Promise<Uint8Array>;
  (kind: 'child-tool', input: ChildToolReportInput): Promise<Uint8Array>;
};

export const REPORT_INPUT_MAX_BYTES = 8 * 1024 * 1024;
/** Seconds a refused caller is told to wait: about one large render. */
export const RENDER_RETRY_AFTER_S = 10;

/**
 * PDF rendering off the event loop: a small piscina pool of worker threads with a cap on each
 * report's input, a per-person and a per-server limit on renders in progress, a timeout and a heap
 * limit per worker (SPEC [RR1], docs/SECURITY.md "Reports"). The pool starts no thread until the
 * first report and lets idle threads go.
 * @example const slot = createReportRenderer({ logger }).acquire(personKey); const pdf = await slot?.render('record', input);
 */
export function createReportRenderer({
  logger,
  threads = Math.min(2, availableParallelism()),
  perServer = 4,
  perPerson = 1,
  maxInputBytes = REPORT_INPUT_MAX_BYTES,
  timeoutMs = 120_000,
  maxHeapMb = 512,
}: ReportRendererOptions): ReportRenderer {
  const { filename, execArgv } = workerEntry();
  const pool = new Piscina({
    filename,
    execArgv,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
  });
  const byPerson = new Map<string, number>();
  let running = 0;
  let drawing = 0;

  const render = (async (
    kind: RenderTask['kind'],
    input: FamilySummaryInput | RecordInput | ChildToolReportInput,
  ) => {
    // One serialisation: it is the measure of the cap and the bytes the worker reads.
    const bytes = serialize(input);
    const size = bytes.byteLength;
    if (size > maxInputBytes) {
      logger.warn('report.tooLarge', { kind, bytes: size, max: maxInputBytes });
      throw new ApiError(
        422,
        ApiErrorCode.reportTooLarge,
        `This board is too large to print (${megabytes(size)} MB of content; the limit is ` +
          `${megabytes(maxInputBytes)} MB). Download the JSON export instead.`,
      );
    }
    const input8 = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const task: RenderTask = { kind, input: owned ? input8 : input8.slice() };
    const signal = AbortSignal.timeout(timeoutMs);
    drawing += 1;
    try {
      return (await pool.run(task, {
        signal,
        transferList: [task.input.buffer as ArrayBuffer],
      })) as Uint8Array;
    } catch (error) {
      const reason = signal.aborted ? 'timeout' : error instanceof Error ? error.name : 'unknown';
      logger.error('report.failed', { kind, bytes: size, reason });
      throw new ApiError(503, ApiErrorCode.unavailable, 'The report could not be drawn; try again later');
    } finally {
      drawing -= 1;
    }
  }) as RenderReport;

  return {
    acquire(person) {
      const mine = byPerson.get(person) ?? 0;
      if (running >= perServer || mine >= perPerson) {
        logger.info('report.busy', { running, mine });
        return null;
      }
      running += 1;
      byPerson.set(person, mine + 1);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        running -= 1;
        const left = (byPerson.get(person) ?? 1) - 1;
        if (left <= 0) byPerson.delete(person);
        else byPerson.set(person, left);
      };
      return { render, release };
    },
    stats: () => ({ inProgress: running, drawing, threads: pool.threads.length, completed: pool.completed }),
    close: () => pool.destroy(),
  };
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/**
 * The worker's file beside this one: the compiled `.js` in the built server; under Vitest or tsx
 * (this module is `.ts`) a small bootstrap that loads the TypeScript source through tsx, with the
 * workspace's `source` condition, so the worker draws with the same code as the tests.
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  if (!fromSource) return { filename: new URL('./renderWorker.js', import.meta.url).href, execArgv: [] };
  const filename = new URL('./renderWorkerSource.mjs', import.meta.url).href;
  return { filename, execArgv: ['--conditions', 'source'] };
}
