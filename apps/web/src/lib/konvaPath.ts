import type { Context } from 'konva/lib/Context.js';
import { Factory } from 'konva/lib/Factory.js';
import { _registerNode } from 'konva/lib/Global.js';
import { Shape, type ShapeConfig } from 'konva/lib/Shape.js';

/**
 * React Konva's `<Path data="…">` as the app draws it: the SVG path data handed to the browser's
 * own `Path2D`, instead of Konva's Path, which parses and draws the path itself and with its Bézier
 * code costs ~3.9 KB gzip on a board's first load. It fills and strokes with the shape's usual
 * attributes, on the scene and on the hit canvas. Its box (`getClientRect`, culling) is the `width`
 * and `height` it is given, not measured from the path: the canvas's icons give their 24-unit
 * viewBox (map/CardShape.tsx).
 */
export class Path extends Shape {
  private pathData = '';
  private path: Path2D | null = null;

  /** The path data as the browser's Path2D, made again only when the data changes. */
  drawnPath(): Path2D {
    const data = (this.attrs as { data?: string }).data ?? '';
    if (!this.path || data !== this.pathData) {
      this.path = new Path2D(data);
      this.pathData = data;
    }
    return this.path;
  }

  _sceneFunc(context: Context) {
    context.fillStrokeShape(this);
  }
}

type Native = { _context: CanvasRenderingContext2D };
const proto = Path.prototype as unknown as Record<string, unknown> & { className: string };
proto.className = 'Path';
proto._fillFunc = function fill(this: Path, context: Native) {
  const rule = (this.attrs as { fillRule?: CanvasFillRule }).fillRule;
  context._context.fill(this.drawnPath(), rule);
};
proto._strokeFunc = function stroke(this: Path, context: Native) {
  context._context.stroke(this.drawnPath());
};
proto._fillFuncHit = proto._fillFunc;
proto._strokeFuncHit = proto._strokeFunc;
_registerNode(Path);
// `data()` / `data(value)`, as on Konva's Path.
Factory.addGetterSetter(Path as never, 'data' as never);

export interface PathConfig extends ShapeConfig {
  data?: string;
}
