import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../lib/fakeFetch.fixture';
import {
  listChildTools,
  readChildToolAnswer,
  readChildToolInfo,
  readChildToolList,
  setChildToolVisibility,
  startChildTool,
} from './childToolApi';

const tool = {
  id: 'tool1',
  personId: 'jo',
  kind: 'three-houses',
  visibility: 'named',
  named: ['mum', 'gran'],
  workerMemberId: 'sam',
  workerLeft: false,
  createdAt: 20,
  mayOpen: true,
  wordsPictures: null,
};

describe('reading the child’s tools routes’ answers (untrusted until checked)', () => {
  it('reads a tool as the contract describes it', () => {
    expect(readChildToolInfo(tool)).toEqual(tool);
  });

  it('refuses a tool of an unknown kind or visibility, without the fields, or with ids that are not ids', () => {
    expect(readChildToolInfo({ ...tool, kind: 'four-houses' })).toBeNull();
    expect(readChildToolInfo({ ...tool, visibility: 'everyone' })).toBeNull();
    expect(readChildToolInfo({ ...tool, mayOpen: 'yes' })).toBeNull();
    expect(readChildToolInfo({ ...tool, createdAt: Number.POSITIVE_INFINITY })).toBeNull();
    const { workerMemberId: _, ...withoutWorker } = tool;
    expect(readChildToolInfo(withoutWorker)).toBeNull();
    // The id goes into the socket's address: a path in it must never get that far.
    expect(readChildToolInfo({ ...tool, id: '../restricted' })).toBeNull();
    expect(readChildToolInfo({ ...tool, named: ['mum', 'a b'] })).toBeNull();
    expect(readChildToolInfo(null)).toBeNull();
  });

  it('keeps chosen people only with “people I choose”, each once', () => {
    expect(readChildToolInfo({ ...tool, named: ['mum', 'mum'] })?.named).toEqual(['mum']);
    expect(readChildToolInfo({ ...tool, visibility: 'meeting' })?.named).toEqual([]);
  });

  it('lists the tools oldest first and leaves an odd one out rather than showing nothing', () => {
    const list = readChildToolList({
      tools: [{ ...tool, id: 'later', createdAt: 30 }, { kind: 'nonsense' }, tool],
    });
    expect(list?.map((t) => t.id)).toEqual(['tool1', 'later']);
    expect(readChildToolList({ tools: 'none' })).toBeNull();
    expect(readChildToolList([])).toBeNull();
  });

  it('reads the answer to a change as one tool, or nothing', () => {
    expect(readChildToolAnswer({ tool })).toEqual(tool);
    expect(readChildToolAnswer(tool)).toBeNull();
    expect(readChildToolAnswer({ tool: { ...tool, kind: 1 } })).toBeNull();
  });
});

describe('calling the child’s tools routes', () => {
  it('lists a board’s tools with the session cookie and no CSRF header (reading changes nothing)', async () => {
    const { calls, doFetch } = fakeFetch(200, { tools: [tool] });
    expect(await listChildTools('b 1', doFetch)).toEqual({ ok: true, value: [tool] });
    expect(calls[0]?.url).toBe('/api/boards/b%201/child-tools');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(calls[0]?.init.headers).toEqual({});
  });

  it('starts a tool with POST, the CSRF header and the child and kind', async () => {
    const { calls, doFetch } = fakeFetch(201, { tool });
    const result = await startChildTool('b1', { personId: 'jo', kind: 'safety-house' }, doFetch);
    expect(result).toEqual({ ok: true, value: tool });
    expect(calls[0]?.url).toBe('/api/boards/b1/child-tools');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.headers).toEqual({ 'X-Kinmap-CSRF': '1', 'content-type': 'application/json' });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ personId: 'jo', kind: 'safety-house' });
  });

  it('changes who sees a tool with PUT, sending chosen people only with “people I choose”', async () => {
    const named = fakeFetch(200, { tool });
    await setChildToolVisibility('b1', 'tool1', { visibility: 'named', named: ['mum'] }, named.doFetch);
    expect(named.calls[0]?.url).toBe('/api/boards/b1/child-tools/tool1/visibility');
    expect(named.calls[0]?.init.method).toBe('PUT');
    expect(JSON.parse(String(named.calls[0]?.init.body))).toEqual({ visibility: 'named', named: ['mum'] });
    const wall = fakeFetch(200, { tool: { ...tool, visibility: 'wall' } });
    await setChildToolVisibility('b1', 'tool1', { visibility: 'wall', named: ['mum'] }, wall.doFetch);
    expect(JSON.parse(String(wall.calls[0]?.init.body))).toEqual({ visibility: 'wall', named: [] });
  });

  it('turns a refusal into a failure value with the server’s code, and an odd success into a failure', async () => {
    const refused = fakeFetch(403, { error: { code: 'forbidden', message: 'not staff' } });
    expect(await startChildTool('b1', { personId: 'jo', kind: 'three-houses' }, refused.doFetch)).toEqual({
      ok: false,
      reason: 'forbidden',
      code: 'forbidden',
    });
    const odd = fakeFetch(200, { tool: { ...tool, id: 'a/b' } });
    expect(
      await setChildToolVisibility('b1', 'tool1', { visibility: 'worker', named: [] }, odd.doFetch),
    ).toEqual({
      ok: false,
      reason: 'failed',
    });
    expect(await listChildTools('b1', fakeFetch(404, {}).doFetch)).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });
});
