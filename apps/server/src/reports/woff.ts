import { inflateSync } from 'node:zlib';

/**
 * WOFF 1.0 (https://www.w3.org/TR/WOFF/) to a plain TrueType/OpenType file, done once when the
 * fonts are loaded. fontkit reads WOFF directly but inflates a whole table every time it reads
 * from it — for every glyph outline, the whole `glyf` table — which made a page of Arabic take
 * seconds. The unpacked font is read in microseconds.
 */

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

interface TableEntry {
  readonly tag: number;
  readonly checksum: number;
  readonly data: Buffer;
}

export function isWoff(data: Uint8Array): boolean {
  return (
    data.length >= WOFF_HEADER &&
    Buffer.from(data.buffer, data.byteOffset, 4).readUInt32BE(0) === WOFF_SIGNATURE
  );
}

/** @throws on data that is not a well-formed WOFF file (the fonts are files shipped with the server). */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (!isWoff(input)) throw new Error('not a WOFF font');
  const flavor = input.readUInt32BE(4);
  const numTables = input.readUInt16BE(12);
  const tables: TableEntry[] = [];
  for (let i = 0; i < numTables; i += 1) {
    const entry = WOFF_HEADER + i * WOFF_ENTRY;
    const tag = input.readUInt32BE(entry);
    const offset = input.readUInt32BE(entry + 4);
    const compLength = input.readUInt32BE(entry + 8);
    const origLength = input.readUInt32BE(entry + 12);
    const checksum = input.readUInt32BE(entry + 16);
    const stored = input.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : Buffer.from(stored);
    if (data.length !== origLength) throw new Error('WOFF table has the wrong length');
    tables.push({ tag, checksum, data });
  }
  // The table records of an sfnt are sorted by tag.
  tables.sort((a, b) => a.tag - b.tag);
  return writeSfnt(flavor, tables);
}

function writeSfnt(flavor: number, tables: readonly TableEntry[]): Buffer {
  const padded = (length: number): number => (length + 3) & ~3;
  const headerLength = SFNT_HEADER + tables.length * SFNT_ENTRY;
  const total = tables.reduce((sum, table) => sum + padded(table.data.length), headerLength);
  const output = Buffer.alloc(total);
  const entrySelector = Math.floor(Math.log2(tables.length));
  const searchRange = 2 ** entrySelector * 16;
  output.writeUInt32BE(flavor, 0);
  output.writeUInt16BE(tables.length, 4);
  output.writeUInt16BE(searchRange, 6);
  output.writeUInt16BE(entrySelector, 8);
  output.writeUInt16BE(tables.length * 16 - searchRange, 10);
  let offset = headerLength;
  tables.forEach((table, i) => {
    const record = SFNT_HEADER + i * SFNT_ENTRY;
    output.writeUInt32BE(table.tag, record);
    output.writeUInt32BE(table.checksum, record + 4);
    output.writeUInt32BE(offset, record + 8);
    output.writeUInt32BE(table.data.length, record + 12);
    table.data.copy(output, offset);
    offset += padded(table.data.length);
  });
  return output;
}
