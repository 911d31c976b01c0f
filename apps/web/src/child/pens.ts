import { CHILD_LIMITS, type PenColour, type StickerName } from '@kinmap/model';
import type { LucideIcon } from 'lucide-react';
import {
  Cat,
  Cloud,
  CloudRain,
  Dog,
  Flower2,
  Heart,
  House,
  School,
  Star,
  Sun,
  TreeDeciduous,
  Volleyball,
} from 'lucide-react';
import { COLOR, type ColorToken } from '../lib/tokens';

/** Each pen's colour from the design tokens (the DOM swatches use the same CSS variables). */
export const PEN_TOKENS: Readonly<Record<PenColour, ColorToken>> = {
  ink: 'ink',
  red: 'danger',
  orange: 'pen-orange',
  yellow: 'pen-yellow',
  green: 'success',
  blue: 'accent',
  purple: 'role-facilitator',
  brown: 'warning-ink',
};

export const penColour = (colour: PenColour): string => COLOR[PEN_TOKENS[colour]];

/** Three pens, as a share of the area's width (the model keeps them within its bounds). */
export const PEN_WIDTHS = {
  thin: 0.006,
  medium: 0.015,
  thick: 0.035,
} as const satisfies Record<string, number>;
export type PenWidth = keyof typeof PEN_WIDTHS;

/** Within the model's bounds, whatever the table above says. */
export const clampWidth = (width: number): number =>
  Math.min(CHILD_LIMITS.maxWidth, Math.max(CHILD_LIMITS.minWidth, width));

/** The pictures a child can put in a house, from the app's one icon set (model STICKER_ICONS names them for the PDFs). */
export const STICKER_ICONS: Readonly<Record<StickerName, LucideIcon>> = {
  heart: Heart,
  star: Star,
  sun: Sun,
  cloud: Cloud,
  rain: CloudRain,
  home: House,
  school: School,
  dog: Dog,
  cat: Cat,
  ball: Volleyball,
  tree: TreeDeciduous,
  flower: Flower2,
};

/** Each picture's colour, so a sun is yellow and rain blue (drawn, not text). */
export const STICKER_TOKENS: Readonly<Record<StickerName, ColorToken>> = {
  heart: 'danger',
  star: 'pen-yellow',
  sun: 'pen-orange',
  cloud: 'line-strong',
  rain: 'accent',
  home: 'warning-ink',
  school: 'role-practitioner',
  dog: 'warning-ink',
  cat: 'ink-muted',
  ball: 'role-network',
  tree: 'success',
  flower: 'role-facilitator',
};

/** What the pointer does on a drawing surface. */
export type DrawingMode =
  | { readonly kind: 'pen'; readonly colour: PenColour; readonly width: PenWidth }
  | { readonly kind: 'eraser' }
  | { readonly kind: 'sticker'; readonly sticker: StickerName };
