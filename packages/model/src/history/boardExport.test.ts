import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPair } from '../cards/analysis.js';
import { addCard } from '../cards/cards.js';
import { initRestricted, moveToRestricted } from '../cards/professionalsOnly.js';
import { readBoard } from '../doc/read.js';
import {
  boardState,
  cardState,
  expectUnchanged,
  newBoard,
  originsOf,
  practitioner,
  prng,
  randomBoard,
  unwrap,
} from '../test-support.js';
import {
  BOARD_EXPORT_FORMAT,
  type BoardExport,
  boardExportJsonSchema,
  buildBoardExport,
  canonicalJson,
  contentHash,
  importBoard,
  parseBoardExport,
} from './boardExport.js';
import type { VersionMeta } from './versionTypes.js';

const HASH = /^[0-9a-f]{64}$/;

const version: VersionMeta = {
  id: 'v1',
  boardId: 'board1',
  number: 1,
  kind: 'meeting',
  label: 'Initial conference',
  createdAt: 2_000,
  createdBy: { memberId: 'fac1', displayName: 'Sam' },
  meetingId: 'm1',
  contentHash: 'a'.repeat(64),
};

/** A random board whose professionals-only cards live in the restricted document. */
function randomBoards(seed: number): { shared: Y.Doc; restricted: Y.Doc } {
  const rng = prng(seed);
  const shared = randomBoard(rng, 40 + rng.int(40));
  const restricted = new Y.Doc();
  unwrap(initRestricted(restricted, { createdAt: 1_000 }));
  for (const card of Object.values(readBoard(shared).cards)) {
    if (card.pairId === null && rng.chance(0.3))
      unwrap(moveToRestricted(shared, restricted, practitioner, card.id));
  }
  return { shared, restricted };
}

function exportOf(shared: Y.Doc, restricted: Y.Doc | null): BoardExport {
  const board = readBoard(shared);
  return buildBoardExport({
    exportedAt: 3_000,
    board: { id: 'board1', title: board.meta.title },
    version,
    meeting: {
      id: 'm1',
      boardId: 'board1',
      type: 'initial-conference',
      date: '2025-03-12',
      startedAt: 1_500,
      startedBy: 'fac1',
      attendance: {
        participantIds: ['mum'],
        othersPresent: [{ name: 'Taid', role: 'Grandfather' }],
        apologies: [],
      },
      decision: 'Child protection plan: neglect',
      closedAt: 2_000,
      closedBy: 'fac1',
      versionId: 'v1',
    },
    shared: board,
    restricted: restricted === null ? null : readBoard(restricted),
  });
}

describe('board export round trip', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])(
    'a random board exported, written as JSON, parsed and imported reads back equal (seed %i)',
    (seed) => {
      const { shared, restricted } = randomBoards(seed);
      const exported = exportOf(shared, restricted);
      expect(Object.keys(exported.shared.cards).length).toBeGreaterThan(0);
      expect(
        Object.keys(exported.restricted?.cards ?? {}).length + Object.keys(exported.shared.cards).length,
      ).toBe(Object.keys(readBoard(shared).cards).length + Object.keys(readBoard(restricted).cards).length);
      const parsed = unwrap(parseBoardExport(JSON.parse(JSON.stringify(exported))));
      expect(parsed).toEqual(exported);

      const [newShared, newRestricted] = [new Y.Doc(), new Y.Doc()];
      const origins = originsOf(newShared, () =>
        unwrap(importBoard(newShared, newRestricted, parsed, { now: 9_999 })),
      );
      expect(origins).toHaveLength(1);
      expect(readBoard(newShared)).toEqual(exported.shared);
      expect(readBoard(newRestricted)).toEqual(exported.restricted);
      // The new board is a board like any other: the overall scale and the plan's texts exist.
      expect(newShared.getMap('plan').get('bottomLines')).toBeInstanceOf(Y.Text);
    },
  );

  it('imports an export without a restricted part as an empty restricted document', () => {
    const shared = newBoard();
    unwrap(addPair(shared, practitioner, { dangerStatement: 'Worried', safetyGoal: 'Goal' }));
    const exported = exportOf(shared, null);
    const [newShared, newRestricted] = [new Y.Doc(), new Y.Doc()];
    expect(unwrap(importBoard(newShared, newRestricted, exported))).toEqual({ cards: 2 });
    expect(readBoard(newShared)).toEqual(exported.shared);
    expect(readBoard(newRestricted).cards).toEqual({});
    expect(readBoard(newRestricted).meta.schemaVersion).toBe(1);
  });

  it('refuses to import into a document that is not empty, writing nothing', () => {
    const exported = exportOf(newBoard(), null);
    const used = newBoard();
    const fresh = new Y.Doc();
    const result = expectUnchanged(used, () => importBoard(used, fresh, exported));
    expect(result).toMatchObject({ ok: false, reason: 'invalid-input' });
    expect(fresh.getMap('meta').size).toBe(0);
  });
});

describe('parseBoardExport', () => {
  const valid = () => JSON.parse(JSON.stringify(exportOf(newBoard(), null))) as Record<string, unknown>;
  const withShared = (edit: (shared: Record<string, unknown>) => void) => {
    const json = valid();
    edit(json.shared as Record<string, unknown>);
    return json;
  };

  it.each([
    ['another format', () => ({ ...valid(), format: 'other' }), 'format'],
    ['a later format version', () => ({ ...valid(), formatVersion: 2 }), 'formatVersion'],
    ['a missing board', () => ({ ...valid(), shared: undefined }), 'shared'],
    [
      'half a surrogate pair in a title',
      () => withShared((s) => Object.assign(s.meta as object, { title: '\ud83d' })),
      'shared.meta.title',
    ],
    [
      'a card under another id',
      () => withShared((s) => Object.assign(s, { cards: { x1: { ...cardState('x2') } } })),
      'shared.cards',
    ],
    [
      'a card longer than the limit',
      () =>
        withShared((s) =>
          Object.assign(s, { cards: { x1: { ...cardState('x1'), text: 'x'.repeat(20_001) } } }),
        ),
      'shared.cards.x1.text',
    ],
    [
      'a pair whose cards are missing',
      () =>
        withShared((s) =>
          Object.assign(s, {
            pairs: { p1: { id: 'p1', dangerStatementId: 'a', safetyGoalId: 'b', createdAt: 1 } },
          }),
        ),
      'shared.pairs.p1',
    ],
    [
      'a restricted document with a network',
      () => ({
        ...valid(),
        restricted: {
          ...(valid().shared as object),
          scales: {},
          network: {
            n1: {
              id: 'n1',
              name: 'A',
              relationship: '',
              contact: '',
              agreedTo: '',
              toldAboutWorries: false,
              order: 0,
            },
          },
        },
      }),
      'restricted.network',
    ],
  ])('refuses %s, naming where, never quoting content', (_, make, where) => {
    const result = parseBoardExport(make());
    expect(result).toMatchObject({ ok: false, reason: 'invalid-input' });
    if (!result.ok) {
      expect(result.detail?.startsWith(where)).toBe(true);
      expect(result.detail).not.toContain('xxxx');
    }
  });

  it('refuses what is not an object', () => {
    for (const json of [null, 'text', 42, []]) {
      expect(parseBoardExport(json)).toMatchObject({ ok: false, reason: 'invalid-input' });
    }
  });
});

describe('canonicalJson and contentHash', () => {
  it('sorts keys at every depth, keeps array order and leaves out undefined members', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 'ŵ' }], a: null, c: undefined })).toBe(
      '{"a":null,"b":[3,{"a":"ŵ","z":1}]}',
    );
    expect(canonicalJson({ x: 1, y: { q: 2, p: 1 } })).toBe(canonicalJson({ y: { p: 1, q: 2 }, x: 1 }));
  });

  it('hashes the canonical JSON of the content as UTF-8 with SHA-256', async () => {
    const shared = boardState({ meta: { title: 'Tŷ', createdAt: 1, schemaVersion: 1 }, scales: {} });
    // Computed independently: sha256(json.dumps(..., sort_keys=True, separators=(',', ':'))).
    expect(await contentHash({ shared, restricted: null })).toBe(
      '31c361f08afa87feafdaa4a2c69f12173722fcea6d71419c2df7d2e8a3bd1d80',
    );
  });

  it('gives the same hash for the same content however it was built, and another for other content', async () => {
    const { shared, restricted } = randomBoards(3);
    const content = { shared: readBoard(shared), restricted: readBoard(restricted) };
    const reordered = JSON.parse(canonicalJson(content)) as typeof content;
    const hash = await contentHash(content);
    expect(hash).toMatch(HASH);
    expect(await contentHash(reordered)).toBe(hash);
    unwrap(addCard(shared, practitioner, { category: 'harm', text: 'One more' }));
    expect(await contentHash({ ...content, shared: readBoard(shared) })).not.toBe(hash);
  });
});

describe('boardExportJsonSchema', () => {
  it('describes the export as a JSON Schema with the format pinned', () => {
    const schema = boardExportJsonSchema() as {
      $schema: string;
      properties: Record<string, { const?: unknown }>;
      required: string[];
    };
    expect(schema.$schema).toContain('json-schema.org');
    expect(schema.properties.format?.const).toBe(BOARD_EXPORT_FORMAT);
    expect(schema.properties.formatVersion?.const).toBe(1);
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'format',
        'formatVersion',
        'exportedAt',
        'board',
        'version',
        'meeting',
        'shared',
        'restricted',
      ]),
    );
  });
});
