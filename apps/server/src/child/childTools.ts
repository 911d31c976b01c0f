import {
  type ChildToolKind,
  type ChildToolVisibility,
  isChildToolKind,
  isChildToolVisibility,
  isId,
  may,
  newId,
  type Role,
  type WordsPicturesStage,
} from '@kinmap/model';
import type Database from 'better-sqlite3';

/**
 * The child's tools of each board and who each is shown to (issue 14, docs/SPEC.md [CT1]–[CT4]).
 * The tool itself is a document in its own room (`<boardId>:child:<toolId>` in the DocStore, sealed
 * like the board); this table holds what the server needs to decide who may open that room.
 */
export interface ChildToolRecord {
  readonly id: string;
  readonly boardId: string;
  /** The child of the case (a person id of the shared document). */
  readonly personId: string;
  readonly kind: ChildToolKind;
  readonly visibility: ChildToolVisibility;
  /** With `named`: the members the child chose, besides the worker. */
  readonly named: readonly string[];
  /** The staff member who started it with the child; always sees it. */
  readonly workerMemberId: string;
  readonly createdAt: number;
  readonly changedAt: number;
  /** Words and Pictures: the parents it was shared with to agree ([CT5]); [] before. */
  readonly parents: readonly string[];
  /** Words and Pictures: each parent's agreement, with the hash of the words and pictures agreed to. */
  readonly agreements: Readonly<Record<string, Agreement>>;
  /** Words and Pictures: when it was shared with the child, and when it was left with them. */
  readonly withChildAt: number | null;
  readonly leftAt: number | null;
}

export interface Agreement {
  readonly at: number;
  /** SHA-256 of the tool's content when the parent agreed: a later change makes it stale. */
  readonly hash: string;
}

export interface ChildTools {
  create(tool: {
    boardId: string;
    personId: string;
    kind: ChildToolKind;
    workerMemberId: string;
  }): ChildToolRecord;
  get(boardId: string, toolId: string): ChildToolRecord | null;
  ofBoard(boardId: string): ChildToolRecord[];
  countOfBoard(boardId: string): number;
  setVisibility(
    boardId: string,
    toolId: string,
    visibility: ChildToolVisibility,
    named: readonly string[],
  ): ChildToolRecord | null;
  /** Words and Pictures: the parents to agree (agreements of anyone else are dropped). */
  setParents(boardId: string, toolId: string, parents: readonly string[]): ChildToolRecord | null;
  agree(boardId: string, toolId: string, memberId: string, hash: string): ChildToolRecord | null;
  /** Words and Pictures: the step after agreement (shared with the child, then left with them). */
  markStep(boardId: string, toolId: string, step: 'with-child' | 'left-with-child'): ChildToolRecord | null;
  /** Hands the tool to another worker ([CT8]); they see it always, the last worker only as the child chose. */
  setWorker(boardId: string, toolId: string, workerMemberId: string): ChildToolRecord | null;
  /** Forgets a tool whose document could not be made (the create route's rollback). */
  remove(boardId: string, toolId: string): void;
}

/** Tools one board may hold: three houses and a Safety House for many children, over years. */
export const MAX_TOOLS_PER_BOARD = 200;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS child_tools (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    visibility TEXT NOT NULL,
    named TEXT NOT NULL,
    worker_member_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    changed_at INTEGER NOT NULL,
    parents TEXT NOT NULL DEFAULT '[]',
    agreements TEXT NOT NULL DEFAULT '{}',
    with_child_at INTEGER,
    left_at INTEGER
  );
  CREATE INDEX IF NOT EXISTS child_tools_by_board ON child_tools (board_id, created_at);
`;

interface Row {
  id: string;
  board_id: string;
  person_id: string;
  kind: string;
  visibility: string;
  named: string;
  worker_member_id: string;
  created_at: number;
  changed_at: number;
  parents: string;
  agreements: string;
  with_child_at: number | null;
  left_at: number | null;
}

/**
 * The child's choice, as the server enforces it ([CT3]): may this member open the tool's room?
 * The worker always may; the rest as the child chose — nobody else, the people named, everyone
 * taking part in the meeting, or everyone on the board including the wall screen.
 */
export function childToolAdmits(tool: ChildToolRecord, member: { memberId: string; role: Role }): boolean {
  if (member.memberId === tool.workerMemberId) return true;
  switch (tool.visibility) {
    case 'worker':
      return false;
    case 'named':
      return tool.named.includes(member.memberId);
    case 'meeting':
      return may(member.role, 'CT3');
    case 'wall':
      return may(member.role, 'CT4');
  }
}

/** Who the child chose to show a tool to, in words for the record. */
export function shownToWords(tool: ChildToolRecord, nameOf: (memberId: string) => string): string {
  const worker = nameOf(tool.workerMemberId);
  switch (tool.visibility) {
    case 'worker':
      return `only their worker (${worker})`;
    case 'named':
      return `their worker (${worker}) and ${tool.named.map(nameOf).join(', ') || 'nobody else yet'}`;
    case 'meeting':
      return 'everyone at the meeting';
    case 'wall':
      return 'everyone at the meeting, the wall screen too';
  }
}

/** @example const tools = createChildTools(db); tools.create({ boardId, personId, kind: 'three-houses', workerMemberId }) */
export function createChildTools(db: Database.Database, now: () => number = Date.now): ChildTools {
  db.exec(SCHEMA);
  const insert = db.prepare(
    `INSERT INTO child_tools (id, board_id, person_id, kind, visibility, named, worker_member_id, created_at, changed_at)
     VALUES (?, ?, ?, ?, 'worker', '[]', ?, ?, ?)`,
  );
  const select = db.prepare('SELECT * FROM child_tools WHERE board_id = ? AND id = ?');
  const selectOfBoard = db.prepare('SELECT * FROM child_tools WHERE board_id = ? ORDER BY created_at, id');
  const count = db.prepare('SELECT COUNT(*) AS n FROM child_tools WHERE board_id = ?');
  const update = db.prepare(
    'UPDATE child_tools SET visibility = ?, named = ?, changed_at = ? WHERE board_id = ? AND id = ?',
  );
  const remove = db.prepare('DELETE FROM child_tools WHERE board_id = ? AND id = ?');
  const updateWorker = db.prepare(
    'UPDATE child_tools SET worker_member_id = ?, changed_at = ? WHERE board_id = ? AND id = ?',
  );
  const updateParents = db.prepare(
    'UPDATE child_tools SET parents = ?, agreements = ?, changed_at = ? WHERE board_id = ? AND id = ?',
  );
  const updateAgreements = db.prepare(
    'UPDATE child_tools SET agreements = ?, changed_at = ? WHERE board_id = ? AND id = ?',
  );
  const updateWithChild = db.prepare(
    'UPDATE child_tools SET with_child_at = ?, changed_at = ? WHERE board_id = ? AND id = ?',
  );
  const updateLeft = db.prepare(
    'UPDATE child_tools SET left_at = ?, changed_at = ? WHERE board_id = ? AND id = ?',
  );
  const get = (boardId: string, toolId: string): ChildToolRecord | null => {
    if (!isId(toolId)) return null;
    const row = select.get(boardId, toolId) as Row | undefined;
    return row ? toRecord(row) : null;
  };
  return {
    create({ boardId, personId, kind, workerMemberId }) {
      const id = newId();
      const at = now();
      insert.run(id, boardId, personId, kind, workerMemberId, at, at);
      return {
        id,
        boardId,
        personId,
        kind,
        visibility: 'worker',
        named: [],
        workerMemberId,
        createdAt: at,
        changedAt: at,
        parents: [],
        agreements: {},
        withChildAt: null,
        leftAt: null,
      };
    },
    get,
    ofBoard: (boardId) => (selectOfBoard.all(boardId) as Row[]).map(toRecord).filter((t) => t !== null),
    countOfBoard: (boardId) => (count.get(boardId) as { n: number }).n,
    setVisibility(boardId, toolId, visibility, named) {
      if (get(boardId, toolId) === null) return null;
      update.run(
        visibility,
        JSON.stringify(visibility === 'named' ? [...new Set(named)] : []),
        now(),
        boardId,
        toolId,
      );
      return get(boardId, toolId);
    },
    setParents(boardId, toolId, parents) {
      const tool = get(boardId, toolId);
      if (tool === null) return null;
      const kept = Object.fromEntries(Object.entries(tool.agreements).filter(([id]) => parents.includes(id)));
      updateParents.run(JSON.stringify([...new Set(parents)]), JSON.stringify(kept), now(), boardId, toolId);
      return get(boardId, toolId);
    },
    agree(boardId, toolId, memberId, hash) {
      const tool = get(boardId, toolId);
      if (tool === null) return null;
      const agreements = { ...tool.agreements, [memberId]: { at: now(), hash } };
      updateAgreements.run(JSON.stringify(agreements), now(), boardId, toolId);
      return get(boardId, toolId);
    },
    markStep(boardId, toolId, step) {
      if (get(boardId, toolId) === null) return null;
      (step === 'with-child' ? updateWithChild : updateLeft).run(now(), now(), boardId, toolId);
      return get(boardId, toolId);
    },
    setWorker(boardId, toolId, workerMemberId) {
      if (get(boardId, toolId) === null) return null;
      updateWorker.run(workerMemberId, now(), boardId, toolId);
      return get(boardId, toolId);
    },
    remove(boardId, toolId) {
      remove.run(boardId, toolId);
    },
  };
}

/** A hand-edited or damaged row shows to nobody but its worker (the least it can grant). */
function toRecord(row: Row): ChildToolRecord {
  const named = idsOf(row.named);
  const visibility = isChildToolVisibility(row.visibility) ? row.visibility : 'worker';
  return {
    id: row.id,
    boardId: row.board_id,
    personId: row.person_id,
    kind: isChildToolKind(row.kind) ? row.kind : 'three-houses',
    visibility,
    named: visibility === 'named' ? named : [],
    workerMemberId: row.worker_member_id,
    createdAt: row.created_at,
    changedAt: row.changed_at,
    parents: idsOf(row.parents),
    agreements: agreementsOf(row.agreements),
    withChildAt: row.with_child_at,
    leftAt: row.left_at,
  };
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const idsOf = (text: string): string[] => {
  const parsed = parsedJson(text);
  return Array.isArray(parsed) ? parsed.filter(isId) : [];
};

function agreementsOf(text: string): Record<string, Agreement> {
  const parsed = parsedJson(text);
  const out: Record<string, Agreement> = {};
  if (typeof parsed !== 'object' || parsed === null) return out;
  for (const [id, value] of Object.entries(parsed)) {
    const { at, hash } = (value ?? {}) as { at?: unknown; hash?: unknown };
    if (isId(id) && typeof at === 'number' && typeof hash === 'string') out[id] = { at, hash };
  }
  return out;
}

/**
 * Where Words and Pictures stands ([CT5]), from what was done and the content as it is now: a
 * parent's agreement counts only for the words and pictures they agreed to (`hash`).
 */
export function wordsPicturesStage(tool: ChildToolRecord, contentHash: string): WordsPicturesStage {
  if (tool.leftAt !== null) return 'left-with-child';
  if (tool.withChildAt !== null) return 'with-child';
  if (tool.parents.length === 0) return 'draft';
  return tool.parents.every((id) => tool.agreements[id]?.hash === contentHash) ? 'agreed' : 'with-parents';
}
