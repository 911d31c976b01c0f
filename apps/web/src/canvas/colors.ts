import type { Column, Role } from '@kinmap/model';

/**
 * Role colours mark who wrote a card and whose cursor is whose. Each is dark enough for
 * white text on it and for a thin stripe on a light card (contrast ≥ 4.5:1 against white).
 */
export const ROLE_COLORS: Readonly<Record<Role, string>> = {
  facilitator: '#6d28d9',
  practitioner: '#1d4ed8',
  family: '#b45309',
  network: '#047857',
  viewer: '#4b5563',
};

/** Pale column backgrounds: the map's three questions stay distinguishable without relying on colour alone. */
export const COLUMN_COLORS: Readonly<
  Record<Column, { readonly background: string; readonly border: string }>
> = {
  worries: { background: '#fdf0ee', border: '#e8b4aa' },
  workingWell: { background: '#eef7ef', border: '#a7d3ad' },
  needsToHappen: { background: '#edf2fb', border: '#a9bfe6' },
};

export const INK = '#1f2937';
export const INK_MUTED = '#4b5563';
export const CARD_BACKGROUND = '#ffffff';
export const CARD_BORDER = '#cbd5e1';
export const SELECTION = '#0b57d0';
export const FONT_FAMILY =
  'system-ui, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", Arial, sans-serif';
