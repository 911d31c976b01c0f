import {
  asCardId,
  type CardState,
  copyIntoRestricted,
  deleteCard,
  removeFromShared,
  setCardText,
} from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { equalBoards, historyFixtures } from './history.fixture.js';

const setup = historyFixtures();

describe('restore', () => {
  it('[VE6] the facilitator restores the whole board, both documents, as a new change; the versions stay', async () => {
    const f = await setup();
    const kept = await f.card('Gran walks him to school');
    const removed = await f.card('Uncle visits on Sundays', 'existingStrength');
    await f.card('Referral from school — Żółć', 'harm', { restricted: true });
    const version = await f.saveVersion();
    const then = await f.live();

    await f.change((doc) => setCardText(doc, f.facilitator.actor, asCardId(kept), 'Gran no longer helps'));
    await f.change((doc) => deleteCard(doc, f.facilitator.actor, asCardId(removed)));
    await f.card('A card added after the version');
    await f.card('A later professionals-only note', 'harm', { restricted: true });
    expect(equalBoards((await f.live()).shared, then.shared)).toBe(false);

    const practitionerTry = await f.call('POST', `/api/boards/${f.boardId}/versions/${version.id}/restore`, {
      cookie: f.practitioner.cookie,
      body: {},
    });
    expect(practitionerTry.status).toBe(403);
    const res = await f.call('POST', `/api/boards/${f.boardId}/versions/${version.id}/restore`, {
      cookie: f.facilitator.cookie,
      body: {},
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { changed: number }).changed).toBeGreaterThan(0);
    const now = await f.live();
    expect(equalBoards(now.shared, then.shared)).toBe(true);
    expect(equalBoards(now.restricted, then.restricted)).toBe(true);
    // The deleted card is back under its own id, author and date.
    expect(now.shared.cards[removed]).toMatchObject({
      id: removed,
      authorId: then.shared.cards[removed]?.authorId,
      createdAt: then.shared.cards[removed]?.createdAt,
    });
    expect(f.versions.list(f.boardId)).toEqual([version]);
    const restore = f.events().find((e) => e.kind === 'restore');
    expect(restore).toMatchObject({
      actor: f.facilitator.memberId,
      detail: { versionId: version.id, cardId: null },
    });
    expect(f.events().find((e) => e.kind === 'refused')?.detail).toMatchObject({
      rule: 'VE6',
      role: 'practitioner',
    });
  });

  it('[VE6] [VE14] staff bring back one card; one made professionals-only since comes back professionals-only', async () => {
    const f = await setup();
    const moved = await f.card('Dad shouts at night — Tad yn gweiddi');
    const other = await f.card('Untouched card', 'existingSafety');
    const version = await f.saveVersion();
    const text = (await f.live()).shared.cards[moved]?.text;
    await f.change((doc) => setCardText(doc, f.facilitator.actor, asCardId(other), 'Edited since'));
    // Since the version the card was made professionals-only: copied out, then removed from the shared document.
    const card = (await f.live()).shared.cards[moved] as CardState;
    await f.change((doc) => copyIntoRestricted(doc, [card]), true);
    await f.change((doc) => removeFromShared(doc, [asCardId(moved)]));
    await f.change((doc) => setCardText(doc, f.facilitator.actor, asCardId(moved), 'Police wording'), true);

    const res = await f.call('POST', `/api/boards/${f.boardId}/versions/${version.id}/restore`, {
      cookie: f.practitioner.cookie,
      body: { cardId: moved },
    });
    expect(res.status).toBe(200);
    const now = await f.live();
    // [VE14] Its text as the version had it, but where it is now: never back on the family's board.
    expect(now.restricted.cards[moved]?.text).toBe(text);
    expect(now.shared.cards[moved]).toBeUndefined();
    // Only that card: the other edit stays.
    expect(now.shared.cards[other]?.text).toBe('Edited since');
    expect(f.events().find((e) => e.kind === 'restore')).toMatchObject({
      actor: f.practitioner.memberId,
      detail: { versionId: version.id, cardId: moved },
    });
  });

  it('[VE6] a professionals-only card comes back into the restricted document only', async () => {
    const f = await setup();
    const note = await f.card('Police disclosure — Zgłoszenie', 'harm', { restricted: true });
    const version = await f.saveVersion();
    await f.change((doc) => removeFromShared(doc, [asCardId(note)]), true);
    expect((await f.live()).restricted.cards[note]).toBeUndefined();
    const res = await f.call('POST', `/api/boards/${f.boardId}/versions/${version.id}/restore`, {
      cookie: f.practitioner.cookie,
      body: { cardId: note },
    });
    expect(res.status).toBe(200);
    const now = await f.live();
    expect(now.restricted.cards[note]).toMatchObject({
      text: 'Police disclosure — Zgłoszenie',
      professionalsOnly: true,
    });
    expect(now.shared.cards[note]).toBeUndefined();
  });

  it('[VE6] refuses a card the version lacks (404), a malformed body (400), and family members (403)', async () => {
    const f = await setup();
    const cardId = await f.card('A card');
    const version = await f.saveVersion();
    const path = `/api/boards/${f.boardId}/versions/${version.id}/restore`;
    const missing = await f.call('POST', path, {
      cookie: f.practitioner.cookie,
      body: { cardId: 'aaaaaaaaaaaaaaaaaaaaaa' },
    });
    expect(missing.status).toBe(404);
    for (const body of [{ cardId: 'bad id!' }, { cardId: 3 }, '[]', '']) {
      const bad = await f.call('POST', path, { cookie: f.practitioner.cookie, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    for (const who of [f.family, f.network, f.viewer]) {
      expect((await f.call('POST', path, { cookie: who.cookie, body: { cardId } })).status).toBe(403);
    }
    const unknown = `/api/boards/${f.boardId}/versions/aaaaaaaaaaaaaaaaaaaaaa/restore`;
    expect((await f.call('POST', unknown, { cookie: f.facilitator.cookie, body: {} })).status).toBe(404);
    expect(f.events().filter((e) => e.kind === 'restore')).toEqual([]);
  });
});
