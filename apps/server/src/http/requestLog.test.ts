import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type RequestIdEnv, requestId } from './requestId.js';
import { requestLog } from './requestLog.js';

describe('requestLog', () => {
  it('logs method, path without the query string, status and duration, never the token', async () => {
    const events: { event: string; fields: Record<string, unknown> }[] = [];
    const record = (event: string, fields: Record<string, unknown> = {}) => events.push({ event, fields });
    const app = new Hono<RequestIdEnv>();
    app.use(
      '*',
      requestId({ generate: () => 'r1' }),
      requestLog({ logger: { info: record, warn: record, error: record } }),
    );
    app.get('/api/boards/:id', (c) => c.json({}, 403));
    await app.request('/api/boards/abc?token=SECRET-TOKEN');
    expect(events).toHaveLength(1);
    expect(events[0]).toEqual({
      event: 'http.request',
      fields: {
        requestId: 'r1',
        method: 'GET',
        path: '/api/boards/abc',
        status: 403,
        durationMs: expect.any(Number),
      },
    });
    expect(JSON.stringify(events)).not.toContain('SECRET-TOKEN');
  });
});
