/**
 * The child's own tools (issue 14, docs/PROTOCOL.md "A child's tool"): Three Houses, Wizards and
 * Fairies and the Safety House; and those written for the child: Words and Pictures, and the safety
 * plan for the child (issue 15). Each tool is its own Yjs document in its own room, so that the
 * server can keep it from everyone the child has not chosen ([AC50], [AC51], [CT1]–[CT4]).
 */

/** Which document a room holds: the board's shared or restricted one, or one child's tool. */
export type RoomDocument = 'shared' | 'restricted' | 'child';

export const CHILD_TOOL_KINDS = [
  'three-houses',
  'wizards-fairies',
  'safety-house',
  'words-pictures',
  'child-safety-plan',
] as const;
export type ChildToolKind = (typeof CHILD_TOOL_KINDS)[number];

/** The parts of each tool, in the order they are shown. */
export const CHILD_TOOL_AREAS = Object.freeze({
  'three-houses': ['worries', 'good', 'dreams'],
  // The same three questions for younger children: the Grey Wizard, the Fairy, the dreams.
  'wizards-fairies': ['worries', 'good', 'dreams'],
  // Inside: who keeps me safe; the path: where I am (my scale); outside: who must not be there; the roof: the rules.
  'safety-house': ['inside', 'path', 'outside', 'roof'],
  // Words and Pictures: the explanation for the child, drafted by the worker and agreed with each parent.
  'words-pictures': ['worried', 'happened', 'now'],
  // The safety plan for the child (issue 15): how the child will know — who keeps them safe, what
  // will be different, and who they can tell if they are worried. Written for the child, with pictures.
  'child-safety-plan': ['helpers', 'different', 'tell'],
} as const satisfies Record<ChildToolKind, readonly string[]>);
export type ChildToolArea = (typeof CHILD_TOOL_AREAS)[ChildToolKind][number];

/** The area whose `scale` is the child's own 0–10 score (the Safety House's path). */
export const SCALE_AREA = 'path';

/** Who sees a child's tool, chosen with the child (the server enforces it, [CT3]). */
export const CHILD_TOOL_VISIBILITIES = ['worker', 'named', 'meeting', 'wall'] as const;
export type ChildToolVisibility = (typeof CHILD_TOOL_VISIBILITIES)[number];

/** The pen's colours, by name (the web draws each from its design tokens). */
export const PEN_COLOURS = ['ink', 'red', 'orange', 'yellow', 'green', 'blue', 'purple', 'brown'] as const;
export type PenColour = (typeof PEN_COLOURS)[number];

/** The small set of pictures a child can put in a house. */
export const STICKERS = [
  'heart',
  'star',
  'sun',
  'cloud',
  'rain',
  'home',
  'school',
  'dog',
  'cat',
  'ball',
  'tree',
  'flower',
] as const;
export type StickerName = (typeof STICKERS)[number];

/** The Lucide icon (kebab-case name) each picture is drawn with, on screen and in the PDFs alike. */
export const STICKER_ICONS = Object.freeze({
  heart: 'heart',
  star: 'star',
  sun: 'sun',
  cloud: 'cloud',
  rain: 'cloud-rain',
  home: 'house',
  school: 'school',
  dog: 'dog',
  cat: 'cat',
  ball: 'volleyball',
  tree: 'tree-deciduous',
  flower: 'flower-2',
} as const satisfies Record<StickerName, string>);

/** The stages of Words and Pictures, in order (the server derives the stage from what was done). */
export const WORDS_PICTURES_STAGES = [
  'draft',
  'with-parents',
  'agreed',
  'with-child',
  'left-with-child',
] as const;
export type WordsPicturesStage = (typeof WORDS_PICTURES_STAGES)[number];

/**
 * Every drawing surface is this much wider than it is high (4:3), on every screen and in the PDFs,
 * so that points in 0–1 across and 0–1 down land in the same place everywhere.
 */
export const DRAWING_ASPECT = 4 / 3;

export const CHILD_LIMITS = Object.freeze({
  /** The child's words in one area, in UTF-16 code units. */
  words: 5_000,
  strokesPerArea: 300,
  /** Coordinates of one stroke (x, y, x, y, …): 1,000 points. */
  coordinatesPerStroke: 2_000,
  /** Coordinates of every stroke of one tool together. */
  coordinatesPerTool: 120_000,
  stickersPerArea: 40,
  /** A pen's width as a share of the area's width. */
  minWidth: 0.002,
  maxWidth: 0.06,
  scale: 10,
});

/** One pen stroke, in the area's own units: 0–1 across and 0–1 down. */
export interface Stroke {
  readonly id: string;
  readonly colour: PenColour;
  readonly width: number;
  /** x0, y0, x1, y1, …: at least one point. */
  readonly points: readonly number[];
}

export interface Sticker {
  readonly id: string;
  readonly sticker: StickerName;
  /** The picture's centre, 0–1 across and down the area. */
  readonly x: number;
  readonly y: number;
}

export interface ChildAreaState {
  readonly words: string;
  readonly strokes: readonly Stroke[];
  readonly stickers: readonly Sticker[];
  /** The Safety House's path only: the child's own score, 0–10, or null before they chose. */
  readonly scale?: number | null;
}

export interface ChildToolState {
  readonly kind: ChildToolKind;
  readonly toolId: string;
  readonly personId: string;
  readonly createdAt: number;
  readonly areas: Readonly<Record<string, ChildAreaState>>;
}

/** The keys of an area's map. */
export const AREA_KEYS = ['words', 'strokes', 'stickers', 'scale'] as const;
export const META_KEYS = ['kind', 'toolId', 'personId', 'createdAt', 'schemaVersion'] as const;
/** The only top-level types of a tool document. */
export const CHILD_TOP_LEVEL = ['meta', 'areas'] as const;

/** The tools written *for* the child by the worker and the family, rather than the child's own words. */
export const FOR_THE_CHILD: readonly ChildToolKind[] = ['words-pictures', 'child-safety-plan'];
export const isForTheChild = (kind: ChildToolKind): boolean => FOR_THE_CHILD.includes(kind);

export const isChildToolKind = (value: unknown): value is ChildToolKind =>
  typeof value === 'string' && (CHILD_TOOL_KINDS as readonly string[]).includes(value);
export const isChildToolVisibility = (value: unknown): value is ChildToolVisibility =>
  typeof value === 'string' && (CHILD_TOOL_VISIBILITIES as readonly string[]).includes(value);
export const areasOf = (kind: ChildToolKind): readonly string[] => CHILD_TOOL_AREAS[kind];
