import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ChangeActor } from '../access/permissions.js';
import { asParticipantId } from '../doc/ids.js';
import { checkChildUpdate, childToolProblem } from './childCheck.js';
import { childWordsText, readChildTool } from './childRead.js';
import {
  addSticker,
  addStroke,
  eraseStrokes,
  initChildTool,
  removeStickers,
  setChildScale,
  setChildWords,
} from './childTool.js';
import { CHILD_LIMITS, type ChildToolKind } from './childToolShape.js';

// Issue 14: a child's tool as its own document ([AC50], [AC51]).

const practitioner: ChangeActor = { participantId: asParticipantId('pat'), role: 'practitioner' };
const parent: ChangeActor = { participantId: asParticipantId('mum'), role: 'family' };

function toolDoc(kind: ChildToolKind = 'three-houses'): Y.Doc {
  const doc = new Y.Doc();
  initChildTool(doc, { kind, toolId: 'tool1', personId: 'jo', createdAt: 5 });
  return doc;
}

/** What a client's change to `server`'s copy looks like on the wire. */
function clientUpdate(server: Y.Doc, change: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, before);
}

describe("a child's tool document", () => {
  it('has the areas of its kind, empty, and reads back what was written in each', () => {
    const doc = toolDoc();
    expect(readChildTool(doc)).toEqual({
      kind: 'three-houses',
      toolId: 'tool1',
      personId: 'jo',
      createdAt: 5,
      areas: {
        worries: { words: '', strokes: [], stickers: [] },
        good: { words: '', strokes: [], stickers: [] },
        dreams: { words: '', strokes: [], stickers: [] },
      },
    });
    expect(setChildWords(doc, 'worries', 'When dad shouts').ok).toBe(true);
    expect(setChildWords(doc, 'worries', 'When dad shouts at mum').ok).toBe(true);
    const stroke = addStroke(doc, 'good', { colour: 'green', width: 0.01, points: [0.1, 0.2, 1.5, -3] });
    const sticker = addSticker(doc, 'dreams', { sticker: 'dog', x: 0.5, y: 0.25 });
    const tool = readChildTool(doc);
    expect(tool?.areas.worries?.words).toBe('When dad shouts at mum');
    // Points outside the house are brought to its edge.
    expect(tool?.areas.good?.strokes).toEqual([
      { id: stroke.ok ? stroke.value.strokeId : '', colour: 'green', width: 0.01, points: [0.1, 0.2, 1, 0] },
    ]);
    expect(tool?.areas.dreams?.stickers).toEqual([
      { id: sticker.ok ? sticker.value.stickerId : '', sticker: 'dog', x: 0.5, y: 0.25 },
    ]);
    expect(childToolProblem(doc)).toBeNull();
    if (!stroke.ok || !sticker.ok) throw new Error('not written');
    eraseStrokes(doc, 'good', [stroke.value.strokeId]);
    removeStickers(doc, 'dreams', [sticker.value.stickerId]);
    expect(readChildTool(doc)?.areas.good?.strokes).toEqual([]);
    expect(readChildTool(doc)?.areas.dreams?.stickers).toEqual([]);
  });

  it("gives only the Safety House's path a scale: the child's own, 0–10", () => {
    const house = toolDoc('safety-house');
    expect(Object.keys(readChildTool(house)?.areas ?? {})).toEqual(['inside', 'path', 'outside', 'roof']);
    expect(readChildTool(house)?.areas.path?.scale).toBeNull();
    expect(setChildScale(house, 7).ok).toBe(true);
    expect(readChildTool(house)?.areas.path?.scale).toBe(7);
    for (const bad of [11, -1, 2.5, Number.NaN]) expect(setChildScale(house, bad).ok).toBe(false);
    expect(setChildScale(toolDoc(), 3)).toMatchObject({ ok: false });
  });

  it('refuses what is out of bounds before it touches the document', () => {
    const doc = toolDoc();
    const before = Y.encodeStateAsUpdate(doc);
    expect(setChildWords(doc, 'worries', 'x'.repeat(CHILD_LIMITS.words + 1)).ok).toBe(false);
    expect(setChildWords(doc, 'worries', '\ud800').ok).toBe(false);
    expect(setChildWords(doc, 'attic', 'hi').ok).toBe(false);
    expect(addStroke(doc, 'good', { colour: 'gold' as 'red', width: 0.01, points: [0, 0] }).ok).toBe(false);
    expect(addStroke(doc, 'good', { colour: 'red', width: 1, points: [0, 0] }).ok).toBe(false);
    expect(addStroke(doc, 'good', { colour: 'red', width: 0.01, points: [0] }).ok).toBe(false);
    expect(addStroke(doc, 'good', { colour: 'red', width: 0.01, points: [0, Number.NaN] }).ok).toBe(false);
    const long = Array.from({ length: CHILD_LIMITS.coordinatesPerStroke + 2 }, () => 0.5);
    expect(addStroke(doc, 'good', { colour: 'red', width: 0.01, points: long }).ok).toBe(false);
    expect(addSticker(doc, 'good', { sticker: 'gun' as 'dog', x: 0, y: 0 }).ok).toBe(false);
    expect(addSticker(doc, 'good', { sticker: 'dog', x: 2, y: 0 }).ok).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('caps the drawing per house and per tool', () => {
    const doc = toolDoc();
    const points = Array.from({ length: 40 }, (_, i) => (i % 10) / 10);
    for (let i = 0; i < CHILD_LIMITS.strokesPerArea; i++) {
      expect(addStroke(doc, 'worries', { colour: 'ink', width: 0.01, points: [0.1, 0.1] }).ok).toBe(true);
    }
    expect(addStroke(doc, 'worries', { colour: 'ink', width: 0.01, points }).ok).toBe(false);
    const big = Array.from({ length: CHILD_LIMITS.coordinatesPerStroke }, () => 0.5);
    let added = 0;
    while (addStroke(doc, 'good', { colour: 'ink', width: 0.01, points: big }).ok) added++;
    expect(added).toBeLessThan(CHILD_LIMITS.strokesPerArea);
    expect(childToolProblem(doc)).toBeNull();
  });
});

describe("the server's check of a child's tool ([AC50], [AC51])", () => {
  it('takes staff writing the words, a drawing, a picture and the scale', () => {
    const server = toolDoc('safety-house');
    const update = clientUpdate(server, (client) => {
      setChildWords(client, 'inside', 'Nana and my teacher');
      addStroke(client, 'roof', { colour: 'blue', width: 0.02, points: [0, 0, 0.5, 0.5] });
      addSticker(client, 'path', { sticker: 'star', x: 0.2, y: 0.9 });
      setChildScale(client, 6);
    });
    const shadow = new Y.Doc();
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(server));
    expect(checkChildUpdate(shadow, update, practitioner)).toEqual({ verdict: { ok: true }, intact: true });
    expect(readChildTool(shadow)?.areas.path?.scale).toBe(6);
  });

  it('refuses a parent, even one the child chose to show it to', () => {
    const server = toolDoc();
    const update = clientUpdate(server, (client) => setChildWords(client, 'worries', 'nothing'));
    expect(checkChildUpdate(server, update, parent).verdict).toMatchObject({ ok: false, rule: 'AC50' });
    expect(readChildTool(server)?.areas.worries?.words).toBe('');
  });

  const hostile: Record<string, (client: Y.Doc) => void> = {
    'the meta': (client) => client.getMap('meta').set('personId', 'someone-else'),
    'a top-level type of its own': (client) => client.getMap('cards').set('x', 1),
    'an area the tool does not have': (client) => client.getMap('areas').set('attic', new Y.Map()),
    'a field in an area': (client) =>
      (client.getMap('areas').get('worries') as Y.Map<unknown>).set('secret', 1),
    'words as a plain string': (client) =>
      (client.getMap('areas').get('worries') as Y.Map<unknown>).set('words', 'x'),
    'formatted words': (client) =>
      ((client.getMap('areas').get('worries') as Y.Map<unknown>).get('words') as Y.Text).insert(0, 'hi', {
        bold: true,
      }),
    'too many words': (client) =>
      ((client.getMap('areas').get('worries') as Y.Map<unknown>).get('words') as Y.Text).insert(
        0,
        'x'.repeat(CHILD_LIMITS.words + 1),
      ),
    'a stroke off the palette': (client) =>
      ((client.getMap('areas').get('good') as Y.Map<unknown>).get('strokes') as Y.Array<unknown>).push([
        { id: 's1', colour: '#f00', width: 0.01, points: [0, 0] },
      ]),
    'a stroke outside the house': (client) =>
      ((client.getMap('areas').get('good') as Y.Map<unknown>).get('strokes') as Y.Array<unknown>).push([
        { id: 's1', colour: 'red', width: 0.01, points: [0, 7] },
      ]),
    'a stroke with an extra field': (client) =>
      ((client.getMap('areas').get('good') as Y.Map<unknown>).get('strokes') as Y.Array<unknown>).push([
        { id: 's1', colour: 'red', width: 0.01, points: [0, 0], note: 'Dad hit me' },
      ]),
    'a stroke too long': (client) =>
      ((client.getMap('areas').get('good') as Y.Map<unknown>).get('strokes') as Y.Array<unknown>).push([
        {
          id: 's1',
          colour: 'red',
          width: 0.01,
          points: Array.from({ length: CHILD_LIMITS.coordinatesPerStroke + 2 }, () => 0),
        },
      ]),
    'a picture not in the set': (client) =>
      ((client.getMap('areas').get('dreams') as Y.Map<unknown>).get('stickers') as Y.Array<unknown>).push([
        { id: 'k1', sticker: 'https://evil.example/x.png', x: 0, y: 0 },
      ]),
    'a scale outside the path': (client) =>
      (client.getMap('areas').get('dreams') as Y.Map<unknown>).set('scale', 3),
  };

  for (const [what, write] of Object.entries(hostile)) {
    it(`refuses ${what} from staff too, and leaves the tool as it was`, () => {
      const server = toolDoc();
      setChildWords(server, 'worries', 'kept');
      const update = clientUpdate(server, write);
      const shadow = new Y.Doc();
      Y.applyUpdate(shadow, Y.encodeStateAsUpdate(server));
      const { verdict } = checkChildUpdate(shadow, update, practitioner);
      expect(verdict).toMatchObject({ ok: false, rule: 'AC51' });
      expect(readChildTool(server)?.areas.worries?.words).toBe('kept');
    });
  }

  it('refuses an update that depends on content the tool does not have', () => {
    const server = toolDoc();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    setChildWords(client, 'worries', 'one');
    const skipped = Y.encodeStateVector(client);
    setChildWords(client, 'worries', 'one two');
    const later = Y.encodeStateAsUpdate(client, skipped);
    const { verdict, intact } = checkChildUpdate(server, later, practitioner);
    expect(verdict).toMatchObject({ ok: false, rule: 'AC51' });
    expect(intact).toBe(false);
  });

  it("gives an area's words as the shared text a field binds to, and nothing for an area the tool lacks", () => {
    const doc = toolDoc();
    const text = childWordsText(doc, 'dreams');
    expect(text).toBeInstanceOf(Y.Text);
    setChildWords(doc, 'dreams', 'a dog of my own');
    expect(text?.toString()).toBe('a dog of my own');
    expect(childWordsText(doc, 'dreams')).toBe(text);
    expect(childWordsText(doc, 'roof')).toBeNull();
  });
});
