import type { LucideIconData } from 'lucide-react';
import { __iconData as baby } from 'lucide-react/icons/baby';
import { __iconData as lock } from 'lucide-react/icons/lock';
import { __iconData as thumbsDown } from 'lucide-react/icons/thumbs-down';
import { __iconData as thumbsUp } from 'lucide-react/icons/thumbs-up';

// Each lucide-react icon module also exports the drawing it is made from (its `__iconData`); the
// package's typings declare only the component (one declaration file for every icon module), so the
// drawing's type is added to it here, once.
declare module 'lucide-react/icons/lock' {
  export const __iconData: import('lucide-react').LucideIconData;
}

/**
 * The canvas's icons, from the one icon set the DOM views use (lucide-react): the same drawings,
 * turned into SVG path data that Konva's Path draws (24-unit viewBox, stroked, round caps).
 */

function toPathData(icon: LucideIconData): string {
  const parts: string[] = [];
  for (const [tag, attrs] of icon.node) {
    const a = attrs as Record<string, string | number | undefined>;
    const n = (key: string) => Number(a[key] ?? 0);
    if (tag === 'path' && typeof a.d === 'string') parts.push(a.d);
    else if (tag === 'rect') {
      const [x, y, w, h, r] = [n('x'), n('y'), n('width'), n('height'), n('rx')];
      parts.push(
        `M${x + r} ${y}H${x + w - r}a${r} ${r} 0 0 1 ${r} ${r}V${y + h - r}a${r} ${r} 0 0 1 ${-r} ${r}` +
          `H${x + r}a${r} ${r} 0 0 1 ${-r} ${-r}V${y + r}a${r} ${r} 0 0 1 ${r} ${-r}Z`,
      );
    } else if (tag === 'circle') {
      const [cx, cy, r] = [n('cx'), n('cy'), n('r')];
      parts.push(`M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`);
    } else if (tag === 'line') {
      parts.push(`M${n('x1')} ${n('y1')}L${n('x2')} ${n('y2')}`);
    }
  }
  return parts.join(' ');
}

export const CANVAS_ICONS = {
  agree: toPathData(thumbsUp),
  dispute: toPathData(thumbsDown),
  restricted: toPathData(lock),
  /** A child's own words on a card ([AC52]). */
  child: toPathData(baby),
} as const;

export type CanvasIcon = keyof typeof CANVAS_ICONS;

/** The icons' drawing size (the lucide viewBox). */
export const ICON_VIEWBOX = 24;
