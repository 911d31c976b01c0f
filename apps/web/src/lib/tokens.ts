/**
 * The design tokens every view shares: colours, type scale, spacing, radii. The same values are
 * CSS custom properties in `tokens.css` (imported first by main.tsx) for the DOM views, and these
 * constants for the canvas (canvas/colors.ts, canvas/boardMetrics.ts). `tokens.test.ts` checks
 * that both say the same and that every text/background pair meets WCAG AA (≥ 4.5:1).
 */

/** Colours, by the CSS custom property name without its `--`. */
export const COLOR = {
  /** Text. */
  ink: '#1f2937',
  'ink-muted': '#4b5563',
  'ink-inverse': '#ffffff',
  /** Surfaces. */
  paper: '#f8fafc',
  surface: '#ffffff',
  'surface-sunken': '#f1f5f9',
  'surface-hover': '#eef2f7',
  line: '#cbd5e1',
  'line-strong': '#64748b',
  /** Actions and focus. */
  accent: '#0b57d0',
  'accent-strong': '#0842a0',
  'accent-soft': '#dbe7fb',
  /** Status: each strong colour carries white text, each soft one dark text of the same hue. */
  danger: '#b91c1c',
  'danger-soft': '#fee2e2',
  'danger-ink': '#7f1d1d',
  success: '#15803d',
  'success-soft': '#dcfce7',
  'success-ink': '#14532d',
  warning: '#b45309',
  'warning-soft': '#fef3c7',
  'warning-ink': '#78350f',
  /** Professionals-only: a slate hatch, a lock, and a label in its own colour. */
  restricted: '#3f3f46',
  'restricted-soft': '#f4f4f5',
  'restricted-hatch': '#a1a1aa',
  /** Role colours: who wrote a card, whose cursor is whose (white text on each). */
  'role-facilitator': '#6d28d9',
  'role-practitioner': '#1d4ed8',
  'role-family': '#b45309',
  'role-network': '#047857',
  'role-viewer': '#4b5563',
  /** Sticky-note tints of the role colours: the card's paper (dark ink on each). */
  'note-facilitator': '#f3ecff',
  'note-practitioner': '#e8f0ff',
  'note-family': '#fff4d6',
  'note-network': '#e3f7ee',
  'note-viewer': '#f1f3f5',
  /** A child's pens (child/pens.ts) that no other colour here gives: drawn, never text. */
  'pen-orange': '#ea580c',
  'pen-yellow': '#eab308',
} as const;

export type ColorToken = keyof typeof COLOR;

/** The type scale in CSS px (at 100%): nothing that carries meaning is smaller than `sm`. */
export const FONT_SIZE = {
  sm: 14,
  md: 16,
  lg: 18,
  xl: 22,
  '2xl': 28,
} as const;

/** The spacing scale in CSS px. */
export const SPACE = {
  1: 4,
  2: 8,
  3: 12,
  4: 16,
  5: 24,
  6: 32,
} as const;

export const RADIUS = {
  sm: 4,
  md: 6,
  lg: 10,
} as const;

export const FONT_FAMILY =
  'system-ui, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", Arial, sans-serif';

/**
 * Text colour on background colour pairs the views use; each must reach WCAG AA for normal text.
 * The test computes every ratio from the table above.
 */
export const TEXT_PAIRS: readonly (readonly [ColorToken, ColorToken])[] = [
  ['ink', 'paper'],
  ['ink', 'surface'],
  ['ink', 'surface-sunken'],
  ['ink', 'surface-hover'],
  ['ink', 'accent-soft'],
  ['ink-muted', 'paper'],
  ['ink-muted', 'surface'],
  ['ink-muted', 'surface-sunken'],
  ['accent', 'surface'],
  ['accent', 'paper'],
  ['ink-inverse', 'accent'],
  ['ink-inverse', 'accent-strong'],
  ['danger', 'surface'],
  ['danger', 'paper'],
  ['danger-ink', 'danger-soft'],
  ['ink-inverse', 'danger'],
  ['success', 'surface'],
  ['success-ink', 'success-soft'],
  ['ink-inverse', 'success'],
  ['warning', 'surface'],
  ['warning-ink', 'warning-soft'],
  ['ink-inverse', 'warning'],
  ['restricted', 'restricted-soft'],
  ['ink-inverse', 'restricted'],
  ['ink', 'restricted-soft'],
  ['ink-inverse', 'role-facilitator'],
  ['ink-inverse', 'role-practitioner'],
  ['ink-inverse', 'role-family'],
  ['ink-inverse', 'role-network'],
  ['ink-inverse', 'role-viewer'],
  ['ink', 'note-facilitator'],
  ['ink', 'note-practitioner'],
  ['ink', 'note-family'],
  ['ink', 'note-network'],
  ['ink', 'note-viewer'],
  ['ink-muted', 'note-facilitator'],
  ['ink-muted', 'note-practitioner'],
  ['ink-muted', 'note-family'],
  ['ink-muted', 'note-network'],
  ['ink-muted', 'note-viewer'],
];

/** The relative luminance of a `#rrggbb` colour (WCAG 2.x). */
export function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error('luminance needs a #rrggbb colour');
  const [r, g, b] = match.slice(1).map((h) => {
    const c = Number.parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
