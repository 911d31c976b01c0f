import type { Db } from './database.js';
import type { DataCipher } from './dataCipher.js';
import { RecordFormat } from './dataCipher.js';
import { checksumMatches, type Quarantine } from './quarantine.js';

/**
 * Seals every update and snapshot stored before the key was set, in one transaction, each under its
 * own board and position. After the first keyed start nothing of a board is left in plaintext rows.
 * A plaintext record that fails its checksum is quarantined first (sealing would hide the damage
 * from the checksum); quarantined plaintext is sealed too.
 */
export function sealPlaintextRecords(db: Db, cipher: DataCipher, quarantine: Quarantine): void {
  const plaintext = db
    .prepare(
      `SELECT board_id, 'update' AS kind, seq, data, crc FROM updates WHERE format = 0
       UNION ALL SELECT board_id, 'snapshot' AS kind, through_seq AS seq, data, crc FROM snapshots
       WHERE format = 0`,
    )
    .all() as {
    board_id: string;
    kind: 'update' | 'snapshot';
    seq: number;
    data: Buffer;
    crc: number | null;
  }[];
  const quarantinedPlaintext = db.prepare(
    'SELECT rowid AS id, board_id, kind, seq, data FROM quarantined_updates WHERE format = 0',
  );
  const unsealed = () =>
    quarantinedPlaintext.all() as { id: number; board_id: string; kind: string; seq: number; data: Buffer }[];
  if (plaintext.length === 0 && unsealed().length === 0) return;
  const sealUpdate = db.prepare(
    'UPDATE updates SET data = ?, format = ?, crc = NULL WHERE board_id = ? AND seq = ?',
  );
  const sealSnapshot = db.prepare(
    'UPDATE snapshots SET data = ?, format = ?, crc = NULL WHERE board_id = ? AND through_seq = ?',
  );
  const sealQuarantined = db.prepare('UPDATE quarantined_updates SET data = ?, format = ? WHERE rowid = ?');
  const sealed = RecordFormat.aesGcmV1;
  const intact = plaintext.filter((row) => {
    if (checksumMatches(row.data, row.crc)) return true;
    const record = { boardId: row.board_id, kind: row.kind, seq: row.seq, data: row.data, format: 0 };
    quarantine.move(record, 'checksum');
    return false;
  });
  db.transaction(() => {
    for (const row of intact) {
      const data = cipher.seal(row.board_id, row.kind, row.seq, row.data);
      (row.kind === 'update' ? sealUpdate : sealSnapshot).run(data, sealed, row.board_id, row.seq);
    }
    for (const row of unsealed()) {
      const kind = row.kind === 'snapshot' ? 'snapshot' : 'update';
      sealQuarantined.run(cipher.seal(row.board_id, kind, row.seq, row.data), sealed, row.id);
    }
  })();
}
