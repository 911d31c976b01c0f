import { addPerson, readChildTool, setChildScale, setChildWords } from '@kinmap/model';
import { childToolRoomId } from '@kinmap/protocol';
import { extractPdf, fullText } from '@kinmap/reports/testing';
import { describe, expect, it } from 'vitest';
import { type HistoryFixture, historyFixtures } from '../history/history.fixture.js';

/**
 * Saved versions keep the child's tools (issue 14, SPEC [CT7]): kept with every version, read and
 * brought back only by staff the child's choice admits now, in the record of a version as it kept them.
 */

const PDF_TEST_TIMEOUT = 120_000;
const setup = historyFixtures();
const THEN = 'Pan mae dad yn gweiddi rwy’n cuddio';
const NOW = 'Nobody shouts now — nikt nie krzyczy';

/** A child Jo, a Safety House the practitioner (Pat) starts with them, and their words in it. */
async function safetyHouse(f: HistoryFixture) {
  const { personId } = await f.change((doc) => addPerson(doc, f.facilitator.actor, { name: 'Jo', age: 9 }));
  const started = await f.call('POST', `/api/boards/${f.boardId}/child-tools`, {
    cookie: f.practitioner.cookie,
    body: { personId, kind: 'safety-house' },
  });
  expect(started.status).toBe(201);
  const toolId = ((await started.json()) as { tool: { id: string } }).tool.id;
  const write = async (words: string, scale: number) => {
    const room = childToolRoomId(f.boardId, toolId);
    expect((await f.rooms.change(room, (doc) => setChildWords(doc, 'inside', words))).ok).toBe(true);
    expect((await f.rooms.change(room, (doc) => setChildScale(doc, scale))).ok).toBe(true);
  };
  const live = async () => {
    const read = await f.rooms.read(childToolRoomId(f.boardId, toolId), readChildTool);
    if (!read.ok || read.value === null) throw new Error('tool unreadable');
    return read.value;
  };
  return { personId, toolId, write, live };
}

const setVisibility = (f: HistoryFixture, toolId: string, visibility: string) =>
  f.call('PUT', `/api/boards/${f.boardId}/child-tools/${toolId}/visibility`, {
    cookie: f.practitioner.cookie,
    body: { visibility },
  });

async function pdfText(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  return fullText(await extractPdf(new Uint8Array(await res.arrayBuffer())));
}

describe("saved versions keep the child's tools", () => {
  it('[CT7] keeps each tool with the version; its worker reads it, sees it changed since, and brings it back', async () => {
    const f = await setup();
    const jo = await safetyHouse(f);
    await jo.write(THEN, 3);
    const then = await jo.live();
    const version = await f.saveVersion();
    await jo.write(NOW, 8);
    const base = `/api/boards/${f.boardId}/versions/${version.id}/child-tools`;

    // The worker: the version kept the tool as it was, and it has changed since.
    const list = await f.call('GET', base, { cookie: f.practitioner.cookie });
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject({
      tools: [{ tool: { id: jo.toolId, kind: 'safety-house', mayOpen: true }, changedSince: true }],
    });
    const opened = await f.call('GET', `${base}/${jo.toolId}`, { cookie: f.practitioner.cookie });
    expect(opened.status).toBe(200);
    const body = (await opened.json()) as { content: unknown; changedSince: boolean; changedAreas: string[] };
    // The Safety House's words inside and the path's score changed; the outside and the roof did not.
    expect(body).toMatchObject({ content: then, changedSince: true, changedAreas: ['inside', 'path'] });

    // The facilitator is staff but not chosen by the child: named in the list, nothing of it read.
    const chairs = (await (await f.call('GET', base, { cookie: f.facilitator.cookie })).json()) as {
      tools: { tool: { mayOpen: boolean }; changedSince: boolean | null }[];
    };
    expect(chairs.tools).toEqual([expect.objectContaining({ changedSince: null })]);
    expect(chairs.tools[0]?.tool.mayOpen).toBe(false);
    expect((await f.call('GET', `${base}/${jo.toolId}`, { cookie: f.facilitator.cookie })).status).toBe(403);
    const refusedRestore = await f.call('POST', `${base}/${jo.toolId}/restore`, {
      cookie: f.facilitator.cookie,
      body: {},
    });
    expect(refusedRestore.status).toBe(403);
    // Versions are staff's: the family and the wall read none of it, and never bring it back.
    for (const who of [f.family, f.network, f.viewer]) {
      expect((await f.call('GET', base, { cookie: who.cookie })).status).toBe(403);
      expect((await f.call('GET', `${base}/${jo.toolId}`, { cookie: who.cookie })).status).toBe(403);
      expect(
        (await f.call('POST', `${base}/${jo.toolId}/restore`, { cookie: who.cookie, body: {} })).status,
      ).toBe(403);
    }
    expect(await jo.live()).not.toEqual(then);

    // The worker brings it back: the tool now is the version's, and the list says so.
    const restored = await f.call('POST', `${base}/${jo.toolId}/restore`, {
      cookie: f.practitioner.cookie,
      body: {},
    });
    expect(restored.status).toBe(200);
    expect(await restored.json()).toEqual({ changed: 2 });
    expect(await jo.live()).toEqual(then);
    expect(await (await f.call('GET', base, { cookie: f.practitioner.cookie })).json()).toMatchObject({
      tools: [{ changedSince: false }],
    });
    const restores = f.events().filter((event) => event.kind === 'restore');
    expect(restores).toEqual([
      {
        kind: 'restore',
        actor: f.practitioner.memberId,
        detail: {
          versionId: version.id,
          cardId: null,
          toolId: jo.toolId,
          kind: 'safety-house',
          changed: 2,
          role: 'practitioner',
        },
      },
    ]);
    expect(JSON.stringify(restores)).not.toContain('gweiddi');
    const refusals = f.events().filter((event) => event.kind === 'refused' && event.detail.rule === 'CT7');
    expect(refusals.map((event) => event.actor)).toContain(f.facilitator.memberId);
  });

  it('[CT7] a tool started after the version is not in it; unknown ids and versions are 404', async () => {
    const f = await setup();
    const before = await f.saveVersion();
    const jo = await safetyHouse(f);
    const base = `/api/boards/${f.boardId}/versions/${before.id}/child-tools`;
    expect(await (await f.call('GET', base, { cookie: f.practitioner.cookie })).json()).toEqual({
      tools: [],
    });
    for (const path of [
      `${base}/${jo.toolId}`,
      `${base}/no-such-tool`,
      `/api/boards/${f.boardId}/versions/no-such-version/child-tools`,
    ]) {
      expect((await f.call('GET', path, { cookie: f.practitioner.cookie })).status, path).toBe(404);
    }
    expect(
      (await f.call('POST', `${base}/${jo.toolId}/restore`, { cookie: f.practitioner.cookie, body: {} }))
        .status,
    ).toBe(404);
    expect((await f.call('GET', `${base}/bad%20id`, { cookie: f.practitioner.cookie })).status).toBe(400);
  });

  it(
    '[CT7] a meeting’s version keeps them too; the child narrowing who sees a tool narrows its old versions, in the record as well',
    async () => {
      const f = await setup();
      const jo = await safetyHouse(f);
      await jo.write(THEN, 3);
      expect((await setVisibility(f, jo.toolId, 'meeting')).status).toBe(200);
      const meetingId = await f.startMeeting();
      const closed = await f.call('POST', `/api/boards/${f.boardId}/meetings/${meetingId}/close`, {
        cookie: f.facilitator.cookie,
        body: {},
      });
      expect(closed.status).toBe(200);
      const { version } = (await closed.json()) as { version: { id: string; number: number } };
      await jo.write(NOW, 8);
      const base = `/api/boards/${f.boardId}/versions/${version.id}/child-tools`;
      const record = `/api/boards/${f.boardId}/reports/record.pdf?version=${version.id}`;

      // Shown to everyone at the meeting: the facilitator reads the version's tool, and its record has the words then.
      expect((await f.call('GET', `${base}/${jo.toolId}`, { cookie: f.facilitator.cookie })).status).toBe(
        200,
      );
      const shown = await pdfText(await f.call('GET', record, { cookie: f.facilitator.cookie }));
      expect(shown).toContain(`As version ${version.number} kept them.`);
      expect(shown).toContain(THEN);
      expect(shown).not.toContain(NOW);

      // The child takes it back to their worker alone: the old version follows their choice now.
      expect((await setVisibility(f, jo.toolId, 'worker')).status).toBe(200);
      expect((await f.call('GET', `${base}/${jo.toolId}`, { cookie: f.facilitator.cookie })).status).toBe(
        403,
      );
      const withheld = await pdfText(await f.call('GET', record, { cookie: f.facilitator.cookie }));
      expect(withheld).toContain(
        'Withheld: Jo chose not to show this to the person who printed this record.',
      );
      expect(withheld).not.toContain('gweiddi');
      const workers = await pdfText(await f.call('GET', record, { cookie: f.practitioner.cookie }));
      expect(workers).toContain(THEN);
      expect(workers).not.toContain('nikt nie krzyczy');
    },
    PDF_TEST_TIMEOUT,
  );
});
