import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { attachText, isEmptyDoc, replaceText, writeTextField } from './docMaps.js';

describe('attachText', () => {
  it('creates a filled Y.Text in the same update as its parent', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => {
      updates.push(update);
    });
    doc.transact(() => {
      const card = new Y.Map<unknown>();
      doc.getMap('cards').set('c', card);
      attachText(card, 'text', 'hello');
    });
    expect(updates).toHaveLength(1);
    const other = new Y.Doc();
    Y.applyUpdate(other, updates[0] as Uint8Array);
    expect(((other.getMap('cards').get('c') as Y.Map<unknown>).get('text') as Y.Text).toString()).toBe(
      'hello',
    );
  });
});

describe('replaceText', () => {
  it('keeps a concurrent edit made elsewhere in the text', () => {
    const a = new Y.Doc();
    a.getText('t').insert(0, 'Mum calls Gran');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    replaceText(a.getText('t'), 'Mum always calls Gran');
    b.getText('t').insert(14, ' daily');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText('t').toString()).toBe('Mum always calls Gran daily');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });

  it('reports whether anything changed', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    expect(replaceText(text, 'x')).toBe(true);
    expect(replaceText(text, 'x')).toBe(false);
  });
});

describe('writeTextField', () => {
  it('creates the Y.Text when a damaged record lacks it', () => {
    const doc = new Y.Doc();
    const plan = doc.getMap<unknown>('plan');
    doc.transact(() => {
      plan.set('bottomLines', 'plain');
      writeTextField(plan, 'bottomLines', 'fixed');
    });
    expect(plan.get('bottomLines')).toBeInstanceOf(Y.Text);
    expect(String(plan.get('bottomLines'))).toBe('fixed');
  });
});

describe('isEmptyDoc', () => {
  it('is true only when no top-level map has entries', () => {
    const doc = new Y.Doc();
    expect(isEmptyDoc(doc)).toBe(true);
    doc.getMap('network').set('m', 1);
    expect(isEmptyDoc(doc)).toBe(false);
  });
});
