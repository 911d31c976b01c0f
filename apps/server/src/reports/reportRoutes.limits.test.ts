import { addCard, CATEGORIES } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { historyFixtures } from '../history/history.fixture.js';
import type { ReportRendererOptions } from './renderPool.js';

/**
 * PDF rendering within limits (SPEC [RR1]): drawn in worker threads so the server keeps
 * answering, an input cap, and render limits per person and per server.
 */

/** Worker threads start through tsx on a loaded machine: a generous bound, not a measurement. */
const TIMEOUT = 180_000;

type Fixture = Awaited<ReturnType<ReturnType<typeof historyFixtures>>>;

/** `count` cards of about `length` characters each, spread over the sections. */
async function fill(f: Fixture, count: number, length: number) {
  await f.registerEveryone();
  const text = 'Mae Nain yn helpu bob bore cyn ysgol. '.repeat(Math.ceil(length / 38)).slice(0, length);
  await f.change((doc) => {
    for (let i = 0; i < count; i++) {
      const category = CATEGORIES[i % CATEGORIES.length] ?? 'harm';
      const added = addCard(doc, f.facilitator.actor, { category, text: `${i} ${text}` });
      if (!added.ok) return added;
    }
    return { ok: true, value: null };
  });
}

const familyPdf = (f: Fixture) => `/api/boards/${f.boardId}/reports/family.pdf`;
const recordPdf = (f: Fixture) => `/api/boards/${f.boardId}/reports/record.pdf`;

/** A request whose completion is observable without awaiting it. */
function track(response: Response | Promise<Response>) {
  const state = { settled: false };
  const done = Promise.resolve(response).finally(() => {
    state.settled = true;
  });
  return { state, done };
}

/** Waits (yielding to the event loop, never sleeping a fixed time) until `ready()` holds. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setImmediate(resolve));
}

function fixtures(reportLimits: Omit<ReportRendererOptions, 'logger'>) {
  return historyFixtures({ reportLimits });
}

describe('[RR1] reports are drawn off the event loop', () => {
  const setup = fixtures({ threads: 1 });

  it(
    'answers /healthz while a large PDF is being drawn, before the PDF is done',
    async () => {
      const f = await setup();
      await fill(f, 200, 2_000);
      const renderer = f.services.reports;
      const pdf = track(f.call('GET', recordPdf(f), { cookie: f.facilitator.cookie }));
      await until(() => renderer.stats().drawing === 1);

      const health = await f.call('GET', '/healthz');
      expect(health.status).toBe(200);
      // The event loop answered while the report was still being drawn in the worker.
      expect(pdf.state.settled).toBe(false);
      expect(renderer.stats().drawing).toBe(1);

      const res = await pdf.done;
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(renderer.stats()).toMatchObject({ inProgress: 0, drawing: 0, threads: 1, completed: 1 });
    },
    TIMEOUT,
  );
});

describe('[RR1] the input cap', () => {
  const setup = fixtures({ maxInputBytes: 64 * 1024 });

  it(
    'refuses a board over the cap with 422 report-too-large, records no export, and frees the slot',
    async () => {
      const f = await setup();
      await fill(f, 40, 2_000);
      for (const [path, cookie] of [
        [familyPdf(f), f.family.cookie],
        [recordPdf(f), f.facilitator.cookie],
      ] as const) {
        const res = await f.call('GET', path, { cookie });
        expect(res.status).toBe(422);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('report-too-large');
        expect(body.error.message).toContain('JSON export');
      }
      expect(f.events().filter((e) => e.kind === 'export')).toEqual([]);
      expect(f.services.reports.stats()).toMatchObject({ inProgress: 0, threads: 0 });
      // The refusal names sizes only.
      expect(f.logs.join('\n')).toContain('report.tooLarge');
      expect(f.logs.join('\n')).not.toContain('Nain');
    },
    TIMEOUT,
  );

  it(
    'draws a board under the cap',
    async () => {
      const f = await setup();
      await fill(f, 4, 200);
      const res = await f.call('GET', familyPdf(f), { cookie: f.family.cookie });
      expect(res.status).toBe(200);
    },
    TIMEOUT,
  );
});

describe('[RR1] render limits', () => {
  const setup = fixtures({ perPerson: 1, perServer: 2, threads: 1 });

  it(
    'one render at a time per person, two on the server: the others get 429 with Retry-After',
    async () => {
      const f = await setup();
      await fill(f, 150, 2_000);
      const renderer = f.services.reports;
      const first = track(f.call('GET', familyPdf(f), { cookie: f.family.cookie }));
      await until(() => renderer.stats().inProgress === 1);

      // The same person again, for either report: refused while the first is drawn.
      const again = await f.call('GET', familyPdf(f), { cookie: f.family.cookie });
      expect(again.status).toBe(429);
      expect(again.headers.get('Retry-After')).toMatch(/^[1-9]\d*$/);
      expect(((await again.json()) as { error: { code: string } }).error.code).toBe('rate-limited');

      // Someone else: the server has a second slot.
      const second = track(f.call('GET', recordPdf(f), { cookie: f.facilitator.cookie }));
      await until(() => renderer.stats().inProgress === 2);
      // A third person: the server is at its limit.
      const third = await f.call('GET', familyPdf(f), { cookie: f.network.cookie });
      expect(third.status).toBe(429);
      expect(third.headers.get('Retry-After')).toMatch(/^[1-9]\d*$/);
      expect(first.state.settled).toBe(false);

      expect((await first.done).status).toBe(200);
      expect((await second.done).status).toBe(200);
      // Slots come back: the same person may download again.
      expect((await f.call('GET', familyPdf(f), { cookie: f.family.cookie })).status).toBe(200);
      expect(renderer.stats().inProgress).toBe(0);
      expect(f.events().filter((e) => e.kind === 'export')).toHaveLength(3);
    },
    TIMEOUT,
  );

  it(
    'a staff account counts once across its boards',
    async () => {
      const f = await setup();
      await fill(f, 150, 2_000);
      const other = await f.createBoard(f.facilitator.cookie, 'Second board');
      const renderer = f.services.reports;
      const first = track(f.call('GET', recordPdf(f), { cookie: f.facilitator.cookie }));
      await until(() => renderer.stats().inProgress === 1);
      const elsewhere = await f.call('GET', `/api/boards/${other.id}/reports/record.pdf`, {
        cookie: f.facilitator.cookie,
      });
      expect(elsewhere.status).toBe(429);
      expect((await first.done).status).toBe(200);
    },
    TIMEOUT,
  );
});

describe('[RR1] a render that runs out of time', () => {
  const setup = fixtures({ timeoutMs: 1 });

  it(
    'ends with 503, logs ids and sizes only, records no export and frees the slot',
    async () => {
      const f = await setup();
      await fill(f, 20, 500);
      for (let i = 0; i < 2; i++) {
        const res = await f.call('GET', familyPdf(f), { cookie: f.family.cookie });
        expect(res.status).toBe(503);
      }
      expect(f.services.reports.stats()).toMatchObject({ inProgress: 0, drawing: 0 });
      expect(f.logs.filter((line) => line.includes('report.failed'))).toHaveLength(2);
      expect(f.logs.join('\n')).toContain('"reason":"timeout"');
      expect(f.events().filter((e) => e.kind === 'export')).toEqual([]);
    },
    TIMEOUT,
  );
});
