import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { asParticipantId } from '../doc/ids.js';
import { checkChildUpdate } from './childCheck.js';
import { readChildTool } from './childRead.js';
import { restoreChildTool } from './childRestore.js';
import {
  addSticker,
  addStroke,
  eraseStrokes,
  initChildTool,
  setChildScale,
  setChildWords,
} from './childTool.js';
import type { ChildToolKind } from './childToolShape.js';

// Issue 14: a child's tool brought back as a saved version held it.

function toolDoc(kind: ChildToolKind = 'safety-house', toolId = 'tool1'): Y.Doc {
  const doc = new Y.Doc();
  initChildTool(doc, { kind, toolId, personId: 'jo', createdAt: 5 });
  return doc;
}

const copyOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

describe('restoreChildTool', () => {
  it('brings words, drawings, pictures and the score back to the version, and nothing when already so', () => {
    const doc = toolDoc();
    setChildWords(doc, 'inside', 'Nan and Grandad');
    const kept = addStroke(doc, 'roof', { colour: 'red', width: 0.01, points: [0.1, 0.1, 0.2, 0.2] });
    addSticker(doc, 'outside', { sticker: 'dog', x: 0.5, y: 0.5 });
    setChildScale(doc, 7);
    const version = readChildTool(doc);
    if (version === null) throw new Error('no tool');

    setChildWords(doc, 'inside', 'Nobody');
    if (kept.ok) eraseStrokes(doc, 'roof', [kept.value.strokeId]);
    addStroke(doc, 'roof', { colour: 'blue', width: 0.02, points: [0.3, 0.3, 0.4, 0.4] });
    addSticker(doc, 'outside', { sticker: 'cat', x: 0.2, y: 0.2 });
    setChildScale(doc, 2);
    expect(readChildTool(doc)).not.toEqual(version);

    const restored = restoreChildTool(doc, version);
    expect(restored).toEqual({ ok: true, value: { changed: 4 } });
    expect(readChildTool(doc)).toEqual(version);
    expect(restoreChildTool(doc, version)).toEqual({ ok: true, value: { changed: 0 } });
  });

  it('is a change every other copy takes, and one the server’s check of a child’s tool accepts', () => {
    const server = toolDoc('three-houses');
    setChildWords(server, 'worries', 'shouting');
    const version = readChildTool(server);
    if (version === null) throw new Error('no tool');
    setChildWords(server, 'worries', 'shouting at night');
    const client = copyOf(server);
    const before = Y.encodeStateVector(client);
    restoreChildTool(client, version);
    const update = Y.encodeStateAsUpdate(client, before);
    const shadow = copyOf(server);
    const practitioner = { participantId: asParticipantId('pat'), role: 'practitioner' } as const;
    expect(checkChildUpdate(shadow, update, practitioner).verdict).toEqual({ ok: true });
    Y.applyUpdate(server, update);
    expect(readChildTool(server)?.areas.worries?.words).toBe('shouting');
  });

  it('fills an empty copy of the tool: how a version is read on a screen', () => {
    const doc = toolDoc('three-houses');
    setChildWords(doc, 'dreams', 'a puppy');
    addStroke(doc, 'good', { colour: 'green', width: 0.01, points: [0.5, 0.5, 0.6, 0.6] });
    const version = readChildTool(doc);
    if (version === null) throw new Error('no tool');
    const fresh = toolDoc('three-houses');
    expect(restoreChildTool(fresh, version).ok).toBe(true);
    expect(readChildTool(fresh)).toEqual({ ...version });
  });

  it('refuses another tool, or one not there yet', () => {
    const version = readChildTool(toolDoc('three-houses', 'tool1'));
    if (version === null) throw new Error('no tool');
    expect(restoreChildTool(toolDoc('three-houses', 'tool2'), version)).toMatchObject({ ok: false });
    expect(restoreChildTool(toolDoc('safety-house', 'tool1'), version)).toMatchObject({ ok: false });
    expect(restoreChildTool(new Y.Doc(), version)).toMatchObject({ ok: false, reason: 'not-found' });
  });
});
