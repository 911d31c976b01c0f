import { addPerson } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { type HistoryFixture, historyFixtures } from '../history/history.fixture.js';

/**
 * [CT8] A child's tool handed over to another worker: by its worker, or by the facilitator once the
 * worker has left the board; never to someone who is not staff of the board; audited without names.
 */

const setup = historyFixtures();

async function toolOfPat(f: HistoryFixture) {
  const { personId } = await f.change((doc) => addPerson(doc, f.facilitator.actor, { name: 'Jo', age: 9 }));
  const started = await f.call('POST', `/api/boards/${f.boardId}/child-tools`, {
    cookie: f.practitioner.cookie,
    body: { personId, kind: 'three-houses' },
  });
  expect(started.status).toBe(201);
  const toolId = ((await started.json()) as { tool: { id: string } }).tool.id;
  const base = `/api/boards/${f.boardId}/child-tools/${toolId}`;
  const handOver = (cookie: string, memberId: unknown) =>
    f.call('PUT', `${base}/worker`, { cookie, body: { memberId } });
  const pdf = async (cookie: string) => (await f.call('GET', `${base}/tool.pdf`, { cookie })).status;
  return { toolId, handOver, pdf };
}

describe("handing a child's tool over to another worker", () => {
  it('[CT8] its worker hands it over: the new worker opens it, the last one no longer does', async () => {
    const f = await setup();
    const tool = await toolOfPat(f);
    // Anyone else is refused while the worker is on the board, the facilitator included.
    expect((await tool.handOver(f.facilitator.cookie, f.facilitator.memberId)).status).toBe(403);
    for (const who of [f.family, f.network, f.viewer]) {
      expect((await tool.handOver(who.cookie, f.facilitator.memberId)).status).toBe(403);
    }
    // Only another staff member of this board can take it.
    for (const stranger of [
      f.family.memberId,
      f.viewer.memberId,
      'no-such-member',
      f.practitioner.memberId,
    ]) {
      expect((await tool.handOver(f.practitioner.cookie, stranger)).status, stranger).toBe(400);
    }
    expect((await tool.handOver(f.practitioner.cookie, 7)).status).toBe(400);
    expect(await tool.pdf(f.facilitator.cookie)).toBe(403);

    const handed = await tool.handOver(f.practitioner.cookie, f.facilitator.memberId);
    expect(handed.status).toBe(200);
    expect(await handed.json()).toMatchObject({
      tool: { workerMemberId: f.facilitator.memberId, workerLeft: false },
    });
    expect(await tool.pdf(f.facilitator.cookie)).toBe(200);
    expect(await tool.pdf(f.practitioner.cookie)).toBe(403);
    const audited = f.events().filter((event) => event.kind === 'child-tool-worker');
    expect(audited).toEqual([
      {
        kind: 'child-tool-worker',
        actor: f.practitioner.memberId,
        detail: { toolId: tool.toolId, kind: 'three-houses', workerLeft: false },
      },
    ]);
    const refusedBy = (rule: string) =>
      f
        .events()
        .filter((e) => e.kind === 'refused' && e.detail.rule === rule)
        .map((e) => e.actor);
    // The family and the wall are not staff ([CT8]); the facilitator may only once the worker has left ([CT9]).
    expect(refusedBy('CT8')).toEqual(expect.arrayContaining([f.family.memberId, f.viewer.memberId]));
    expect(refusedBy('CT9')).toEqual([f.facilitator.memberId]);
  });

  it('[CT8] once the worker has left the board, the facilitator hands it to the new worker', async () => {
    const f = await setup();
    const tool = await toolOfPat(f);
    const revoked = await f.call('DELETE', `/api/boards/${f.boardId}/members/${f.practitioner.memberId}`, {
      cookie: f.facilitator.cookie,
    });
    expect(revoked.status).toBeLessThan(300);
    const list = (await (
      await f.call('GET', `/api/boards/${f.boardId}/child-tools`, { cookie: f.facilitator.cookie })
    ).json()) as { tools: { workerLeft: boolean; mayOpen: boolean }[] };
    expect(list.tools).toEqual([expect.objectContaining({ workerLeft: true, mayOpen: false })]);
    const handed = await tool.handOver(f.facilitator.cookie, f.facilitator.memberId);
    expect(handed.status).toBe(200);
    expect(await tool.pdf(f.facilitator.cookie)).toBe(200);
    expect(
      f
        .events()
        .filter((event) => event.kind === 'child-tool-worker')
        .map((e) => e.detail),
    ).toEqual([{ toolId: tool.toolId, kind: 'three-houses', workerLeft: true }]);
  });
});
