import { describe, expect, it } from 'vitest';
import { type FrameSource, type TweenTarget, tweenTo } from './konvaTween';

/** A node with plain attributes, as Konva's getAttr/setAttr see them. */
function node(attrs: Record<string, number> = {}): TweenTarget & { attrs: Record<string, number> } {
  return {
    attrs,
    getAttr: (name) => attrs[name],
    setAttr: (name, value) => {
      attrs[name] = value;
    },
  };
}

/** Frames driven by hand: `tick(ms)` runs every live step at that elapsed time. */
function manualFrames() {
  const steps = new Set<(ms: number) => boolean>();
  const frames: FrameSource = (step) => {
    steps.add(step);
    return () => steps.delete(step);
  };
  const tick = (ms: number) => {
    for (const step of [...steps]) if (step(ms)) steps.delete(step);
  };
  return { frames, tick, live: () => steps.size };
}

describe('node.to(…) in the app’s Konva (konvaTween.ts)', () => {
  it('moves numbers linearly to the target over the duration, then calls onFinish once', () => {
    const tag = node({ opacity: 1, x: 10 });
    const { frames, tick, live } = manualFrames();
    let finished = 0;
    tweenTo(tag, { opacity: 0, x: 30 }, 2, () => finished++, frames);
    tick(0);
    expect(tag.attrs).toEqual({ opacity: 1, x: 10 });
    tick(500);
    expect(tag.attrs.opacity).toBeCloseTo(0.75);
    expect(tag.attrs.x).toBeCloseTo(15);
    tick(2_500);
    expect(tag.attrs).toEqual({ opacity: 0, x: 30 });
    expect(finished).toBe(1);
    expect(live()).toBe(0);
  });

  it('starts an unset opacity from 1 and other unset numbers from 0', () => {
    const tag = node();
    const { frames, tick } = manualFrames();
    tweenTo(tag, { opacity: 0, y: 8 }, 1, undefined, frames);
    tick(500);
    expect(tag.attrs.opacity).toBeCloseTo(0.5);
    expect(tag.attrs.y).toBeCloseTo(4);
  });

  it('a new tween on the node stops the one it had', () => {
    const tag = node({ opacity: 1 });
    const { frames, tick, live } = manualFrames();
    let firstFinished = false;
    tweenTo(tag, { opacity: 0 }, 1, () => (firstFinished = true), frames);
    tick(500);
    tweenTo(tag, { opacity: 1 }, 1, undefined, frames);
    expect(live()).toBe(1);
    tick(1_000);
    expect(tag.attrs.opacity).toBe(1);
    expect(firstFinished).toBe(false);
  });

  it('a value set by other code while it runs stands: the tween stops', () => {
    const tag = node({ opacity: 1 });
    const { frames, tick, live } = manualFrames();
    tweenTo(tag, { opacity: 0 }, 4, undefined, frames);
    tick(1_000);
    expect(tag.attrs.opacity).toBeCloseTo(0.75);
    tag.attrs.opacity = 1; // the tag is fresh again: node.opacity(1)
    tick(2_000);
    expect(tag.attrs.opacity).toBe(1);
    expect(live()).toBe(0);
  });

  it('a zero duration lands at once', () => {
    const tag = node({ opacity: 1 });
    const { frames, tick } = manualFrames();
    tweenTo(tag, { opacity: 0 }, 0, undefined, frames);
    tick(0);
    expect(tag.attrs.opacity).toBe(0);
  });
});
