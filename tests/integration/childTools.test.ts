import { addPerson, addStroke, asPersonId, readBoard, readChildTool, setChildWords } from '@kinmap/model';
import type { RunningServer } from '@kinmap/server';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  boardWithMembers,
  closeEvent,
  Fixture,
  get,
  invite,
  must,
  type Person,
  post,
  refusalStatus,
  syncedByTicket,
  syncUrl,
  ticketFor,
  waitFor,
} from './helpers.js';
import { recordingClient } from './recordingClient.js';

/**
 * Issue 4's proof for the child's tools (issue 14, SPEC [CT1]–[CT4]): the child decides who sees
 * their houses, and the server keeps everyone else from every byte of them. A family member's raw
 * socket records all it is sent, on the board and on the tool's own room, before and after the
 * child's choice changes.
 */

// Multi-byte on purpose (Welsh, Polish), so a match cannot be a coincidence of ASCII.
const FIRST_WORDS = 'Mae dad yn gweiddi — boję się w nocy 4721';
const LATER_WORDS = 'Ŵyr i nain: chcę mieszkać z babcią 9033';
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** What the routes answer of a tool (`childToolInfo` in @kinmap/protocol). */
interface ToolInfo {
  readonly id: string;
  readonly personId: string;
  readonly visibility: string;
  readonly named: string[];
  readonly workerMemberId: string;
  readonly mayOpen: boolean;
  readonly wordsPictures: {
    stage: string;
    parents: Array<{ memberId: string; agreedAt: number | null; current: boolean }>;
  } | null;
}
const listOf = async (res: Response) => ((await res.json()) as { tools: ToolInfo[] }).tools;

async function put(server: RunningServer, path: string, body: unknown, cookie: string) {
  return fetch(`${server.url}${path}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Origin: server.url, 'X-Kinmap-CSRF': '1', Cookie: cookie },
    body: JSON.stringify(body),
  });
}

describe("a child's tools on the real server", () => {
  const fixture = new Fixture();
  const cleanups: Array<() => void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await fixture.cleanup();
  });

  /** A board with a practitioner, a parent, a network member and a wall screen, and a child Jo. */
  async function caseWithChild(server: RunningServer) {
    const people = await boardWithMembers(server, 'Case 1414', [
      'practitioner',
      'family',
      'network',
      'viewer',
    ]);
    const shared = await syncedByTicket(server, people.boardId, people.facilitator);
    cleanups.push(() => shared.provider.destroy());
    const jo = must(addPerson(shared.doc, people.facilitator.actor, { name: 'Jo', age: 9 })).personId;
    const gran = must(
      addPerson(shared.doc, people.facilitator.actor, { name: 'Gran', kind: 'adult' }),
    ).personId;
    await onServer(
      server,
      people.boardId,
      people.boardId,
      people.facilitator,
      (doc) => Object.keys(readBoard(doc).people).length === 2,
      'the people on the server',
    );
    return { ...people, jo, gran, shared };
  }

  /** Waits until a fresh client of `room` sees what `seen` looks for: the server has stored it. */
  async function onServer(
    server: RunningServer,
    boardId: string,
    room: string,
    who: Person,
    seen: (doc: Y.Doc) => boolean,
    what: string,
  ) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(syncUrl(server), room, doc, {
      params: { ticket: await ticketFor(server, boardId, who) },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 60_000,
    });
    try {
      await waitFor(() => provider.synced && seen(doc), what);
    } finally {
      provider.destroy();
    }
  }
  const wordsIn = (area: string, words: string) => (doc: Y.Doc) =>
    readChildTool(doc)?.areas[area]?.words === words;

  const toolPath = (boardId: string, toolId?: string) =>
    `/api/boards/${boardId}/child-tools${toolId === undefined ? '' : `/${toolId}/visibility`}`;

  async function startTool(server: RunningServer, boardId: string, who: Person, personId: string) {
    const res = await post(server, toolPath(boardId), { personId, kind: 'three-houses' }, who.cookie);
    expect(res.status).toBe(201);
    return ((await res.json()) as { tool: ToolInfo }).tool;
  }

  async function openTool(server: RunningServer, boardId: string, toolId: string, who: Person) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(syncUrl(server), `${boardId}/child/${toolId}`, doc, {
      params: { ticket: await ticketFor(server, boardId, who) },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 60_000,
    });
    cleanups.push(() => provider.destroy());
    await waitFor(() => provider.synced && readChildTool(doc) !== null, 'the tool at the worker');
    return { doc, provider };
  }

  async function refusal(server: RunningServer, boardId: string, toolId: string, who: Person) {
    const ws = fixture.rawSocket(
      `${syncUrl(server)}/${boardId}/child/${toolId}?ticket=${await ticketFor(server, boardId, who)}`,
    );
    return refusalStatus(ws);
  }

  it('[CT3] a family member the child did not choose never receives a byte of their words or drawings', async () => {
    const server = await fixture.start();
    const c = await caseWithChild(server);
    const tool = await startTool(server, c.boardId, c.practitioner, c.jo);
    expect(tool).toMatchObject({
      personId: c.jo,
      visibility: 'worker',
      workerMemberId: c.practitioner.memberId,
    });

    // The parent is on the board the whole time, recording every byte of it.
    const parentOnBoard = recordingClient(
      `${syncUrl(server)}/${c.boardId}?ticket=${await ticketFor(server, c.boardId, c.family)}`,
    );
    cleanups.push(parentOnBoard.close);
    // Only the worker: the parent, the network, the wall and even the facilitator are refused before the handshake.
    for (const who of [c.family, c.network, c.viewer, c.facilitator]) {
      expect(await refusal(server, c.boardId, tool.id, who)).toBe(403);
    }
    const byCookie = new WebSocket(`${syncUrl(server)}/${c.boardId}/child/${tool.id}`, {
      headers: { Cookie: c.family.cookie, Origin: server.url },
    });
    byCookie.on('error', () => {});
    cleanups.push(() => byCookie.terminate());
    expect(await refusalStatus(byCookie)).toBe(403);

    const room = `${c.boardId}/child/${tool.id}`;
    const worker = await openTool(server, c.boardId, tool.id, c.practitioner);
    must(setChildWords(worker.doc, 'worries', FIRST_WORDS));
    const stroke = must(
      addStroke(worker.doc, 'worries', { colour: 'red', width: 0.01, points: [0.1, 0.1, 0.4, 0.5] }),
    );
    await onServer(
      server,
      c.boardId,
      room,
      c.practitioner,
      wordsIn('worries', FIRST_WORDS),
      'the words on the server',
    );

    // The child chooses the parent: now the parent's device receives the house.
    const named = await put(
      server,
      toolPath(c.boardId, tool.id),
      { visibility: 'named', named: [c.family.memberId] },
      c.practitioner.cookie,
    );
    expect(named.status).toBe(200);
    const parentInHouse = recordingClient(
      `${syncUrl(server)}/${c.boardId}/child/${tool.id}?ticket=${await ticketFor(server, c.boardId, c.family)}`,
    );
    cleanups.push(parentInHouse.close);
    await waitFor(() => parentInHouse.bytes().includes(utf8(FIRST_WORDS)), 'the words at the chosen parent');
    expect(parentInHouse.bytes().includes(utf8(stroke.strokeId))).toBe(true);
    expect(await refusal(server, c.boardId, tool.id, c.network)).toBe(403);
    // A chosen parent reads; their writes are not taken.
    const parentWrites = await openTool(server, c.boardId, tool.id, c.family);
    setChildWords(parentWrites.doc, 'good', 'written by a parent');

    // The child changes their mind: the parent's socket closes at once, with the reason …
    const closed = closeEvent(parentInHouse.ws);
    const back = await put(
      server,
      toolPath(c.boardId, tool.id),
      { visibility: 'worker' },
      c.practitioner.cookie,
    );
    expect(back.status).toBe(200);
    expect(await closed).toEqual({ code: 4403, reason: 'not chosen by the child' });
    // … and nothing written after reaches them, here or on the board.
    const upTo = parentInHouse.bytes().length;
    must(setChildWords(worker.doc, 'dreams', LATER_WORDS));
    must(addPerson(c.shared.doc, c.facilitator.actor, { name: 'Sentinel ✓' }));
    await waitFor(() => parentOnBoard.bytes().includes(utf8('Sentinel ✓')), 'the sentinel at the parent');
    await onServer(
      server,
      c.boardId,
      room,
      c.practitioner,
      wordsIn('dreams', LATER_WORDS),
      'the later words on the server',
    );
    expect(await refusal(server, c.boardId, tool.id, c.family)).toBe(403);
    expect(parentInHouse.bytes().length).toBe(upTo);
    const board = parentOnBoard.bytes();
    for (const secret of [FIRST_WORDS, LATER_WORDS, stroke.strokeId]) {
      expect(board.includes(utf8(secret))).toBe(false);
    }
    expect(parentInHouse.bytes().includes(utf8(LATER_WORDS))).toBe(false);
    expect(readChildTool(worker.doc)?.areas.good?.words).toBe('');

    // Every change of who sees it is in the audit, with no words of the child's.
    const audit = await get(
      server,
      `/api/boards/${c.boardId}/audit?kind=child-tool-visibility`,
      c.facilitator.cookie,
    );
    const page = (await audit.json()) as { entries: Array<{ summary: string; actor: { memberId: string } }> };
    expect(page.entries.map((entry) => [entry.actor.memberId, entry.summary])).toEqual([
      [
        c.practitioner.memberId,
        "changed who sees a child's Three Houses: only the worker → the worker and people the child chose (1 named)",
      ],
      [
        c.practitioner.memberId,
        "changed who sees a child's Three Houses: the worker and people the child chose → only the worker",
      ],
    ]);
    expect(JSON.stringify(page)).not.toContain('Mae dad');
  });

  it("[CT3] the child's wider choices: everyone at the meeting, then the wall screen too", async () => {
    const server = await fixture.start();
    const c = await caseWithChild(server);
    const tool = await startTool(server, c.boardId, c.facilitator, c.jo);
    expect(
      await put(server, toolPath(c.boardId, tool.id), { visibility: 'meeting' }, c.facilitator.cookie),
    ).toHaveProperty('status', 200);
    const network = await openTool(server, c.boardId, tool.id, c.network);
    expect(readChildTool(network.doc)?.personId).toBe(c.jo);
    expect(await refusal(server, c.boardId, tool.id, c.viewer)).toBe(403);
    expect(
      await put(server, toolPath(c.boardId, tool.id), { visibility: 'wall' }, c.facilitator.cookie),
    ).toHaveProperty('status', 200);
    await openTool(server, c.boardId, tool.id, c.viewer);
    // An unknown tool is 404 before the handshake, like an unknown board.
    expect(await refusal(server, c.boardId, 'no-such-tool', c.facilitator)).toBe(404);
  });

  it('[CT1] [CT2] starting a tool and choosing who sees it: who may, and hostile bodies', async () => {
    const server = await fixture.start();
    const c = await caseWithChild(server);
    const path = toolPath(c.boardId);
    expect((await post(server, path, { personId: c.jo, kind: 'three-houses' }, c.family.cookie)).status).toBe(
      403,
    );
    expect(
      (await post(server, path, { personId: c.gran, kind: 'three-houses' }, c.practitioner.cookie)).status,
    ).toBe(404);
    expect(
      (
        await post(
          server,
          path,
          { personId: asPersonId('nobody'), kind: 'safety-house' },
          c.practitioner.cookie,
        )
      ).status,
    ).toBe(404);
    for (const body of [
      { personId: c.jo, kind: 'four-houses' },
      { personId: c.jo },
      { personId: 'a/b', kind: 'three-houses' },
      { personId: c.jo, kind: 'three-houses', extra: 1 },
      [],
    ]) {
      expect((await post(server, path, body, c.practitioner.cookie)).status).toBe(400);
    }
    const tool = await startTool(server, c.boardId, c.practitioner, c.jo);
    const visibility = toolPath(c.boardId, tool.id);
    // The facilitator cannot widen a tool the child keeps to their worker.
    expect((await put(server, visibility, { visibility: 'wall' }, c.facilitator.cookie)).status).toBe(403);
    expect((await put(server, visibility, { visibility: 'meeting' }, c.family.cookie)).status).toBe(403);
    for (const body of [
      { visibility: 'meeting', named: [c.family.memberId] },
      { visibility: 'named', named: ['not-a-member'] },
      { visibility: 'everyone' },
      { visibility: 'named', named: Array.from({ length: 101 }, (_, i) => `m${i}`) },
    ]) {
      expect((await put(server, visibility, body, c.practitioner.cookie)).status).toBe(400);
    }
    expect(
      (await put(server, toolPath(c.boardId, 'nope'), { visibility: 'worker' }, c.practitioner.cookie))
        .status,
    ).toBe(404);

    // The list: staff see every tool; the parent only what the child shows them.
    const staffList = await listOf(await get(server, path, c.facilitator.cookie));
    expect(staffList.map((t) => [t.id, t.mayOpen])).toEqual([[tool.id, false]]);
    expect(await listOf(await get(server, path, c.family.cookie))).toEqual([]);
    await put(server, visibility, { visibility: 'named', named: [c.family.memberId] }, c.practitioner.cookie);
    expect(await listOf(await get(server, path, c.family.cookie))).toMatchObject([
      { id: tool.id, mayOpen: true, named: [] },
    ]);
  });

  it('[CT5] [CT6] Words and Pictures: drafted by the worker, agreed by each parent on their own device, then with the child', async () => {
    const server = await fixture.start();
    const c = await caseWithChild(server);
    const dad = await invite(server, c.boardId, c.facilitator.cookie, 'family', 'Dad');
    const res = await post(
      server,
      toolPath(c.boardId),
      { personId: c.jo, kind: 'words-pictures' },
      c.practitioner.cookie,
    );
    expect(res.status).toBe(201);
    const tool = ((await res.json()) as { tool: ToolInfo }).tool;
    expect(tool.wordsPictures).toEqual({ stage: 'draft', parents: [], withChildAt: null, leftAt: null });
    const room = `${c.boardId}/child/${tool.id}`;
    const worker = await openTool(server, c.boardId, tool.id, c.practitioner);
    expect(Object.keys(readChildTool(worker.doc)?.areas ?? {})).toEqual(['worried', 'happened', 'now']);
    must(
      setChildWords(
        worker.doc,
        'worried',
        'Your teacher and Pat are worried when there is shouting at home.',
      ),
    );
    await onServer(
      server,
      c.boardId,
      room,
      c.practitioner,
      (doc) => (readChildTool(doc)?.areas.worried?.words ?? '') !== '',
      'the draft on the server',
    );
    // A draft is the worker's alone.
    expect(await refusal(server, c.boardId, tool.id, c.family)).toBe(403);

    const step = (who: Person, what: string, body: unknown = {}) =>
      post(server, `${toolPath(c.boardId)}/${tool.id}/${what}`, body, who.cookie);
    const stageFor = async (who: Person) =>
      (await listOf(await get(server, toolPath(c.boardId), who.cookie))).find((t) => t.id === tool.id)
        ?.wordsPictures;

    expect((await step(c.family, 'parents', { parents: [c.family.memberId] })).status).toBe(404);
    expect((await step(c.practitioner, 'parents', { parents: [c.network.memberId] })).status).toBe(400);
    expect((await step(c.practitioner, 'parents', { parents: [] })).status).toBe(400);
    expect(
      (await step(c.practitioner, 'parents', { parents: [c.family.memberId, dad.memberId] })).status,
    ).toBe(200);
    // Each parent reads it on their own device.
    const mum = await openTool(server, c.boardId, tool.id, c.family);
    expect(readChildTool(mum.doc)?.areas.worried?.words).toContain('shouting at home');
    await openTool(server, c.boardId, tool.id, dad);
    expect(await refusal(server, c.boardId, tool.id, c.network)).toBe(403);
    expect((await stageFor(c.practitioner))?.stage).toBe('with-parents');
    expect((await step(c.practitioner, 'step', { step: 'with-child' })).status).toBe(409);

    expect((await step(c.family, 'agreement')).status).toBe(200);
    expect((await step(c.network, 'agreement')).status).toBe(404);
    expect(await stageFor(c.family)).toMatchObject({
      stage: 'with-parents',
      parents: [
        { memberId: c.family.memberId, current: true },
        { memberId: dad.memberId, agreedAt: null, current: false },
      ],
    });
    expect((await step(dad, 'agreement')).status).toBe(200);
    expect((await stageFor(c.practitioner))?.stage).toBe('agreed');
    // A change after the parents agreed makes their agreement stale: they agree to what the child will see.
    must(setChildWords(worker.doc, 'now', 'Mum and Dad are going to a group on Tuesdays.'));
    await onServer(
      server,
      c.boardId,
      room,
      c.practitioner,
      (doc) => (readChildTool(doc)?.areas.now?.words ?? '') !== '',
      'the change on the server',
    );
    expect(await stageFor(c.practitioner)).toMatchObject({
      stage: 'with-parents',
      parents: [{ current: false }, { current: false }],
    });
    expect((await step(c.practitioner, 'step', { step: 'with-child' })).status).toBe(409);
    expect((await step(c.family, 'agreement')).status).toBe(200);
    expect((await step(dad, 'agreement')).status).toBe(200);
    expect((await stageFor(c.practitioner))?.stage).toBe('agreed');
    expect((await step(c.practitioner, 'step', { step: 'left-with-child' })).status).toBe(409);
    expect((await step(c.practitioner, 'step', { step: 'with-child' })).status).toBe(200);
    expect((await step(dad, 'agreement')).status).toBe(409);
    expect((await step(c.practitioner, 'step', { step: 'left-with-child' })).status).toBe(200);
    expect((await stageFor(dad))?.stage).toBe('left-with-child');

    const audit = await get(
      server,
      `/api/boards/${c.boardId}/audit?kind=words-pictures`,
      c.facilitator.cookie,
    );
    const page = (await audit.json()) as { entries: Array<{ summary: string }> };
    expect(page.entries.map((entry) => entry.summary)).toEqual([
      'shared Words and Pictures with the parents to agree',
      'agreed to Words and Pictures as it is now',
      'agreed to Words and Pictures as it is now',
      'agreed to Words and Pictures as it is now',
      'agreed to Words and Pictures as it is now',
      'shared Words and Pictures with the child',
      'left Words and Pictures with the child',
    ]);
  });
});
