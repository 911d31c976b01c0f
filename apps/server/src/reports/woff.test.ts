import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isWoff, woffToSfnt } from './woff.js';

const require = createRequire(import.meta.url);
const WOFF = readFileSync(
  require.resolve('@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff'),
);
const TTF = readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));

/** The tables of an sfnt by tag, as stored. */
function sfntTables(font: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < font.readUInt16BE(4); i += 1) {
    const record = 12 + i * 16;
    const offset = font.readUInt32BE(record + 8);
    tables.set(
      font.toString('latin1', record, record + 4),
      font.subarray(offset, offset + font.readUInt32BE(record + 12)),
    );
  }
  return tables;
}

describe('woffToSfnt', () => {
  it('unpacks every table of a WOFF font into a TrueType file, byte for byte', () => {
    const sfnt = woffToSfnt(WOFF);
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000);
    const numTables = WOFF.readUInt16BE(12);
    expect(sfnt.readUInt16BE(4)).toBe(numTables);
    const tables = sfntTables(sfnt);
    for (let i = 0; i < numTables; i += 1) {
      const entry = 44 + i * 20;
      const tag = WOFF.toString('latin1', entry, entry + 4);
      const offset = WOFF.readUInt32BE(entry + 4);
      const compLength = WOFF.readUInt32BE(entry + 8);
      const origLength = WOFF.readUInt32BE(entry + 12);
      const stored = WOFF.subarray(offset, offset + compLength);
      const expected = compLength < origLength ? inflateSync(stored) : stored;
      expect(tables.get(tag)?.equals(expected), tag).toBe(true);
    }
    // The table directory is sorted by tag and every table starts on a 4-byte boundary.
    const tags = [...tables.keys()];
    expect(tags).toEqual([...tags].sort());
    for (let i = 0; i < numTables; i += 1) expect(sfnt.readUInt32BE(12 + i * 16 + 8) % 4).toBe(0);
  });

  it('tells WOFF from TrueType and refuses anything else', () => {
    expect(isWoff(WOFF)).toBe(true);
    expect(isWoff(TTF)).toBe(false);
    expect(() => woffToSfnt(TTF)).toThrow('not a WOFF font');
  });
});
