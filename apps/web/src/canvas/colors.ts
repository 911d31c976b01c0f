import type { Column, Role } from '@kinmap/model';
import { COLOR } from '../lib/tokens';

export { FONT_FAMILY } from '../lib/tokens';

/**
 * The canvas's colours, from the design tokens (lib/tokens.ts, the same values as tokens.css).
 * Role colours mark who wrote a card and whose cursor is whose: white text on each ≥ 4.5:1.
 */
export const ROLE_COLORS: Readonly<Record<Role, string>> = {
  facilitator: COLOR['role-facilitator'],
  practitioner: COLOR['role-practitioner'],
  family: COLOR['role-family'],
  network: COLOR['role-network'],
  viewer: COLOR['role-viewer'],
};

/** A sticky note's paper: a pale tint of its author's role colour (ink on each ≥ 4.5:1). */
export const NOTE_COLORS: Readonly<Record<Role, string>> = {
  facilitator: COLOR['note-facilitator'],
  practitioner: COLOR['note-practitioner'],
  family: COLOR['note-family'],
  network: COLOR['note-network'],
  viewer: COLOR['note-viewer'],
};

/** Pale column backgrounds: the map's three questions stay distinguishable without relying on colour alone. */
export const COLUMN_COLORS: Readonly<
  Record<Column, { readonly background: string; readonly border: string }>
> = {
  worries: { background: '#fdf0ee', border: '#e8b4aa' },
  workingWell: { background: '#eef7ef', border: '#a7d3ad' },
  needsToHappen: { background: '#edf2fb', border: '#a9bfe6' },
};

export const INK = COLOR.ink;
export const INK_MUTED = COLOR['ink-muted'];
export const INK_INVERSE = COLOR['ink-inverse'];
export const CARD_BACKGROUND = COLOR.surface;
export const CARD_BORDER = COLOR.line;
export const SELECTION = COLOR.accent;
/** The child's-words line and its icon ([AC52]): dark blue, ≥ 7:1 on every note's paper. */
export const QUOTE_INK = COLOR['accent-strong'];

/** The badges on a card: each a strong fill with white words and an icon (never colour alone). */
export const BADGE_COLORS = {
  agree: { fill: COLOR.success, ink: COLOR['ink-inverse'] },
  dispute: { fill: COLOR.danger, ink: COLOR['ink-inverse'] },
  restricted: { fill: COLOR.restricted, ink: COLOR['ink-inverse'] },
} as const;

/** A professionals-only card: hatched paper and a dark frame. */
export const RESTRICTED = {
  paper: COLOR['restricted-soft'],
  hatch: COLOR['restricted-hatch'],
  frame: COLOR.restricted,
} as const;
