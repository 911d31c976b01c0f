/** The id the "skip to outline" link moves focus to (own file: the outline itself loads on demand). */
export const OUTLINE_ID = 'outline';
