import { addCard, addPair, deleteCard, readBoard } from '@kinmap/model';
import type { RunningServer } from '@kinmap/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { boardWithFamily, Fixture, must, type Person, syncedByTicket, waitFor } from './helpers.js';

/**
 * Accounts, invites and the server's permission guard together, on the real server with official
 * y-websocket clients that connect by one-time ticket (the non-browser path of issue 4).
 */

describe('members on the real server', () => {
  const fixture = new Fixture();
  const providers: WebsocketProvider[] = [];
  afterEach(async () => {
    for (const provider of providers.splice(0)) provider.destroy();
    await fixture.cleanup();
  });

  async function connect(server: RunningServer, boardId: string, person: Person) {
    const client = await syncedByTicket(server, boardId, person);
    providers.push(client.provider);
    return client;
  }

  it('[AC17] the server writes each member into the board, with the name and role it knows', async () => {
    const server = await fixture.start();
    const { boardId, facilitator, family } = await boardWithFamily(server);
    const chair = await connect(server, boardId, facilitator);
    await connect(server, boardId, family);
    await waitFor(
      () => readBoard(chair.doc).participants[family.memberId] !== undefined,
      'the family member',
    );
    expect(readBoard(chair.doc).participants[family.memberId]).toMatchObject({
      displayName: 'Alex',
      role: 'family',
    });
    expect(readBoard(chair.doc).participants[facilitator.memberId]).toMatchObject({
      displayName: 'Sam Chair',
      role: 'facilitator',
    });
  });

  it('[AC5] a family member cannot delete the facilitator’s card: refused, not stored, not seen', async () => {
    const server = await fixture.start();
    const { boardId, facilitator, family } = await boardWithFamily(server);
    const chair = await connect(server, boardId, facilitator);
    const alex = await connect(server, boardId, family);
    const { cardId } = must(addCard(chair.doc, facilitator.actor, { category: 'harm', text: 'Dad shouted' }));
    await waitFor(() => readBoard(alex.doc).cards[cardId] !== undefined, 'the card at the family');

    const refusals: string[] = [];
    alex.provider.messageHandlers[100] = (_encoder, decoder) => {
      const bytes = decoder.arr.subarray(decoder.pos);
      refusals.push(new TextDecoder().decode(bytes));
      decoder.pos = decoder.arr.length;
    };
    must(deleteCard(alex.doc, family.actor, cardId));
    await waitFor(() => refusals.length > 0, 'the refusal frame');
    expect(refusals[0]).toContain('AC5');
    // The facilitator still has the card, and so does a client that connects afresh (it was not stored).
    const fresh = await connect(server, boardId, facilitator);
    expect(readBoard(fresh.doc).cards[cardId]?.text).toBe('Dad shouted');
    expect(readBoard(chair.doc).cards[cardId]?.text).toBe('Dad shouted');
  });

  it('[AC8] a family member cannot forge a score inside a new pair’s scale (issue 12)', async () => {
    const server = await fixture.start();
    const { boardId, facilitator, family } = await boardWithFamily(server);
    const alex = await connect(server, boardId, family);
    const refusals: string[] = [];
    alex.provider.messageHandlers[100] = (_encoder, decoder) => {
      refusals.push(new TextDecoder().decode(decoder.arr.subarray(decoder.pos)));
      decoder.pos = decoder.arr.length;
    };
    // One transaction: a pair, its scale, and a rating already inside under the facilitator's id.
    alex.doc.transact(() => {
      const { pairId } = must(addPair(alex.doc, family.actor, { dangerStatement: 'a', safetyGoal: 'b' }));
      const scale = alex.doc.getMap('scales').get(pairId) as Y.Map<unknown>;
      (scale.get('ratings') as Y.Map<unknown>).set(facilitator.memberId, {
        value: 0,
        reason: 'forged',
        at: 1,
      });
    });
    await waitFor(() => refusals.length > 0, 'the refusal frame');
    expect(refusals[0]).toContain('AC8');
    const fresh = await connect(server, boardId, facilitator);
    expect(Object.keys(readBoard(fresh.doc).pairs)).toEqual([]);
  });
});
