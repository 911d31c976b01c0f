import { type BoardDiff, diffBoards, initBoard, readBoard } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { layoutBoard } from '../canvas/boardLayout';
import { board, card, measure } from '../canvas/layoutFixture';
import { compareBoard, personOf, scaleName } from '../versions/compare';
import { mergeBoards } from './bothDocuments';
import { visibleBoard } from './visibility';

/**
 * Card, pair and person ids `__proto__` and `constructor`: the web's readers key by id without a
 * prototype (or with Maps), so such a card is drawn, merged, compared and hidden like any other.
 */
const ODD = ['__proto__', 'constructor'];
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('web readers with ids __proto__ and constructor', () => {
  it('lays out cards under those ids read from a document', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Case', createdAt: 1 });
    doc.transact(() => {
      for (const [i, id] of ODD.entries()) {
        const map = new Y.Map<unknown>();
        doc.getMap<unknown>('cards').set(id, map);
        const fields = {
          id,
          category: 'harm',
          authorId: 'p1',
          authorRole: 'family',
          createdAt: 1,
          updatedAt: 1,
        };
        for (const [key, value] of Object.entries({
          ...fields,
          order: i,
          professionalsOnly: false,
          pairId: null,
        }))
          map.set(key, value);
        map.set('text', new Y.Text(`card ${id}`));
      }
    });
    const layout = layoutBoard(readBoard(doc), { width: 1400, height: 900 }, measure);
    expect(Object.keys(layout.cards).sort()).toEqual([...ODD].sort());
  });

  it('merges a restricted card named __proto__ into the professional view', () => {
    const shared = plain(board([card('a', 'harm', 0, 'shared')]));
    const restricted = plain(board([card('__proto__', 'harm', 1, 'restricted')]));
    const merged = mergeBoards(shared, restricted);
    expect(Object.keys(merged.cards).sort()).toEqual(['__proto__', 'a']);
    expect(Object.hasOwn(merged.cards, '__proto__')).toBe(true);
  });

  it('keeps a removed card named __proto__ as a ghost in the comparison', () => {
    const before = board([card('__proto__', 'harm', 0, 'gone'), card('b', 'harm', 1, 'stays')]);
    const after = plain(board([card('b', 'harm', 1, 'stays')]));
    const diff: BoardDiff = diffBoards(before, after);
    expect(Object.keys(compareBoard(after, diff).cards).sort()).toEqual(['__proto__', 'b']);
  });

  it('knows no person and no pair called constructor when neither side has one', () => {
    const side = plain({ ...board([]), participants: {}, pairs: {} });
    expect(personOf('constructor', side, side)).toBeNull();
    expect(scaleName('constructor', side, side)).toEqual({ kind: 'pair', number: null, dangerStatement: '' });
  });

  it('hides a professionals-only card named constructor from the family', () => {
    const state = plain(board([{ ...card('constructor', 'harm', 0, 'secret'), professionalsOnly: true }]));
    const visible = visibleBoard(state, 'family');
    expect(Object.keys(visible.cards)).toEqual([]);
    expect(Object.hasOwn(visible.cards, 'constructor')).toBe(false);
    expect((visible.cards as Record<string, unknown>).constructor).toBeUndefined();
  });
});
