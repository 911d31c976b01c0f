/**
 * `react-konva` as the app imports it (vite.config.ts aliases the bare name here): React Konva's
 * core plus only the Konva nodes the app draws, instead of the whole of Konva (the shapes it never
 * draws, its Transformer and twenty image filters cost ~15 KB gzip on first load).
 * Stage, Layer, FastLayer, Group and Shape are in the core (./konvaCore.ts: Konva's core without
 * its Tween). `Path` is the app's own (./konvaPath.ts: the browser's Path2D draws the path data).
 * Drawing a node that is not registered here would silently draw an empty group: add its import
 * below (konvaShapes.test.ts checks that every react-konva name used in src/ is listed).
 */
import 'konva/lib/shapes/Circle';
import 'konva/lib/shapes/Label';
import 'konva/lib/shapes/Line';
import 'konva/lib/shapes/Rect';
import 'konva/lib/shapes/Text';
import './konvaPath';

// Everything react-konva's own entry exports, which is its core's (the alias needs them all).
// biome-ignore lint/performance/noReExportAll: this module stands in for the whole 'react-konva' entry.
export * from 'react-konva/lib/ReactKonvaCore';
