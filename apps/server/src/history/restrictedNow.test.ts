import {
  addPair,
  asCardId,
  asPairId,
  asScaleId,
  copyIntoRestricted,
  rate,
  readBoard,
  removeFromShared,
  unpair,
} from '@kinmap/model';
import { extractPdf, fullText } from '@kinmap/reports/testing';
import { describe, expect, it } from 'vitest';
import { historyFixtures, json } from './history.fixture.js';

/**
 * [VE14] A saved version seen, summarised or restored under today's professionals-only set: a card
 * shared when the version was saved and professionals-only since never reaches the family side again.
 */

const PDF_TEST_TIMEOUT = 120_000;
const setup = historyFixtures();

/** Words of the card that is moved, found nowhere else on the board. */
const MOVED = 'Neighbour reported shouting 9931 — Krzyk sąsiada';
const MOVED_WORDS = ['9931', 'Krzyk', 'sąsiada'];
/** The danger statement of a pair that is unpaired and then made professionals-only. */
const DANGER = 'Worried 5517 Dylan hears threats — Groźby nocą';
const DANGER_WORDS = ['5517', 'Groźby'];

type F = Awaited<ReturnType<typeof setup>>;

/** Moves a shared card into the restricted document, as the web's move does (copy, then delete). */
async function makeProfessionalsOnly(f: F, cardId: string) {
  const { shared } = await f.live();
  const card = shared.cards[cardId];
  if (card === undefined) throw new Error('no such card');
  await f.change((doc) => copyIntoRestricted(doc, [card]), true);
  await f.change((doc) => removeFromShared(doc, [asCardId(cardId)]));
}

/** A board with a meeting version (the trajectory) and a manual one, both holding two shared cards
 *  that are professionals-only afterwards; then a family member joins. */
async function boardAfterTheMove() {
  const f = await setup();
  await f.richBoard();
  const moved = await f.card(MOVED, 'harm', { who: f.practitioner });
  const pair = await f.change((doc) =>
    addPair(doc, f.facilitator.actor, { dangerStatement: DANGER, safetyGoal: 'Dylan sleeps at Nain’s' }),
  );
  await f.change((doc) =>
    rate(doc, f.family.actor, asScaleId(pair.pairId), { value: 5, reason: 'Some nights' }),
  );
  const meetingId = await f.startMeeting('2025-03-12');
  const closed = await f.call('POST', `/api/boards/${f.boardId}/meetings/${meetingId}/close`, {
    cookie: f.facilitator.cookie,
  });
  expect(closed.status).toBe(200);
  const meetingVersion = ((await closed.json()) as { version: { id: string } }).version;
  const manual = await f.saveVersion({ label: 'Before the move' });
  await f.change((doc) => unpair(doc, f.facilitator.actor, asPairId(pair.pairId)));
  await makeProfessionalsOnly(f, moved);
  await makeProfessionalsOnly(f, pair.dangerStatementId);
  const late = await f.inviteGuest(f.facilitator.cookie, f.boardId, 'family', 'Ria');
  return { f, moved, danger: pair.dangerStatementId, meetingVersion, manual, late };
}

async function pdfText(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  return fullText(await extractPdf(new Uint8Array(await res.arrayBuffer())));
}

describe('a version under the professionals-only set of now [VE14]', () => {
  it(
    '[VE14] [VE8] a version’s family summary leaves out what is professionals-only now, for every downloader, the late invitee too',
    async () => {
      const { f, manual, meetingVersion, late } = await boardAfterTheMove();
      const downloaders = [f.family, f.network, late, f.practitioner, f.facilitator];
      for (const version of [manual, meetingVersion]) {
        const path = `/api/boards/${f.boardId}/reports/family.pdf?version=${version.id}`;
        for (const who of downloaders) {
          const text = await pdfText(await f.call('GET', path, { cookie: who.cookie }));
          expect(text).toContain('Nain');
          for (const word of [...MOVED_WORDS, ...DANGER_WORDS]) expect(text, word).not.toContain(word);
        }
      }
      // The record (staff) still reads the version as it was saved.
      const record = await pdfText(
        await f.call('GET', `/api/boards/${f.boardId}/reports/record.pdf?version=${manual.id}`, {
          cookie: f.facilitator.cookie,
        }),
      );
      for (const word of MOVED_WORDS) expect(record, word).toContain(word);
    },
    PDF_TEST_TIMEOUT,
  );

  it(
    '[VE14] a card made professionals-only and then deleted stays out of an older version’s family summary; one moved back is shown',
    async () => {
      const { f, manual, moved, danger, late } = await boardAfterTheMove();
      await f.change((doc) => removeFromShared(doc, [asCardId(moved)]), true);
      // Staff show the other card to everyone again: copied back, then deleted from the restricted side.
      const back = (await f.live()).restricted.cards[danger];
      if (back === undefined) throw new Error('no such card');
      await f.change((doc) => copyIntoRestricted(doc, [{ ...back, professionalsOnly: false }]));
      await f.change((doc) => removeFromShared(doc, [asCardId(danger)]), true);
      const opened = await f.call('GET', `/api/boards/${f.boardId}/versions/${manual.id}`, {
        cookie: f.facilitator.cookie,
      });
      const version = (await json(opened)) as { shared: { cards: Record<string, unknown> } };
      expect(Object.keys(version.shared.cards)).toContain(danger);
      expect(Object.keys(version.shared.cards)).not.toContain(moved);
      expect(Object.keys((await f.live()).restricted.cards)).not.toContain(moved);
      const path = `/api/boards/${f.boardId}/reports/family.pdf?version=${manual.id}`;
      const text = await pdfText(await f.call('GET', path, { cookie: late.cookie }));
      expect(text).toContain('Nain');
      for (const word of MOVED_WORDS) expect(text, word).not.toContain(word);
    },
    PDF_TEST_TIMEOUT,
  );

  it('[VE14] [VE7] the trajectory names no card that is professionals-only now, and drops its scale', async () => {
    const { f, late, danger } = await boardAfterTheMove();
    for (const who of [f.family, f.network, late, f.facilitator]) {
      const res = await f.call('GET', `/api/boards/${f.boardId}/trajectory`, { cookie: who.cookie });
      expect(res.status).toBe(200);
      const body = await res.text();
      for (const word of DANGER_WORDS) expect(body, word).not.toContain(word);
      const { scales } = JSON.parse(body) as { scales: { scaleId: string; title: string }[] };
      expect(scales.map((s) => s.scaleId)).not.toContain(danger);
      expect(scales.every((s) => s.title === '' || !s.title.includes('5517'))).toBe(true);
    }
  });

  it('[VE14] [VE3] staff open a version with today’s professionals-only cards in its restricted part', async () => {
    const { f, manual, moved } = await boardAfterTheMove();
    const res = await f.call('GET', `/api/boards/${f.boardId}/versions/${manual.id}`, {
      cookie: f.practitioner.cookie,
    });
    const opened = (await json(res)) as {
      shared: { cards: Record<string, unknown> };
      restricted: { cards: Record<string, { professionalsOnly: boolean; text: string }> };
    };
    expect(Object.keys(opened.shared.cards)).not.toContain(moved);
    expect(opened.restricted.cards[moved]).toMatchObject({ professionalsOnly: true, text: MOVED });
  });

  it('[VE14] [VE6] [VE13] restoring a version, one card or the whole board, keeps today’s professionals-only cards out of the shared document', async () => {
    const { f, manual, moved, danger } = await boardAfterTheMove();
    const restore = (who: typeof f.facilitator, body: object) =>
      f.call('POST', `/api/boards/${f.boardId}/versions/${manual.id}/restore`, { cookie: who.cookie, body });
    expect((await restore(f.practitioner, { cardId: moved })).status).toBe(200);
    let live = await f.live();
    expect(Object.keys(live.shared.cards)).not.toContain(moved);
    expect(live.restricted.cards[moved]?.text).toBe(MOVED);

    expect((await restore(f.facilitator, {})).status).toBe(200);
    live = await f.live();
    expect(Object.keys(live.shared.cards)).not.toContain(moved);
    expect(Object.keys(live.shared.cards)).not.toContain(danger);
    expect(live.restricted.cards[moved]?.text).toBe(MOVED);
    expect(live.restricted.cards[danger]?.professionalsOnly).toBe(true);
    const sharedText = JSON.stringify(live.shared);
    for (const word of [...MOVED_WORDS, ...DANGER_WORDS]) expect(sharedText, word).not.toContain(word);
    // What the family side would sync is what the shared room holds.
    const familyView = await f.rooms.read(f.boardId, (doc) => JSON.stringify(readBoard(doc)));
    expect(familyView.ok && familyView.value.includes('9931')).toBe(false);
  });

  it('[VE14] every version route answers each role as the policy says: family side only reads the summary and trajectory', async () => {
    const { f, manual, late } = await boardAfterTheMove();
    const base = `/api/boards/${f.boardId}`;
    const routes = [
      ['GET', '/versions', 'VE3'],
      ['POST', '/versions', 'VE3'],
      ['GET', `/versions/${manual.id}`, 'VE3'],
      ['POST', `/versions/${manual.id}/restore`, 'VE13'],
      ['GET', `/versions/${manual.id}/export.json`, 'VE10'],
      ['GET', `/reports/record.pdf?version=${manual.id}`, 'VE9'],
      ['GET', '/meetings', 'VE3'],
    ] as const;
    for (const who of [f.family, f.network, f.viewer, late]) {
      for (const [method, path] of routes) {
        const res = await f.call(method, `${base}${path}`, {
          cookie: who.cookie,
          ...(method === 'POST' ? { body: path.endsWith('restore') ? {} : { label: 'x' } } : {}),
        });
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(await res.text(), path).not.toContain('9931');
      }
    }
    for (const path of ['/trajectory', `/reports/family.pdf?version=${manual.id}`]) {
      expect((await f.call('GET', `${base}${path}`, { cookie: f.viewer.cookie })).status, path).toBe(403);
    }
    // A practitioner restores a card, not the whole board.
    const whole = await f.call('POST', `${base}/versions/${manual.id}/restore`, {
      cookie: f.practitioner.cookie,
      body: {},
    });
    expect(whole.status).toBe(403);
  });
});
