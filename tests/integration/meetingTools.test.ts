import {
  addAgendaItem,
  addParkingItem,
  pauseTimer,
  readMeetingTools,
  startTimer,
  updateAgendaItem,
} from '@kinmap/model';
import type { RunningServer } from '@kinmap/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { boardWithFamily, Fixture, must, type Person, syncedByTicket, waitFor } from './helpers.js';

/**
 * Issue 13, meeting tools on the real server with official y-websocket clients: the facilitator runs
 * the agenda; a family member adds to the parking lot but cannot run the timer or edit the agenda.
 */
describe('meeting tools on the real server', () => {
  const fixture = new Fixture();
  const providers: WebsocketProvider[] = [];
  afterEach(async () => {
    for (const provider of providers.splice(0)) provider.destroy();
    await fixture.cleanup();
  });

  async function connect(server: RunningServer, boardId: string, person: Person) {
    const client = await syncedByTicket(server, boardId, person);
    providers.push(client.provider);
    const refusals: string[] = [];
    client.provider.messageHandlers[100] = (_encoder, decoder) => {
      refusals.push(new TextDecoder().decode(decoder.arr.subarray(decoder.pos)));
      decoder.pos = decoder.arr.length;
    };
    return { ...client, refusals };
  }

  it('[AC42] [AC41] [AC40] a family member adds to the parking lot, but cannot start or pause the timer or edit the agenda', async () => {
    const server = await fixture.start();
    const { boardId, facilitator, family } = await boardWithFamily(server);
    const chair = await connect(server, boardId, facilitator);
    const { itemId } = must(addAgendaItem(chair.doc, facilitator.actor, { title: 'Welcome', minutes: 10 }));

    // The family member's parking-lot item reaches the facilitator and is stored.
    const alex = await connect(server, boardId, family);
    await waitFor(() => readMeetingTools(alex.doc).agenda.length === 1, 'the agenda at the family');
    const { itemId: parkedId } = must(addParkingItem(alex.doc, family.actor, 'Can Gran come next time?'));
    await waitFor(
      () => readMeetingTools(chair.doc).parkingLot.some((item) => item.id === parkedId),
      'the parking item at the facilitator',
    );
    expect(readMeetingTools(chair.doc).parkingLot[0]).toMatchObject({
      text: 'Can Gran come next time?',
      authorId: family.memberId,
      authorRole: 'family',
    });

    // The family member tries to start the timer: refused, not stored.
    must(startTimer(alex.doc, family.actor, { now: 1_000_000 }));
    await waitFor(() => alex.refusals.length > 0, 'the refusal of the timer');
    expect(alex.refusals[0]).toContain('AC41');
    let fresh = await connect(server, boardId, facilitator);
    expect(readMeetingTools(fresh.doc).facilitation).toMatchObject({
      currentItemId: null,
      runningSince: null,
    });
    expect(readMeetingTools(fresh.doc).parkingLot.map((item) => item.id)).toEqual([parkedId]);

    // The facilitator starts it; the family member cannot pause it.
    must(startTimer(chair.doc, facilitator.actor, { now: 2_000_000 }));
    const again = await connect(server, boardId, family);
    await waitFor(
      () => readMeetingTools(again.doc).facilitation.runningSince === 2_000_000,
      'the timer at the family',
    );
    must(pauseTimer(again.doc, family.actor, { now: 2_060_000 }));
    await waitFor(() => again.refusals.length > 0, 'the refusal of the pause');
    expect(again.refusals[0]).toContain('AC41');

    // Nor edit the agenda.
    const third = await connect(server, boardId, family);
    must(updateAgendaItem(third.doc, family.actor, itemId, { title: 'Our item now' }));
    await waitFor(() => third.refusals.length > 0, 'the refusal of the agenda edit');
    expect(third.refusals[0]).toContain('AC40');

    fresh = await connect(server, boardId, facilitator);
    const stored = readMeetingTools(fresh.doc);
    expect(stored.agenda.map((item) => item.title)).toEqual(['Welcome']);
    expect(stored.facilitation).toMatchObject({
      currentItemId: itemId,
      runningSince: 2_000_000,
      elapsedMs: 0,
    });
  });
});
