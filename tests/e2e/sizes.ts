/** The three screens every view is looked at on (the brief's sizes): a phone, a laptop, the wall. */
export const SCREEN_SIZES = [
  ['phone', { width: 390, height: 844 }],
  ['laptop', { width: 1400, height: 900 }],
  ['wall', { width: 1920, height: 1080 }],
] as const;
