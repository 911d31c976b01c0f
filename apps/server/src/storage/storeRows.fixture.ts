import Database from 'better-sqlite3';

/** Test-only: reading and damaging a store's rows behind its back, as a bad disk or restore would. */
export function recordingLogger() {
  const events: string[] = [];
  const record = (level: string) => (event: string, fields?: object) =>
    events.push(`${level} ${event} ${JSON.stringify(fields)}`);
  return { events, logger: { info() {}, warn: record('warn'), error: record('error') } };
}

export const flipLastByte = (data: Buffer): Buffer => {
  const copy = Buffer.from(data);
  copy[copy.length - 1] = (copy.at(-1) ?? 0) ^ 0xff;
  return copy;
};

/** Rewrites one update's blob behind the store's back, as a damaged disk or a bad restore would. */
export function editRow(file: string, table: 'updates', seq: number, edit: (data: Buffer) => Buffer): void {
  const writer = new Database(file);
  const row = writer.prepare(`SELECT data FROM ${table} WHERE seq = ?`).get(seq) as { data: Buffer };
  writer.prepare(`UPDATE ${table} SET data = ? WHERE seq = ?`).run(edit(row.data), seq);
  writer.close();
}

export function rawRows(file: string) {
  const reader = new Database(file, { readonly: true });
  const rows = reader
    .prepare('SELECT data, crc FROM snapshots UNION ALL SELECT data, crc FROM updates')
    .all() as { data: Buffer; crc: number | null }[];
  reader.close();
  return rows;
}

export function quarantined(file: string) {
  const reader = new Database(file, { readonly: true });
  const rows = reader
    .prepare('SELECT board_id, kind, seq, format, reason FROM quarantined_updates ORDER BY rowid')
    .all();
  reader.close();
  return rows;
}
