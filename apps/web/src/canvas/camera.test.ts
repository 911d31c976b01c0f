import { describe, expect, it } from 'vitest';
import {
  type Camera,
  cameraFor,
  clampScale,
  fitBoardWidth,
  fitRect,
  fitWidth,
  followerCamera,
  MAX_SCALE,
  MIN_SCALE,
  projectorCamera,
  toBoard,
  toScreen,
  viewportOf,
  wheelZoom,
  zoomAround,
  zoomStep,
} from './camera';
import { boardPoint, screenPoint } from './geometry';

const camera: Camera = { scale: 2, scrollLeft: 100, scrollTop: 40 };

describe('camera', () => {
  it('turns screen points into board points and back', () => {
    const board = toBoard(screenPoint(20, 10), camera);
    expect(board).toEqual({ x: 60, y: 25 });
    expect(toScreen(boardPoint(60, 25), camera)).toEqual({ x: 20, y: 10 });
  });

  it('keeps the board point under the mouse in place while zooming', () => {
    const anchor = screenPoint(300, 200);
    const before = toBoard(anchor, camera);
    const zoomed = zoomAround(camera, 3, anchor);
    expect(zoomed.scale).toBe(3);
    const after = toBoard(anchor, zoomed);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('never zooms beyond its limits, whatever the wheel or keys ask', () => {
    expect(clampScale(100)).toBe(MAX_SCALE);
    expect(clampScale(0)).toBe(MIN_SCALE);
    expect(clampScale(Number.NaN)).toBe(1);
    expect(zoomStep(MAX_SCALE, 1)).toBe(MAX_SCALE);
    expect(zoomStep(1, 1)).toBeGreaterThan(1);
    expect(zoomStep(1, -1)).toBeLessThan(1);
    expect(wheelZoom(1, -100)).toBeGreaterThan(1);
    expect(wheelZoom(1, 100)).toBeLessThan(1);
    expect(wheelZoom(1, -1e9)).toBe(MAX_SCALE);
  });

  it('fits a whole rectangle into the view, centred', () => {
    const fitted = fitRect({ x: 0, y: 0, width: 2000, height: 1000 }, { width: 1032, height: 800 }, 16);
    expect(fitted.scale).toBeCloseTo(0.5);
    const topLeft = toScreen(boardPoint(0, 0), fitted);
    const bottomRight = toScreen(boardPoint(2000, 1000), fitted);
    expect(topLeft.x).toBeGreaterThanOrEqual(0);
    expect(bottomRight.x).toBeLessThanOrEqual(1032);
    expect(bottomRight.y).toBeLessThanOrEqual(800);
  });

  it('zooms to a column so it fills the width, from its top', () => {
    const column = { x: 900, y: 16, width: 400, height: 3000 };
    const view = { width: 832, height: 600 };
    const fitted = fitWidth(column, view, 16);
    expect(fitted.scale).toBeCloseTo(2);
    expect(toScreen(boardPoint(900, 16), fitted)).toEqual({ x: 16, y: 16 });
  });

  it('shares a viewport in board coordinates that gives the same camera back', () => {
    expect(cameraFor(viewportOf(camera))).toEqual(camera);
    expect(viewportOf(camera)).toEqual({ x: 50, y: 20, scale: 2 });
  });

  it('shows the middle of the leader’s view larger on the wall screen', () => {
    const leader = { x: 100, y: 200, scale: 1, width: 800, height: 600 };
    const wall = { width: 800, height: 600 };
    const camera = projectorCamera(leader, wall, 1.5);
    expect(camera.scale).toBeCloseTo(1.5);
    const middle = toScreen(boardPoint(500, 500), camera);
    expect(middle.x).toBeCloseTo(400);
    expect(middle.y).toBeCloseTo(300);
  });

  it('shares how much of the board is in view when the view size is known', () => {
    expect(viewportOf(camera, { width: 800, height: 600 })).toEqual({
      x: 50,
      y: 20,
      scale: 2,
      width: 400,
      height: 300,
    });
  });

  it('opens every window on the whole width of the board: the scale differs, the board point does not', () => {
    const card = boardPoint(700, 300);
    for (const width of [1100, 1400, 1920]) {
      const fitted = fitBoardWidth(1400, { width, height: 800 });
      expect(fitted.scale).toBeCloseTo(width / 1400);
      expect(toScreen(boardPoint(1400, 0), fitted).x).toBeCloseTo(width);
      // The same screen fraction of every window shows the same board point.
      const onScreen = toScreen(card, fitted);
      expect(onScreen.x / width).toBeCloseTo(0.5);
      expect(toBoard(onScreen, fitted).y).toBeCloseTo(300);
    }
  });

  it('keeps the board row at the top when the window is resized, and never zooms beyond its limits', () => {
    const fitted = fitBoardWidth(1400, { width: 700, height: 800 }, 600);
    expect(fitted.scale).toBeCloseTo(0.5);
    expect(toBoard(screenPoint(0, 0), fitted).y).toBeCloseTo(600);
    expect(fitBoardWidth(1400, { width: 10, height: 800 }).scale).toBe(MIN_SCALE);
    expect(fitBoardWidth(0, { width: 10_000, height: 800 }).scale).toBe(MAX_SCALE);
  });

  it('shows a follower on a larger screen the same part of the board as the leader, larger', () => {
    const leaderView = { width: 1185, height: 450 };
    const leader = viewportOf({ scale: 1, scrollLeft: 300, scrollTop: 200 }, leaderView);
    const follower = followerCamera(leader, { width: 1785, height: 678 });
    expect(follower.scale).toBeGreaterThan(1.4);
    for (const corner of [boardPoint(300, 200), boardPoint(300 + 1185, 200 + 450)]) {
      const p = toScreen(corner, follower);
      expect(p.x).toBeGreaterThanOrEqual(-0.5);
      expect(p.x).toBeLessThanOrEqual(1785.5);
      expect(p.y).toBeGreaterThanOrEqual(-0.5);
      expect(p.y).toBeLessThanOrEqual(678.5);
    }
    // A screen the same size as the leader's gets exactly the leader's camera.
    expect(followerCamera(leader, leaderView)).toEqual({ scale: 1, scrollLeft: 300, scrollTop: 200 });
  });
});
