import { type Actor, addCard, asScaleId, type CardId, deleteCard, rate, readBoard } from '@kinmap/model';
import { csvCell, type RunningServer } from '@kinmap/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { boardWithFamily, Fixture, get, must, startWith, syncedByTicket, waitFor } from './helpers.js';

interface Entry {
  source: 'update' | 'event';
  kind: string;
  actor: { memberId: string | null; name: string | null; role: string | null } | null;
  summary: string;
  sessionId?: string | null;
}

/**
 * [AD1]–[AD4] on the real server: a scripted session with official clients, then the staff's audit
 * view and its exports list exactly what happened, in order, attributed to the right people.
 */
describe('the audit of a scripted session', () => {
  const fixture = new Fixture();
  const providers: WebsocketProvider[] = [];
  let server: RunningServer | null = null;
  afterEach(async () => {
    for (const provider of providers.splice(0)) provider.destroy();
    await server?.close();
    server = null;
    await fixture.cleanup();
  });

  it('[AD1][AD2][AD3][AD4] lists each accepted update and the refusal with actor, role and summary, and the exports hold them', async () => {
    server = await startWith(fixture.dataDir);
    const { boardId, facilitator, family } = await boardWithFamily(server);
    const chair = await syncedByTicket(server, boardId, facilitator);
    const alex = await syncedByTicket(server, boardId, family);
    providers.push(chair.provider, alex.provider);
    const sam: Actor = { participantId: facilitator.memberId as never, role: 'facilitator' };
    const alexActor: Actor = { participantId: family.memberId as never, role: 'family' };
    await waitFor(() => Object.keys(readBoard(chair.doc).participants).length === 2, 'both participants');

    const { cardId: harm } = must(addCard(chair.doc, sam, { category: 'harm', text: 'Dad shouted' }));
    await waitFor(() => readBoard(alex.doc).cards[harm] !== undefined, 'the harm card at the family');
    const { cardId: step } = must(
      addCard(alex.doc, alexActor, { category: 'nextStep', text: 'Gran walks him' }),
    );
    must(rate(alex.doc, alexActor, asScaleId('overall'), { value: 6, reason: 'Gran is there' }));
    await waitFor(
      () => readBoard(chair.doc).scales.overall?.ratings[family.memberId]?.value === 6,
      'the rating at the facilitator',
    );
    must(deleteCard(chair.doc, sam, step));
    await waitFor(() => readBoard(alex.doc).cards[step] === undefined, 'the deletion at the family');
    const refusals: string[] = [];
    alex.provider.messageHandlers[100] = (_encoder, decoder) => {
      refusals.push(new TextDecoder().decode(decoder.arr.subarray(decoder.pos)));
      decoder.pos = decoder.arr.length;
    };
    must(deleteCard(alex.doc, alexActor, harm as CardId));
    await waitFor(() => refusals.length > 0, 'the refusal');

    const res = await get(server, `/api/boards/${boardId}/audit?limit=500`, facilitator.cookie);
    expect(res.status).toBe(200);
    const { entries } = (await res.json()) as { entries: Entry[] };
    const people = entries.filter((e) => (e.source === 'update' && e.actor !== null) || e.kind === 'refused');
    expect(people.map((e) => [e.kind, e.actor?.name, e.actor?.role, e.summary])).toEqual([
      ['update', 'Sam Chair', 'facilitator', 'added a card to Harm'],
      ['update', 'Alex', 'family', 'added a card to Next steps'],
      ['update', 'Alex', 'family', 'rated 6 on the overall scale'],
      ['update', 'Sam Chair', 'facilitator', 'removed a card from Next steps'],
      ['refused', 'Alex', 'family', "was refused: may not delete or move another person's card [AC5]"],
    ]);
    // Each person's updates carry their own device session.
    const [samAdd, alexAdd, alexRate] = people;
    expect(alexAdd?.sessionId).toMatch(/^[0-9a-f]{64}$/);
    expect(alexRate?.sessionId).toBe(alexAdd?.sessionId);
    expect(samAdd?.sessionId).not.toBe(alexAdd?.sessionId);
    // Around them: the invite, both joins, and the server writing each participant.
    const kinds = entries.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['invite-created', 'invite-opened', 'join']));
    expect(
      entries
        .filter((e) => e.kind === 'join')
        .map((e) => e.actor?.name)
        .sort(),
    ).toEqual(['Alex', 'Sam Chair']);
    expect(entries.some((e) => e.actor === null && e.summary === 'recorded Alex as a participant')).toBe(
      true,
    );
    expect(JSON.stringify(entries)).not.toMatch(/Dad shouted|Gran walks|Gran is there/);

    const csv = await (await get(server, `/api/boards/${boardId}/audit.csv`, facilitator.cookie)).text();
    const lines = csv.split('\r\n');
    const rowsAt = people.map((e) =>
      lines.findIndex(
        (line) =>
          line.endsWith(
            `,${e.actor?.name},${e.actor?.role},${e.actor?.memberId},${e.kind},${csvCell(e.summary)}`,
          ) ||
          line.includes(
            `,${e.actor?.name},${e.actor?.role},${e.actor?.memberId},${e.kind},${csvCell(e.summary)},`,
          ),
      ),
    );
    expect(rowsAt.every((row) => row > 0)).toBe(true);
    expect([...rowsAt].sort((a, b) => a - b)).toEqual(rowsAt);
    const json = (await (
      await get(server, `/api/boards/${boardId}/audit.json`, facilitator.cookie)
    ).json()) as {
      entries: Entry[];
    };
    expect(json.entries.slice(0, entries.length).map((e) => e.summary)).toEqual(
      entries.map((e) => e.summary),
    );
    expect(json.entries.at(-1)).toMatchObject({ kind: 'export', summary: 'exported the audit log (JSON)' });

    const denied = await get(server, `/api/boards/${boardId}/audit`, family.cookie);
    expect(denied.status).toBe(403);

    alex.provider.destroy();
    const leaves = async () => {
      const page = await get(
        server as RunningServer,
        `/api/boards/${boardId}/audit?limit=500`,
        facilitator.cookie,
      );
      return ((await page.json()) as { entries: Entry[] }).entries.filter((e) => e.kind === 'leave');
    };
    let left: Entry[] = [];
    for (let tries = 0; tries < 200 && left.length === 0; tries++) {
      left = await leaves();
      if (left.length === 0) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(left.map((e) => [e.actor?.name, e.summary])).toEqual([['Alex', 'left the board']]);
  });
});
