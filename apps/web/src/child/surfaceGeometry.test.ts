import type { Sticker, Stroke } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import {
  extendStroke,
  keyboardStickerSpot,
  pointsToScreen,
  screenPoint,
  segmentDistance,
  stickersCrossed,
  strokesCrossed,
  surfaceSize,
  toScreen,
  toUnit,
  unitPoint,
} from './surfaceGeometry';

const size = surfaceSize(400); // 400 × 300

const stroke = (id: string, points: number[], width = 0.01): Stroke => ({ id, colour: 'ink', width, points });

describe('the drawing surface: pointer positions and the area’s units', () => {
  it('has the same 4:3 shape at every width, and never a size of 0', () => {
    expect(surfaceSize(400)).toEqual({ width: 400, height: 300 });
    expect(surfaceSize(1023.6)).toEqual({ width: 1023, height: 767 });
    expect(surfaceSize(0)).toEqual({ width: 1, height: 1 });
  });

  it('maps a pointer position to 0–1 across and down, and back to the same pixel', () => {
    const unit = toUnit(screenPoint(100, 150), size);
    expect(unit).toEqual({ x: 0.25, y: 0.5 });
    expect(toScreen(unit, size)).toEqual({ x: 100, y: 150 });
    // The same point of the area on a phone's smaller surface.
    expect(toScreen(unit, surfaceSize(200))).toEqual({ x: 50, y: 75 });
  });

  it('keeps a pointer dragged off the paper at its edge', () => {
    expect(toUnit(screenPoint(-20, 400), size)).toEqual({ x: 0, y: 1 });
    expect(toUnit(screenPoint(Number.NaN, 30), size)).toEqual({ x: 0, y: 0.1 });
  });

  it('turns a stroke’s flat unit points into pixels, x by the width and y by the height', () => {
    expect(pointsToScreen([0, 0, 0.5, 0.5, 1, 1], size)).toEqual([0, 0, 200, 150, 400, 300]);
  });

  it('moves the pen on only once it is a pixel and a half from its last point', () => {
    const points: number[] = [];
    expect(extendStroke(points, screenPoint(100, 150), size)).toBe(true);
    expect(extendStroke(points, screenPoint(101, 150.5), size)).toBe(false);
    expect(extendStroke(points, screenPoint(102, 150), size)).toBe(true);
    expect(points).toEqual([0.25, 0.5, 0.255, 0.5]);
  });
});

describe('the rubber', () => {
  it('measures the distance between two segments, 0 when they cross', () => {
    expect(segmentDistance({ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }, { x: 10, y: 0 })).toBe(0);
    expect(segmentDistance({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 0, y: 5 }, { x: 10, y: 5 })).toBe(5);
    expect(segmentDistance({ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 3, y: 4 }, { x: 3, y: 4 })).toBe(5);
  });

  it('removes a stroke its drag crosses, even between two of the stroke’s points', () => {
    // A line across the middle of the paper, from left to right; the rubber goes down through it.
    const across = stroke('across', [0.1, 0.5, 0.9, 0.5]);
    const hit = strokesCrossed([across], screenPoint(200, 10), screenPoint(200, 290), size, 2);
    expect(hit).toEqual(['across']);
  });

  it('leaves a stroke the drag passes beside, and takes the pen’s width and the rubber’s reach into account', () => {
    const across = stroke('across', [0.1, 0.5, 0.9, 0.5], 0.02); // 8 px wide: its edge is 4 px off centre
    const from = screenPoint(50, 140); // the rubber's path is 10 px above the line's centre
    const to = screenPoint(350, 140);
    expect(strokesCrossed([across], from, to, size, 5)).toEqual([]);
    expect(strokesCrossed([across], from, to, size, 6)).toEqual(['across']);
  });

  it('measures on the screen, so a tall area’s units do not count as wide ones', () => {
    // 0.1 down is 30 px on a 400 × 300 surface, 0.1 across is 40 px.
    const dot = stroke('dot', [0.5, 0.5], 0.002);
    expect(strokesCrossed([dot], screenPoint(200, 150 - 31), screenPoint(200, 150 - 31), size, 31)).toEqual([
      'dot',
    ]);
    expect(strokesCrossed([dot], screenPoint(200 - 35, 150), screenPoint(200 - 35, 150), size, 31)).toEqual(
      [],
    );
  });

  it('finds, in one drag, every stroke it crosses and only those', () => {
    const strokes = [
      stroke('left', [0.1, 0.1, 0.1, 0.9]),
      stroke('middle', [0.5, 0.1, 0.5, 0.9]),
      stroke('right', [0.9, 0.1, 0.9, 0.9]),
      stroke('top', [0.2, 0.05, 0.8, 0.05]),
    ];
    const hit = strokesCrossed(strokes, screenPoint(20, 150), screenPoint(250, 150), size, 4);
    expect(hit).toEqual(['left', 'middle']);
  });

  it('rubs out a picture it passes over', () => {
    const stickers: Sticker[] = [
      { id: 'dog', sticker: 'dog', x: 0.5, y: 0.5 },
      { id: 'sun', sticker: 'sun', x: 0.9, y: 0.1 },
    ];
    expect(stickersCrossed(stickers, screenPoint(200, 150), screenPoint(200, 150), size, 4)).toEqual(['dog']);
    expect(stickersCrossed(stickers, screenPoint(10, 290), screenPoint(20, 280), size, 4)).toEqual([]);
  });
});

describe('a picture put in with the keyboard', () => {
  it('goes round the middle of the area, never twice on the same spot, always inside it', () => {
    const spots = Array.from({ length: 40 }, (_, i) => keyboardStickerSpot(i));
    expect(spots[0]).toEqual(unitPoint(0.5, 0.5));
    expect(new Set(spots.map((s) => `${s.x.toFixed(3)},${s.y.toFixed(3)}`)).size).toBe(40);
    for (const spot of spots) {
      expect(spot.x).toBeGreaterThanOrEqual(0);
      expect(spot.x).toBeLessThanOrEqual(1);
      expect(spot.y).toBeGreaterThanOrEqual(0);
      expect(spot.y).toBeLessThanOrEqual(1);
    }
  });
});
