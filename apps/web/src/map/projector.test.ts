import { type Actor, addCard, initBoard, type ParticipantId, readBoard } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { layoutBoard } from '../canvas/boardLayout';
import { frameAnchors } from '../canvas/frame';
import { board, card, measure } from '../canvas/layoutFixture';
import { isProjectorLink, leaderCamera, projectorBoard } from './projector';

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

  it('letterboxes the facilitator’s frame on the wall: every card they see in full is in full there', () => {
    const cards = Array.from({ length: 21 }, (_, i) =>
      card(`c${i}`, i % 2 ? 'harm' : 'complicatingFactor', i, `Card ${i}`),
    );
    const state = board(cards);
    const laptop = layoutBoard(state, { width: 1400, height: 900 }, measure);
    const view = { x: 0, y: 0, width: 500, height: 700 };
    const frame = frameAnchors(laptop, view);
    const wallView = { width: 1920, height: 1080 };
    const wallLayout = layoutBoard(projectorBoard(state), wallView, measure);
    const camera = leaderCamera(wallLayout, { frame, viewport: null }, wallView, true);
    if (!camera) throw new Error('no camera');
    for (const id of Object.keys(laptop.cards)) {
      const r = laptop.cards[id]?.rect;
      if (!r || r.x < 0 || r.y + r.height > view.height || r.x + r.width > view.width) continue;
      const there = wallLayout.cards[id]?.rect;
      if (!there) throw new Error('missing on the wall');
      const top = (there.y - camera.y) * camera.scale;
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top + there.height * camera.scale).toBeLessThanOrEqual(wallView.height);
    }
  });

  it('follows an older client’s raw viewport only where coordinates are shared (not on a phone)', () => {
    const phone = layoutBoard(board([]), { width: 390, height: 844 }, measure);
    const leader = { frame: null, viewport: { x: 10, y: 10, scale: 1 } };
    expect(leaderCamera(phone, leader, { width: 390, height: 600 }, false)).toBeNull();
  });

  it('a follower with the same board copies the leader’s view exactly (not letterboxed)', () => {
    const state = board([card('a', 'harm', 0, 'One')]);
    const laptop = layoutBoard(state, { width: 1400, height: 900 }, measure);
    const viewport = { x: 100, y: 50, scale: 2, width: 600, height: 400 };
    const frame = frameAnchors(laptop, { x: 100, y: 50, width: 600, height: 400 });
    const camera = leaderCamera(laptop, { frame, viewport }, { width: 1200, height: 800 }, false);
    expect(camera).toEqual({ scale: 2, x: 100, y: 50 });
  });
});
