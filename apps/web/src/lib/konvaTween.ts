/**
 * The small tween behind `node.to(…)` in the app's Konva (konvaCore.ts): numeric attributes move
 * linearly (Konva's default easing) from where they are to the target over `durationSeconds`, then
 * `onFinish` runs. The latest word wins: a new tween on a node stops the one it had, and a value set
 * by other code while a tween runs (a faded tag made fresh again: `node.opacity(1)`) stops it too.
 * Pure apart from the frame source it is given, so it is tested without a canvas (konvaTween.test.ts).
 */
export interface TweenTarget {
  getAttr(name: string): unknown;
  setAttr(name: string, value: number): unknown;
}

/** Calls `step(elapsedMs)` on every frame until it returns true; returns a way to stop early. */
export type FrameSource = (step: (elapsedMs: number) => boolean) => () => void;

const running = new WeakMap<TweenTarget, { stopped: boolean; stop?: () => void }>();

export function tweenTo(
  node: TweenTarget,
  target: Readonly<Record<string, number>>,
  durationSeconds: number,
  onFinish: (() => void) | undefined,
  frames: FrameSource,
): void {
  const previous = running.get(node);
  if (previous) {
    previous.stopped = true;
    previous.stop?.();
  }
  const state: { stopped: boolean; stop?: () => void } = { stopped: false };
  running.set(node, state);
  const from = new Map<string, number>();
  const last = new Map<string, number>();
  for (const key of Object.keys(target)) {
    const now = node.getAttr(key);
    const start = typeof now === 'number' ? now : key === 'opacity' ? 1 : 0;
    from.set(key, start);
    last.set(key, start);
  }
  const durationMs = Math.max(0, durationSeconds * 1000);
  const end = () => {
    state.stopped = true;
    if (running.get(node) === state) running.delete(node);
  };
  state.stop = frames((elapsedMs) => {
    if (state.stopped) return true;
    // Someone else set one of the attributes since the last frame: theirs stands.
    for (const [key, value] of last) {
      const now = node.getAttr(key);
      if ((typeof now === 'number' ? now : key === 'opacity' ? 1 : 0) !== value) {
        end();
        return true;
      }
    }
    const progress = durationMs === 0 ? 1 : Math.min(1, Math.max(0, elapsedMs / durationMs));
    for (const [key, start] of from) {
      const value = start + ((target[key] ?? start) - start) * progress;
      last.set(key, value);
      node.setAttr(key, value);
    }
    if (progress < 1) return false;
    end();
    onFinish?.();
    return true;
  });
}
