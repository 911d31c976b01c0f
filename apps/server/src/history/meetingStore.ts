import {
  type Attendance,
  MEETING_TYPES,
  type MeetingRecord,
  type MeetingType,
  newId,
  type VersionMeta,
} from '@kinmap/model';
import type Database from 'better-sqlite3';
import { type DataCipher, RecordFormat } from '../storage/dataCipher.js';

/**
 * A board's meetings (docs/SPEC.md [VE4]–[VE7]): at most one open at a time; the facilitator fills
 * in attendance and the decision while it is open; closing it saves a version in the same
 * transaction. A closed meeting is immutable (triggers), like the version it saved. Attendance and
 * decision name people, so with a data key they are sealed together as one record.
 */
export interface MeetingStart {
  readonly boardId: string;
  readonly type: MeetingType;
  readonly date: string;
  readonly startedBy: string;
}

export interface MeetingPatch {
  readonly type?: MeetingType;
  readonly date?: string;
  readonly attendance?: Attendance;
  readonly decision?: string;
}

export type MeetingOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: 'not-found' | 'closed' | 'meeting-open' };

export interface Meetings {
  /** Starts a meeting; `meeting-open` when the board already has one open. */
  start(meeting: MeetingStart): MeetingOutcome<MeetingRecord>;
  /** Changes an open meeting; `closed` once it is closed. */
  update(boardId: string, meetingId: string, patch: MeetingPatch): MeetingOutcome<MeetingRecord>;
  /**
   * Closes an open meeting and, in the same transaction, saves its version with `saveVersion`
   * (which must be synchronous): both happen or neither. `closed` when it was closed already.
   */
  close(
    boardId: string,
    meetingId: string,
    closedBy: string,
    saveVersion: (meeting: MeetingRecord) => VersionMeta,
  ): MeetingOutcome<{ meeting: MeetingRecord; version: VersionMeta }>;
  get(boardId: string, meetingId: string): MeetingRecord | null;
  /** The board's meetings, oldest first. */
  list(boardId: string): MeetingRecord[];
}

export interface MeetingsOptions {
  readonly cipher?: DataCipher | null;
  readonly now?: () => number;
}

const EMPTY_ATTENDANCE: Attendance = { participantIds: [], othersPresent: [], apologies: [] };

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meetings (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL,
    type TEXT NOT NULL,
    date TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    started_by TEXT NOT NULL,
    record BLOB NOT NULL,
    format INTEGER NOT NULL DEFAULT 0,
    closed_at INTEGER,
    closed_by TEXT,
    version_id TEXT
  );
  CREATE INDEX IF NOT EXISTS meetings_by_board ON meetings (board_id, started_at);
  CREATE UNIQUE INDEX IF NOT EXISTS meetings_one_open ON meetings (board_id) WHERE closed_at IS NULL;
  CREATE TRIGGER IF NOT EXISTS meetings_closed_no_update BEFORE UPDATE ON meetings
    WHEN OLD.closed_at IS NOT NULL AND NOT (
      OLD.format = ${RecordFormat.plain} AND NEW.format = ${RecordFormat.aesGcmV1}
      AND NEW.id IS OLD.id AND NEW.board_id IS OLD.board_id AND NEW.type IS OLD.type
      AND NEW.date IS OLD.date AND NEW.started_at IS OLD.started_at AND NEW.started_by IS OLD.started_by
      AND NEW.closed_at IS OLD.closed_at AND NEW.closed_by IS OLD.closed_by
      AND NEW.version_id IS OLD.version_id)
    BEGIN SELECT RAISE(ABORT, 'a closed meeting is immutable'); END;
  CREATE TRIGGER IF NOT EXISTS meetings_closed_no_delete BEFORE DELETE ON meetings
    WHEN OLD.closed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'a closed meeting is immutable'); END;
`;

interface MeetingRow {
  id: string;
  board_id: string;
  type: string;
  date: string;
  started_at: number;
  started_by: string;
  record: Buffer;
  format: number;
  closed_at: number | null;
  closed_by: string | null;
  version_id: string | null;
}

interface SealedPart {
  readonly attendance: Attendance;
  readonly decision: string;
}

/** @example const meetings = createMeetings(db, { cipher }); meetings.start({ boardId, type, date, startedBy }) */
export function createMeetings(
  db: Database.Database,
  { cipher = null, now = Date.now }: MeetingsOptions = {},
): Meetings {
  db.exec(SCHEMA);
  if (cipher) sealPlaintextMeetings(db, cipher);
  const format = cipher ? RecordFormat.aesGcmV1 : RecordFormat.plain;
  const selectOne = db.prepare('SELECT * FROM meetings WHERE board_id = ? AND id = ?');
  const selectOpen = db.prepare('SELECT id FROM meetings WHERE board_id = ? AND closed_at IS NULL');
  const selectAll = db.prepare('SELECT * FROM meetings WHERE board_id = ? ORDER BY started_at, rowid');
  const insert = db.prepare(
    `INSERT INTO meetings (id, board_id, type, date, started_at, started_by, record, format)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateOpen = db.prepare(
    `UPDATE meetings SET type = ?, date = ?, record = ?, format = ?
     WHERE board_id = ? AND id = ? AND closed_at IS NULL`,
  );
  const closeOpen = db.prepare(
    `UPDATE meetings SET closed_at = ?, closed_by = ?, version_id = ?
     WHERE board_id = ? AND id = ? AND closed_at IS NULL`,
  );

  const encodeRecord = (boardId: string, id: string, part: SealedPart): Buffer => {
    const bytes = Buffer.from(JSON.stringify(part), 'utf8');
    return cipher ? cipher.seal(boardId, 'meeting', id, bytes) : bytes;
  };
  const decodeRecord = (row: MeetingRow): SealedPart => {
    let bytes = row.record;
    if (row.format !== RecordFormat.plain) {
      if (!cipher) throw new Error('a sealed meeting needs the data key');
      bytes = cipher.open(row.board_id, 'meeting', row.id, row.record);
    }
    return JSON.parse(bytes.toString('utf8')) as SealedPart;
  };
  const toRecord = (row: MeetingRow): MeetingRecord => {
    const { attendance, decision } = decodeRecord(row);
    return {
      id: row.id,
      boardId: row.board_id,
      type: (MEETING_TYPES as readonly string[]).includes(row.type) ? (row.type as MeetingType) : 'other',
      date: row.date,
      startedAt: row.started_at,
      startedBy: row.started_by,
      attendance,
      decision,
      closedAt: row.closed_at,
      closedBy: row.closed_by,
      versionId: row.version_id,
    };
  };
  const read = (boardId: string, id: string): MeetingRow | undefined =>
    selectOne.get(boardId, id) as MeetingRow | undefined;

  const closeInTransaction = db.transaction(
    (boardId: string, id: string, closedBy: string, save: (meeting: MeetingRecord) => VersionMeta) => {
      const row = read(boardId, id);
      if (!row) return { ok: false, reason: 'not-found' } as const;
      if (row.closed_at !== null) return { ok: false, reason: 'closed' } as const;
      const version = save(toRecord(row));
      closeOpen.run(version.createdAt, closedBy, version.id, boardId, id);
      const closed = read(boardId, id) as MeetingRow;
      return { ok: true, value: { meeting: toRecord(closed), version } } as const;
    },
  );

  return {
    start({ boardId, type, date, startedBy }) {
      if (selectOpen.get(boardId) !== undefined) return { ok: false, reason: 'meeting-open' };
      const id = newId();
      const record = encodeRecord(boardId, id, { attendance: EMPTY_ATTENDANCE, decision: '' });
      insert.run(id, boardId, type, date, now(), startedBy, record, format);
      return { ok: true, value: toRecord(read(boardId, id) as MeetingRow) };
    },
    update(boardId, id, patch) {
      const row = read(boardId, id);
      if (!row) return { ok: false, reason: 'not-found' };
      if (row.closed_at !== null) return { ok: false, reason: 'closed' };
      const current = toRecord(row);
      const part: SealedPart = {
        attendance: patch.attendance ?? current.attendance,
        decision: patch.decision ?? current.decision,
      };
      const record = encodeRecord(boardId, id, part);
      updateOpen.run(patch.type ?? current.type, patch.date ?? current.date, record, format, boardId, id);
      return { ok: true, value: toRecord(read(boardId, id) as MeetingRow) };
    },
    close: (boardId, id, closedBy, saveVersion) => closeInTransaction(boardId, id, closedBy, saveVersion),
    get(boardId, id) {
      const row = read(boardId, id);
      return row ? toRecord(row) : null;
    },
    list: (boardId) => (selectAll.all(boardId) as MeetingRow[]).map(toRecord),
  };
}

/** Meetings stored before the data key was set are sealed at the first start with it. */
function sealPlaintextMeetings(db: Database.Database, cipher: DataCipher): void {
  const rows = db
    .prepare(`SELECT id, board_id, record FROM meetings WHERE format = ${RecordFormat.plain}`)
    .all() as { id: string; board_id: string; record: Buffer }[];
  if (rows.length === 0) return;
  const update = db.prepare(`UPDATE meetings SET record = ?, format = ${RecordFormat.aesGcmV1} WHERE id = ?`);
  db.transaction(() => {
    for (const row of rows) update.run(cipher.seal(row.board_id, 'meeting', row.id, row.record), row.id);
  })();
}
