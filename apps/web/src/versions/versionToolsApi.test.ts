import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../lib/fakeFetch.fixture';
import { fetchKeptTool, listKeptTools, restoreKeptTool } from './versionToolsApi';

const tool = {
  id: 'tool1',
  personId: 'jo',
  kind: 'three-houses',
  visibility: 'worker',
  named: [],
  workerMemberId: 'sam',
  workerLeft: false,
  createdAt: 20,
  mayOpen: true,
  wordsPictures: null,
};
const area = { words: 'a dog', strokes: [], stickers: [] };
const content = {
  kind: 'three-houses',
  toolId: 'tool1',
  personId: 'jo',
  createdAt: 20,
  areas: { worries: area, good: area, dreams: area },
};

describe('the child’s tools a version kept, over HTTP (answers untrusted until checked)', () => {
  it('lists them at the version’s address', async () => {
    const { calls, doFetch } = fakeFetch(200, { tools: [{ tool, changedSince: null }] });
    expect(await listKeptTools('b 1', 'v1', doFetch)).toEqual({
      ok: true,
      value: [{ tool, changedSince: null }],
    });
    expect(calls[0]?.url).toBe('/api/boards/b%201/versions/v1/child-tools');
  });

  it('reads one tool as the version kept it, and refuses content outside the tool’s rules', async () => {
    const good = { tool, content, changedSince: true, changedAreas: ['worries'] };
    expect(await fetchKeptTool('b1', 'v1', 'tool1', fakeFetch(200, good).doFetch)).toEqual({
      ok: true,
      value: good,
    });
    const stroke = { id: 's1', colour: 'ink', width: 0.01, points: [0.5, 1.5] };
    for (const odd of [
      { ...good, content: { ...content, kind: 'four-houses' } },
      { ...good, content: { ...content, areas: { worries: { ...area, strokes: [stroke] } } } },
      { ...good, content: { ...content, areas: { worries: { ...area, words: 'x'.repeat(5_001) } } } },
      { ...good, changedAreas: 'worries' },
    ]) {
      expect(await fetchKeptTool('b1', 'v1', 'tool1', fakeFetch(200, odd).doFetch)).toMatchObject({
        ok: false,
      });
    }
  });

  it('brings one back with a POST and reads how many changes it made', async () => {
    const { calls, doFetch } = fakeFetch(200, { changed: 2 });
    expect(await restoreKeptTool('b1', 'v1', 'tool1', doFetch)).toEqual({ ok: true, value: { changed: 2 } });
    expect(calls[0]?.url).toBe('/api/boards/b1/versions/v1/child-tools/tool1/restore');
    expect(calls[0]?.init.method).toBe('POST');
    expect((await restoreKeptTool('b1', 'v1', 'tool1', fakeFetch(403, {}).doFetch)).ok).toBe(false);
  });
});
