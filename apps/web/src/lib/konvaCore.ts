/**
 * `konva/lib/Core.js` as the app builds it (vite.config.ts aliases it here; React Konva's core
 * imports it): Konva's core without its Tween class and easing functions (~2.4 KB gzip on a
 * board's first load). The one thing the app animated with them, `node.to({ attr: n, duration })`,
 * is `tweenTo` below: numbers only, linear, as Konva's default easing. Everything else is the same
 * list as Konva's own `_CoreInternals.js`.
 */
import { Animation } from 'konva/lib/Animation.js';
import { Canvas } from 'konva/lib/Canvas.js';
import { Container } from 'konva/lib/Container.js';
import { Context } from 'konva/lib/Context.js';
import { DD } from 'konva/lib/DragAndDrop.js';
import { FastLayer } from 'konva/lib/FastLayer.js';
import { Konva as Global } from 'konva/lib/Global.js';
import { Group } from 'konva/lib/Group.js';
import { Layer } from 'konva/lib/Layer.js';
import { Node } from 'konva/lib/Node.js';
import { Shape, shapes } from 'konva/lib/Shape.js';
import { Stage, stages } from 'konva/lib/Stage.js';
import { Transform, Util } from 'konva/lib/Util.js';
import { type TweenTarget, tweenTo } from './konvaTween';

/** What `node.to(…)` takes here: numeric attributes, `duration` in seconds, `onFinish`. */
interface ToParams {
  readonly duration?: number;
  readonly onFinish?: () => void;
  readonly [attr: string]: unknown;
}

// `node.to` as Konva's Tween.js defines it, on the small tween.
(Node.prototype as unknown as { to(params: ToParams): void }).to = function to(this: Node, params: ToParams) {
  const { duration, onFinish, easing: _easing, node: _node, ...attrs } = params;
  const target: Record<string, number> = {};
  for (const [key, value] of Object.entries(attrs)) if (typeof value === 'number') target[key] = value;
  tweenTo(this as unknown as TweenTarget, target, duration ?? 1, onFinish, (step) => {
    const layer = this.getLayer();
    const animation = new Animation(
      (frame) => {
        if (frame && step(frame.time)) animation.stop();
      },
      layer ? [layer] : [],
    );
    animation.start();
    return () => animation.stop();
  });
};

export const Konva = Util._assign(Global, {
  beginUpdateBatch: (Node as unknown as { _beginUpdateBatch: unknown })._beginUpdateBatch,
  Util,
  Transform,
  Node,
  Container,
  Stage,
  stages,
  Layer,
  FastLayer,
  Group,
  DD,
  Shape,
  shapes,
  Animation,
  Context,
  Canvas,
});
export default Konva;
