import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPair } from '../cards/analysis.js';
import { addCard, deleteCard, setCardText, setMark } from '../cards/cards.js';
import { initRestricted, moveToRestricted } from '../cards/professionalsOnly.js';
import { asScaleId, OVERALL_SCALE_ID } from '../doc/ids.js';
import { Origins } from '../doc/origins.js';
import { getCardText, readBoard } from '../doc/read.js';
import type { BoardState } from '../doc/types.js';
import { addNetworkMember } from '../plan/network.js';
import { addRule } from '../plan/plan.js';
import { markScored, rate, setScaleMode } from '../scales/scales.js';
import {
  expectUnchanged,
  newBoard,
  originsOf,
  parent,
  practitioner,
  prng,
  randomBoard,
  randomEdits,
  unwrap,
} from '../test-support.js';
import { content, fork, SEEDS, sync } from './restore.fixture.js';
import { restoreBoard } from './restore.js';
import { diffBoards, isEmptyDiff } from './versionDiff.js';

describe('restoreBoard on random boards', () => {
  it.each(SEEDS)(
    'after many random divergences, restoring version V leaves nothing to diff against V (seed %i)',
    (seed) => {
      const rng = prng(seed);
      const doc = randomBoard(rng, 30 + rng.int(40));
      const version = readBoard(doc);
      // Two replicas diverge on their own and merge, so stale and broken pairs appear too.
      const other = fork(doc, 900 + seed);
      randomEdits(rng, doc, 20 + rng.int(40));
      randomEdits(rng, other, rng.int(30));
      sync(doc, other);
      randomEdits(rng, doc, rng.int(10));
      expect(isEmptyDiff(diffBoards(readBoard(doc), version))).toBe(false);

      const origins = originsOf(doc, () => unwrap(restoreBoard(doc, version, { now: 5_000 })));
      expect(origins).toEqual([Origins.local]);
      const after = readBoard(doc);
      expect(isEmptyDiff(diffBoards(after, version))).toBe(true);
      expect(content(after)).toEqual(content(version));
      // Restoring again finds nothing to do and writes nothing.
      expect(expectUnchanged(doc, () => unwrap(restoreBoard(doc, version)))).toEqual({ changed: 0 });
      // The replica that merges the restore reads the same board.
      sync(doc, other);
      expect(readBoard(other)).toEqual(after);
    },
  );
});

describe('restoreBoard', () => {
  it('writes nothing when the board already is the version', () => {
    const doc = randomBoard(prng(1), 40);
    const state = readBoard(doc);
    expect(expectUnchanged(doc, () => unwrap(restoreBoard(doc, state)))).toEqual({ changed: 0 });
  });

  it('edits a surviving card in place, so a concurrent edit elsewhere in its text survives', () => {
    const doc = newBoard();
    const { cardId } = unwrap(addCard(doc, practitioner, { category: 'harm', text: 'Dad drinks at home' }));
    const version = readBoard(doc);
    unwrap(setCardText(doc, practitioner, cardId, 'Dad drinks at home most nights'));
    const textBefore = getCardText(doc, cardId);
    const other = fork(doc, 77);
    unwrap(setCardText(other, parent, cardId, 'Father drinks at home most nights'));

    const { changed } = unwrap(restoreBoard(doc, version, { now: 9_000 }));
    expect(changed).toBe(1);
    expect(getCardText(doc, cardId)).toBe(textBefore);
    expect(readBoard(doc).cards[cardId]?.updatedAt).toBe(9_000);
    sync(doc, other);
    expect(readBoard(doc).cards[cardId]?.text).toBe('Father drinks at home');
  });

  it('brings a deleted card back with its original id, author and creation time', () => {
    const doc = newBoard();
    const { cardId } = unwrap(
      addCard(doc, parent, { category: 'existingStrength', text: 'Gran helps' }, { now: 10 }),
    );
    unwrap(setMark(doc, practitioner, cardId, 'agree'));
    const version = readBoard(doc);
    unwrap(deleteCard(doc, practitioner, cardId));
    unwrap(restoreBoard(doc, version, { now: 20 }));
    expect(readBoard(doc).cards[cardId]).toEqual({ ...version.cards[cardId], updatedAt: 20 });
    expect(readBoard(doc).cards[cardId]).toMatchObject({
      authorId: 'mum',
      authorRole: 'family',
      createdAt: 10,
    });
  });

  it('keeps the dates the target carries when asked to (an import into an initialised board)', () => {
    const source = newBoard();
    const { cardId } = unwrap(addCard(source, parent, { category: 'harm', text: 'Dated' }, { now: 77 }));
    const target = readBoard(source);
    const doc = newBoard();
    unwrap(addCard(doc, parent, { category: 'harm', text: 'Gone after the import' }));
    unwrap(restoreBoard(doc, target, { now: 999, keepUpdatedAt: true }));
    expect(readBoard(doc).cards).toEqual(target.cards);
    expect(readBoard(doc).cards[cardId]?.updatedAt).toBe(77);
  });

  it('brings back a deleted pair with its scale and ratings, and removes what was added since', () => {
    const doc = newBoard();
    const { pairId, dangerStatementId } = unwrap(
      addPair(doc, practitioner, { dangerStatement: 'Worried that…', safetyGoal: 'Mum will…' }),
    );
    unwrap(rate(doc, parent, asScaleId(pairId), { value: 6, reason: 'Gran helps' }, { now: 3 }));
    const version = readBoard(doc);
    unwrap(deleteCard(doc, practitioner, dangerStatementId));
    unwrap(addCard(doc, practitioner, { category: 'nextStep', text: 'New' }));
    unwrap(rate(doc, parent, OVERALL_SCALE_ID, { value: 2 }));
    unwrap(restoreBoard(doc, version));
    const after = readBoard(doc);
    expect(after.pairs).toEqual(version.pairs);
    expect(after.scales).toEqual(version.scales);
    expect(Object.keys(after.cards).sort()).toEqual(Object.keys(version.cards).sort());
  });

  it('restores who has scored on a scale that was collecting privately', () => {
    const doc = newBoard();
    unwrap(setScaleMode(doc, practitioner, OVERALL_SCALE_ID, 'private'));
    unwrap(markScored(doc, parent, OVERALL_SCALE_ID));
    const version = readBoard(doc);
    unwrap(setScaleMode(doc, practitioner, OVERALL_SCALE_ID, 'revealed'));
    unwrap(rate(doc, practitioner, OVERALL_SCALE_ID, { value: 3 }));
    unwrap(restoreBoard(doc, version));
    expect(readBoard(doc).scales[OVERALL_SCALE_ID]).toEqual({
      id: OVERALL_SCALE_ID,
      mode: 'private',
      ratings: {},
      scored: ['mum'],
    });
  });

  it('works on the restricted document, writing only cards there', () => {
    const shared = newBoard();
    const restricted = new Y.Doc();
    unwrap(initRestricted(restricted, { createdAt: 1_000 }));
    const ids = ['Secret one', 'Secret two'].map(
      (text) => unwrap(addCard(shared, practitioner, { category: 'harm', text })).cardId,
    );
    for (const id of ids) unwrap(moveToRestricted(shared, restricted, practitioner, id));
    const version = readBoard(restricted);
    unwrap(deleteCard(restricted, practitioner, ids[0] as never));
    unwrap(setCardText(restricted, practitioner, ids[1] as never, 'Changed'));
    unwrap(addCard(restricted, practitioner, { category: 'harm', text: 'Later', professionalsOnly: true }));

    expect(unwrap(restoreBoard(restricted, version, { now: 2_000 }))).toEqual({ changed: 3 });
    expect(content(readBoard(restricted))).toEqual(content(version));
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(restricted));
    expect([...replica.share.keys()].sort()).toEqual(['cards', 'meta']);
  });

  it("restores a rule's order, texts and responsible people as another writer left them", () => {
    const doc = newBoard();
    const { memberId } = unwrap(addNetworkMember(doc, practitioner, { name: 'Gran' }));
    const { ruleId } = unwrap(
      addRule(doc, practitioner, { text: 'Gran stays over', responsibleMemberIds: [memberId] }),
    );
    const version = readBoard(doc);
    const rule = doc.getMap('rules').get(ruleId) as Y.Map<unknown>;
    doc.transact(() => {
      rule.set('order', 42);
      (rule.get('responsible') as Y.Map<unknown>).delete(memberId);
      (rule.get('howChildWillKnow') as Y.Text).insert(0, 'Told by Gran');
    });
    expect(unwrap(restoreBoard(doc, version))).toEqual({ changed: 1 });
    expect(readBoard(doc).rules).toEqual(version.rules);
  });

  it('refuses a malformed or inconsistent version without touching the document', () => {
    const doc = randomBoard(prng(5), 20);
    const version = readBoard(doc);
    const badText = { ...version, meta: { ...version.meta, title: '\ud800' } };
    const badPair = {
      ...version,
      pairs: { p1: { id: 'p1', dangerStatementId: 'nope', safetyGoalId: 'nope', createdAt: 0 } },
    } as unknown as BoardState;
    for (const target of [badText, badPair, null as unknown as BoardState]) {
      const result = expectUnchanged(doc, () => restoreBoard(doc, target));
      expect(result).toMatchObject({ ok: false, reason: 'invalid-input' });
    }
    const badNow = expectUnchanged(doc, () => restoreBoard(doc, version, { now: Number.NaN }));
    expect(badNow).toMatchObject({ ok: false, reason: 'invalid-input' });
  });
});
