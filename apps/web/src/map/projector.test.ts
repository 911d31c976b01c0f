import { type Actor, addCard, initBoard, type ParticipantId, readBoard } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isProjectorLink, projectorBoard } from './projector';

describe('projector', () => {
  it('opens from ?projector in the address, with or without a value', () => {
    expect(isProjectorLink('?projector')).toBe(true);
    expect(isProjectorLink('?projector=1&x=2')).toBe(true);
    expect(isProjectorLink('')).toBe(false);
    expect(isProjectorLink('?project')).toBe(false);
  });

  it('never shows a professionals-only card, even from a facilitator’s screen', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Case', createdAt: 1 });
    const actor: Actor = { participantId: 'f' as ParticipantId, role: 'facilitator' };
    addCard(doc, actor, { category: 'harm', text: 'open' });
    addCard(doc, actor, { category: 'harm', text: 'private', professionalsOnly: true });
    const shown = Object.values(projectorBoard(readBoard(doc)).cards).map((c) => c.text);
    expect(shown).toEqual(['open']);
  });
});
