import { describe, expect, it } from 'vitest';
import {
  type Camera,
  cameraFor,
  clampScale,
  clampToBoard,
  fitBoardWidth,
  fitColumn,
  fitRect,
  fitWidth,
  followerCamera,
  MAX_SCALE,
  MIN_SCALE,
  panBy,
  pinch,
  projectorCamera,
  rectToScreen,
  revealRect,
  toBoard,
  toScreen,
  viewportOf,
  viewRect,
  wheelZoom,
  zoomAround,
  zoomStep,
} from './camera';
import { boardPoint, screenPoint } from './geometry';

const camera: Camera = { scale: 2, x: 50, y: 20 };

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
    const leader = viewportOf({ scale: 1, x: 300, y: 200 }, leaderView);
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
    expect(followerCamera(leader, leaderView)).toEqual({ scale: 1, x: 300, y: 200 });
  });

  it('maps a board rectangle to the screen and the view back to the board', () => {
    expect(rectToScreen({ x: 60, y: 25, width: 10, height: 5 }, camera)).toEqual({
      x: 20,
      y: 10,
      width: 20,
      height: 10,
    });
    const view = { width: 800, height: 600 };
    const seen = viewRect(camera, view);
    expect(seen).toEqual({ x: 50, y: 20, width: 400, height: 300 });
    // The view's corners are the screen's corners.
    expect(toScreen(boardPoint(seen.x + seen.width, seen.y + seen.height), camera)).toEqual({
      x: 800,
      y: 600,
    });
  });

  it('fits a board rectangle letterboxed: wholly in view, centred, touching two opposite edges', () => {
    const view = { width: 1400, height: 800 };
    for (const target of [
      { x: 100, y: 50, width: 3000, height: 500 },
      { x: -40, y: 900, width: 300, height: 2000 },
    ]) {
      const fitted = fitRect(target, view, 0);
      const onScreen = rectToScreen(target, fitted);
      expect(onScreen.x).toBeGreaterThanOrEqual(-1e-6);
      expect(onScreen.y).toBeGreaterThanOrEqual(-1e-6);
      expect(onScreen.x + onScreen.width).toBeLessThanOrEqual(1400 + 1e-6);
      expect(onScreen.y + onScreen.height).toBeLessThanOrEqual(800 + 1e-6);
      const fillsWidth = Math.abs(onScreen.width - 1400) < 1e-6;
      const fillsHeight = Math.abs(onScreen.height - 800) < 1e-6;
      expect(fillsWidth || fillsHeight).toBe(true);
      expect(onScreen.x + onScreen.width / 2).toBeCloseTo(700);
      expect(onScreen.y + onScreen.height / 2).toBeCloseTo(400);
    }
  });

  it('pans with the finger: the board point under it stays under it', () => {
    const under = toBoard(screenPoint(100, 100), camera);
    const moved = panBy(camera, 30, -20);
    expect(toBoard(screenPoint(130, 80), moved)).toEqual(under);
    expect(panBy(camera, Number.NaN, 0)).toEqual(camera);
  });

  it('pinches around the fingers: apart zooms in, the points under them follow', () => {
    const a = screenPoint(100, 100);
    const b = screenPoint(200, 100);
    const underMid = toBoard(screenPoint(150, 100), camera);
    const zoomed = pinch(camera, [a, b], [screenPoint(50, 120), screenPoint(250, 120)]);
    expect(zoomed.scale).toBe(3);
    const nowMid = toBoard(screenPoint(150, 120), zoomed);
    expect(nowMid.x).toBeCloseTo(underMid.x);
    expect(nowMid.y).toBeCloseTo(underMid.y);
    const gentle = pinch({ scale: 1, x: 0, y: 0 }, [a, b], [screenPoint(90, 100), screenPoint(210, 100)]);
    expect(gentle.scale).toBeCloseTo(1.2);
  });

  it('zooms to a column: whole when it fits readably, else full width from its top, never a heading at 300%', () => {
    const view = { width: 1400, height: 800 };
    const short = { x: 900, y: 16, width: 440, height: 500 };
    const whole = fitColumn(short, view);
    const shortOnScreen = rectToScreen(short, whole);
    expect(shortOnScreen.y).toBeGreaterThanOrEqual(0);
    expect(shortOnScreen.y + shortOnScreen.height).toBeLessThanOrEqual(800 + 1e-6);
    expect(whole.scale).toBeCloseTo((800 - 32) / 500);
    const tall = { x: 900, y: 16, width: 440, height: 4000 };
    const top = fitColumn(tall, view);
    expect(top.scale).toBe(1);
    expect(toScreen(boardPoint(900, 16), top).y).toBeCloseTo(16);
    const onScreen = rectToScreen(tall, top);
    expect(onScreen.x).toBeGreaterThanOrEqual(0);
    expect(onScreen.x + onScreen.width).toBeLessThanOrEqual(1400);
    // On a wall's large-text layout (card text 4× as large) a column 3,000 tall reads at 1/4:
    // it is shown whole (at the standard text, from its top).
    const longer = { ...tall, height: 3000 };
    expect(fitColumn(longer, view).scale).toBe(1);
    const large = rectToScreen(longer, fitColumn(longer, view, 16, 0.25));
    expect(large.y).toBeGreaterThanOrEqual(0);
    expect(large.y + large.height).toBeLessThanOrEqual(800 + 1e-6);
    // A column taller than the view but fitting at a readable size is shown whole.
    const medium = { x: 0, y: 0, width: 440, height: 700 };
    const m = rectToScreen(medium, fitColumn(medium, view));
    expect(m.y + m.height).toBeLessThanOrEqual(800 + 1e-6);
  });

  it('reveals a rectangle with the smallest move, and not at all when it is in view', () => {
    const view = { width: 800, height: 600 };
    const start = { scale: 1, x: 0, y: 0 };
    expect(revealRect(start, view, { x: 10, y: 10, width: 100, height: 100 })).toEqual(start);
    const below = revealRect(start, view, { x: 10, y: 900, width: 100, height: 100 });
    expect(below.x).toBe(0);
    expect(below.y).toBe(900 + 100 + 8 - 600);
    const above = revealRect({ scale: 2, x: 0, y: 500 }, view, { x: 10, y: 100, width: 100, height: 50 });
    expect(above.y).toBe(100 - 4);
    const right = revealRect(start, view, { x: 1000, y: 10, width: 100, height: 100 });
    expect(right.x).toBe(1000 + 100 + 8 - 800);
  });

  it('keeps the board on screen: no panning past a large board’s edges, a small one stays in view', () => {
    const view = { width: 800, height: 600 };
    const board = { x: 0, y: 0, width: 2000, height: 3000 };
    const far = clampToBoard({ scale: 1, x: 5000, y: -5000 }, view, board, 0);
    expect(far).toEqual({ scale: 1, x: 1200, y: 0 });
    const small = { x: 0, y: 0, width: 200, height: 100 };
    const away = clampToBoard({ scale: 1, x: 500, y: 500 }, view, small, 0);
    expect(away).toEqual({ scale: 1, x: 0, y: 0 });
    const inside = clampToBoard({ scale: 1, x: -300, y: -200 }, view, small, 0);
    expect(inside).toEqual({ scale: 1, x: -300, y: -200 });
  });
});
