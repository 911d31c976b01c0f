/**
 * How every browser run here starts Debian's Chromium (never a downloaded browser): the browser
 * tests and the canvas benchmark share this. No GPU, so Skia draws in software; the networking
 * flags stop Chromium calling out of this closed network.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
