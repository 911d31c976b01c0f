/** The QR code's quiet zone, in modules (the standard asks for 4 on every side). */
export const QUIET_ZONE = 4;

/**
 * One SVG path drawing the dark modules of a QR code matrix (row by row, runs of dark modules
 * merged into one rectangle), offset by the quiet zone. `size` is the matrix's side in modules.
 * @example qrPath(2, [1, 1, 0, 1]) // 'M4 4h2v1h-2zM5 5h1v1h-1z'
 */
export function qrPath(size: number, dark: ArrayLike<number | boolean>): string {
  let path = '';
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!dark[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && dark[y * size + x]) x++;
      path += `M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h-${x - start}z`;
    }
  }
  return path;
}
