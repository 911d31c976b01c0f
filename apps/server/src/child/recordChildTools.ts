import { type BoardState, type ChildToolState, readChildTool, type VersionMeta } from '@kinmap/model';
import { childToolRoomId } from '@kinmap/protocol';
import type { RecordChildTool } from '@kinmap/reports';
import type { Rooms } from '@kinmap/sync';
import type { AccessControl } from '../access/accessControl.js';
import type { BoardMember } from '../access/authenticator.js';
import { boardUnavailable } from '../boards/boardRequest.js';
import type { Versions } from '../history/versionStore.js';
import { type ChildTools, childToolAdmits, shownToWords } from './childTools.js';
import { versionChildTool } from './childToolVersions.js';

export interface RecordChildToolsSources {
  readonly rooms: Pick<Rooms, 'read'>;
  readonly versions: Pick<Versions, 'childToolIds' | 'childTool'>;
  readonly childTools: Pick<ChildTools, 'ofBoard' | 'get'>;
  readonly access: Pick<AccessControl, 'members'>;
}

/**
 * The record PDF's "The child's own tools" ([CT3]): every child's tool of the board now, or those a
 * version kept ([CT7]); each with whom the child chose, its content only where the child's choice now
 * admits `member`. A room that cannot be read is 503 (fail closed).
 */
export async function recordChildTools(
  { rooms, versions, childTools, access }: RecordChildToolsSources,
  member: BoardMember,
  board: BoardState,
  version: VersionMeta | null,
): Promise<RecordChildTool[]> {
  const nameOf = (memberId: string) => access.members.get(memberId)?.displayName ?? 'someone';
  const tools =
    version === null
      ? childTools.ofBoard(member.boardId)
      : versions
          .childToolIds(member.boardId, version.id)
          .flatMap((toolId) => childTools.get(member.boardId, toolId) ?? []);
  const out: RecordChildTool[] = [];
  for (const tool of tools) {
    let content: ChildToolState | null = null;
    if (childToolAdmits(tool, member)) {
      if (version === null) {
        const read = await rooms.read(childToolRoomId(member.boardId, tool.id), readChildTool);
        if (!read.ok) throw boardUnavailable();
        content = read.value;
      } else {
        content = versionChildTool(versions, member.boardId, version.id, tool.id);
      }
    }
    out.push({
      kind: tool.kind,
      childName: board.people[tool.personId as keyof typeof board.people]?.name ?? 'a child of the case',
      workerName: nameOf(tool.workerMemberId),
      createdAt: tool.createdAt,
      shownTo: shownToWords(tool, nameOf),
      content,
    });
  }
  return out;
}
