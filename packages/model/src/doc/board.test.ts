import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard } from '../cards/cards.js';
import { expectUnchanged, newBoard, originsOf, practitioner, unwrap } from '../test-support.js';
import {
  initBoard,
  type Migration,
  migrate,
  readMeta,
  runMigrations,
  SCHEMA_VERSION,
  setTitle,
} from './board.js';
import { Origins } from './origins.js';
import { readBoard } from './read.js';

describe('initBoard', () => {
  it('writes meta, the overall scale and an empty plan', () => {
    const doc = new Y.Doc();
    expect(unwrap(initBoard(doc, { title: 'Smith family', createdAt: 123 }))).toEqual({ created: true });
    const state = readBoard(doc);
    expect(state.meta).toEqual({ title: 'Smith family', createdAt: 123, schemaVersion: SCHEMA_VERSION });
    expect(state.scales).toEqual({ overall: { id: 'overall', mode: 'revealed', ratings: {}, scored: [] } });
    expect(state.plan).toEqual({
      bottomLines: '',
      monitoringWho: '',
      monitoringHowOften: '',
      reviewDate: null,
    });
    expect(doc.getMap('plan').get('bottomLines')).toBeInstanceOf(Y.Text);
  });

  it('leaves an initialised board alone', () => {
    const doc = newBoard();
    const result = expectUnchanged(doc, () => initBoard(doc, { title: 'Other', createdAt: 5 }));
    expect(unwrap(result)).toEqual({ created: false });
    expect(readMeta(doc).title).toBe('Review meeting');
  });

  it('refuses a title over 200 characters and a non-finite time', () => {
    for (const fields of [
      { title: 't'.repeat(201), createdAt: 1 },
      { title: 'ok', createdAt: Number.NaN },
    ]) {
      const doc = new Y.Doc();
      expect(expectUnchanged(doc, () => initBoard(doc, fields))).toMatchObject({ reason: 'invalid-input' });
    }
  });
});

describe('migrate', () => {
  it('leaves a current board alone', () => {
    const doc = newBoard();
    expect(unwrap(expectUnchanged(doc, () => migrate(doc)))).toEqual({
      from: SCHEMA_VERSION,
      to: SCHEMA_VERSION,
    });
  });

  it('leaves an empty document alone (not initialised, or not yet synced)', () => {
    const doc = new Y.Doc();
    expect(unwrap(expectUnchanged(doc, () => migrate(doc)))).toEqual({ from: 0, to: 0 });
  });

  it('upgrades an unversioned board to the current schema, labelled as a migration', () => {
    const doc = new Y.Doc();
    // A board written before versioning: content but no meta, overall scale or plan texts.
    const legacy = newBoard();
    unwrap(addCard(legacy, practitioner, { category: 'harm', text: 'old card' }));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(legacy));
    doc.transact(() => {
      doc.getMap('meta').clear();
      doc.getMap('scales').clear();
      doc.getMap('plan').clear();
    });
    const origins = originsOf(doc, () =>
      expect(unwrap(migrate(doc))).toEqual({ from: 0, to: SCHEMA_VERSION }),
    );
    expect(origins).toEqual([Origins.migration]);
    const state = readBoard(doc);
    expect(state.meta.schemaVersion).toBe(SCHEMA_VERSION);
    expect(Object.keys(state.scales)).toEqual(['overall']);
    expect(state.plan.bottomLines).toBe('');
    expect(Object.values(state.cards).map((c) => c.text)).toEqual(['old card']);
  });

  it('refuses a board from a newer schema and never downgrades it', () => {
    const doc = newBoard();
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    const result = expectUnchanged(doc, () => migrate(doc));
    expect(result).toMatchObject({ ok: false, reason: 'unsupported-schema' });
    expect(readMeta(doc).schemaVersion).toBe(SCHEMA_VERSION + 1);
  });

  it('refuses a schema version that is not a whole number', () => {
    const doc = newBoard();
    doc.getMap('meta').set('schemaVersion', '1');
    expect(expectUnchanged(doc, () => migrate(doc))).toMatchObject({ reason: 'unsupported-schema' });
  });

  it('runs every step in order from the stored version, in one transaction', () => {
    const doc = newBoard();
    const steps: number[] = [];
    const step =
      (from: number): Migration =>
      (d) => {
        steps.push(from);
        d.getMap('meta').set(`step${from}`, readMeta(d).schemaVersion);
      };
    const registry = { 0: step(0), 1: step(1), 2: step(2), 3: step(3) };
    const origins = originsOf(doc, () =>
      expect(unwrap(runMigrations(doc, registry, 4))).toEqual({ from: 1, to: 4 }),
    );
    expect(steps).toEqual([1, 2, 3]);
    // Each step sees the version the previous one left behind.
    expect(doc.getMap('meta').toJSON()).toMatchObject({ step1: 1, step2: 2, step3: 3, schemaVersion: 4 });
    expect(origins).toHaveLength(1);
  });

  it('refuses to start when a step in the chain is missing', () => {
    const doc = newBoard();
    const noop: Migration = () => {};
    expect(expectUnchanged(doc, () => runMigrations(doc, { 1: noop, 3: noop }, 4))).toMatchObject({
      reason: 'unsupported-schema',
    });
  });
});

describe('setTitle and readMeta', () => {
  it('renames the board', () => {
    const doc = newBoard();
    unwrap(setTitle(doc, practitioner, 'Core group, March'));
    expect(readMeta(doc)).toEqual({
      title: 'Core group, March',
      createdAt: 1_000,
      schemaVersion: SCHEMA_VERSION,
    });
  });

  it('refuses a title over 200 characters', () => {
    const doc = newBoard();
    expect(expectUnchanged(doc, () => setTitle(doc, practitioner, 'x'.repeat(201)))).toMatchObject({
      reason: 'invalid-input',
    });
  });

  it('reads defaults from a document without meta', () => {
    expect(readMeta(new Y.Doc())).toEqual({ title: '', createdAt: 0, schemaVersion: 0 });
  });
});
