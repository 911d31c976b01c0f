import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { QUIET_ZONE, qrPath } from './qrPath';

describe('qrPath', () => {
  it('merges runs of dark modules into rectangles, offset by the quiet zone', () => {
    expect(qrPath(2, [1, 1, 0, 1])).toBe('M4 4h2v1h-2zM5 5h1v1h-1z');
    expect(qrPath(2, [0, 0, 0, 0])).toBe('');
  });

  it('draws exactly the dark modules of a real invite link’s code', () => {
    const { modules } = QRCode.create(`https://kinmap.example/join#invite=${'A'.repeat(43)}`, {
      errorCorrectionLevel: 'M',
    });
    const path = qrPath(modules.size, modules.data);
    let drawn = 0;
    for (const [, w] of path.matchAll(/M\d+ \d+h(\d+)/g)) drawn += Number(w);
    const dark = Array.from(modules.data).filter(Boolean).length;
    expect(drawn).toBe(dark);
    expect(path.startsWith(`M${QUIET_ZONE} ${QUIET_ZONE}h7`)).toBe(true); // the finder pattern's top row
  });
});
