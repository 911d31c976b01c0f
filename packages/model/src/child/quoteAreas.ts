import type { ChildToolArea } from './childToolShape.js';

/**
 * The areas a child's own words on a card may come from (a card's `quote`, [AC52]): every area of
 * the child's houses, once. Not Words and Pictures: the worker writes that for the child. A module
 * of its own: the board's readers need it on the web's first load, the tools' shapes they do not.
 */
export const QUOTE_AREAS = [
  'worries',
  'good',
  'dreams',
  'inside',
  'path',
  'outside',
  'roof',
] as const satisfies readonly ChildToolArea[];
export type QuoteArea = (typeof QUOTE_AREAS)[number];
