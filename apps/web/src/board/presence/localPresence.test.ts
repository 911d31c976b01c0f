import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { publishPresence } from './localPresence';

describe('publishPresence', () => {
  it('sets the fields in one update and keeps the rest of the state', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState({ name: 'Sam', selected: null, editing: null });
    let updates = 0;
    awareness.on('change', () => updates++);
    publishPresence(awareness, { selected: 'c1', editing: 'c1' });
    expect(awareness.getLocalState()).toEqual({ name: 'Sam', selected: 'c1', editing: 'c1' });
    expect(updates).toBe(1);
  });

  it('sends nothing when the values are already there', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState({ name: 'Sam', viewport: { x: 1, y: 2, scale: 1 } });
    let updates = 0;
    awareness.on('update', () => updates++);
    publishPresence(awareness, { viewport: { x: 1, y: 2, scale: 1 } });
    expect(updates).toBe(0);
  });
});
