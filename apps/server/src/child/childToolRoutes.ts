import { createHash } from 'node:crypto';
import {
  type BoardState,
  CHILD_LIMITS,
  initChildTool,
  may,
  readBoard,
  readChildTool,
  setChildWords,
} from '@kinmap/model';
import {
  type ChildToolInfo,
  childToolListResponse,
  childToolResponse,
  childToolRoomId,
  childToolVisibilityRequest,
  createChildToolRequest,
  NOT_CHOSEN_REASON,
  type WordsPicturesInfo,
  wordsPicturesParentsRequest,
  wordsPicturesStepRequest,
} from '@kinmap/protocol';
import type { Logger, Rooms } from '@kinmap/sync';
import type { Hono } from 'hono';
import type { AccessControl } from '../access/accessControl.js';
import type { Authenticator, BoardMember } from '../access/authenticator.js';
import { boardGuard, memberByAuthenticator, refuser } from '../access/boardGuard.js';
import type { AuditLog } from '../audit/auditLog.js';
import { boardUnavailable, pathId } from '../boards/boardRequest.js';
import { ApiError, ApiErrorCode } from '../http/apiError.js';
import { parseJsonBody } from '../http/jsonBody.js';
import { reply } from '../http/reply.js';
import type { RequestIdEnv } from '../http/requestId.js';
import type { ReportRenderer } from '../reports/renderPool.js';
import { attachment, renderInSlot } from '../reports/renderSlot.js';
import {
  type ChildToolRecord,
  type ChildTools,
  childToolAdmits,
  MAX_TOOLS_PER_BOARD,
  wordsPicturesStage,
} from './childTools.js';

export interface ChildToolRoutesOptions {
  readonly authenticate: Authenticator;
  readonly rooms: Rooms;
  readonly access: AccessControl;
  readonly childTools: ChildTools;
  readonly audit: AuditLog;
  readonly logger: Logger;
  /** Draws a tool's PDF off the event loop (the reports' pool). */
  readonly renderer: ReportRenderer;
  readonly now?: () => number;
}

/**
 * What the plan's rules say about how the child will know, in the rules' order, one per line: the
 * start of the safety plan for the child: whole lines, in order, until one does not fit the tool's words.
 */
export function howChildWillKnow(board: BoardState): string {
  const lines = Object.values(board.rules)
    .sort((a, b) => a.order - b.order)
    .map((rule) => rule.howChildWillKnow.trim().replace(/\s*\n\s*/g, ' '))
    .filter((line) => line !== '');
  let text = '';
  for (const line of lines) {
    const next = text === '' ? line : `${text}\n${line}`;
    if (next.length > CHILD_LIMITS.words) break;
    text = next;
  }
  return text;
}

/** Words and Pictures' stage and agreements, against the content as it is now (hash). */
function wordsPicturesOf(tool: ChildToolRecord, contentHash: string): WordsPicturesInfo {
  return {
    stage: wordsPicturesStage(tool, contentHash),
    parents: tool.parents.map((memberId) => {
      const agreement = tool.agreements[memberId];
      return { memberId, agreedAt: agreement?.at ?? null, current: agreement?.hash === contentHash };
    }),
    withChildAt: tool.withChildAt,
    leftAt: tool.leftAt,
  };
}

/** Whether a member's access to the board has ended (or they are not known at all). */
export function hasLeft(access: Pick<AccessControl, 'members'>, memberId: string): boolean {
  const member = access.members.get(memberId);
  return member === null || member.revokedAt !== null;
}

/** What a member is told of a tool: who it is shown to only if they are staff ([CT2]). */
export function infoFor(
  tool: ChildToolRecord,
  member: BoardMember,
  workerLeft: boolean,
  contentHash: string | null = null,
): ChildToolInfo {
  const mayOpen = childToolAdmits(tool, member);
  return {
    id: tool.id,
    personId: tool.personId,
    kind: tool.kind,
    visibility: tool.visibility,
    named: may(member.role, 'CT2') ? [...tool.named] : [],
    workerMemberId: tool.workerMemberId,
    workerLeft,
    createdAt: tool.createdAt,
    mayOpen,
    wordsPictures: mayOpen && contentHash !== null ? wordsPicturesOf(tool, contentHash) : null,
  };
}

/**
 * The child's tools over HTTP (docs/PROTOCOL.md "A child's tool"; SPEC [CT1]–[CT4]): list them,
 * start one with a child, change who sees one, Words and Pictures' steps, and a tool's PDF. The
 * tool's content is written and read in its own room, which the upgrade opens only to those the child
 * chose; here it leaves only as the PDF, to the same people.
 */
export function registerChildToolRoutes(
  app: Hono<RequestIdEnv>,
  {
    authenticate,
    rooms,
    access,
    childTools,
    audit,
    logger,
    renderer,
    now = Date.now,
  }: ChildToolRoutesOptions,
): void {
  const guard = boardGuard({ resolve: memberByAuthenticator(authenticate), audit });
  const info = (tool: ChildToolRecord, member: BoardMember, contentHash: string | null = null) =>
    infoFor(tool, member, hasLeft(access, tool.workerMemberId), contentHash);
  const refuse = refuser(audit);

  // Staff see every tool (and whether they may open it); anyone else only what the child shows them.
  app.get('/api/boards/:id/child-tools', guard('AU6'), async (c) => {
    const member = c.var.member;
    const shown = childTools
      .ofBoard(member.boardId)
      .filter((tool) => may(member.role, 'CT1') || childToolAdmits(tool, member));
    const tools: ChildToolInfo[] = [];
    for (const tool of shown) tools.push(await describe(tool, member));
    return reply(c, childToolListResponse, { tools });
  });

  /** What a member is told of a tool, Words and Pictures' agreement read against its content now. */
  async function describe(tool: ChildToolRecord, member: BoardMember): Promise<ChildToolInfo> {
    const hash = tool.kind === 'words-pictures' && childToolAdmits(tool, member) ? await hashOf(tool) : null;
    return info(tool, member, hash);
  }

  /** SHA-256 of a tool's content as it stands (what a parent agrees to). */
  async function hashOf(tool: ChildToolRecord): Promise<string> {
    const read = await rooms.read(childToolRoomId(tool.boardId, tool.id), (doc) =>
      JSON.stringify(readChildTool(doc)),
    );
    if (!read.ok) throw boardUnavailable();
    return createHash('sha256').update(read.value).digest('hex');
  }

  /** The tool named in the path, which the member may open, or the route's 404 / 403. */
  function openTool(
    member: BoardMember,
    toolIdParam: string | undefined,
    rule: 'CT5' | 'CT6',
  ): ChildToolRecord {
    const toolId = pathId(toolIdParam, 'toolId');
    const tool = childTools.get(member.boardId, toolId);
    if (tool === null || tool.kind !== 'words-pictures' || !childToolAdmits(tool, member)) {
      throw new ApiError(404, ApiErrorCode.notFound, 'No such Words and Pictures');
    }
    if (!may(member.role, rule)) refuse(member, rule);
    return tool;
  }

  function recordStep(member: BoardMember, tool: ChildToolRecord, step: string, parents: number): void {
    audit.record({
      boardId: member.boardId,
      actorMemberId: member.memberId,
      kind: 'words-pictures',
      detail: { toolId: tool.id, step, parents },
    });
    logger.info('child.wordsPictures', { boardId: member.boardId, toolId: tool.id, step });
  }

  // [CT5] Staff share the draft with each parent to agree: they are named on it (so they can open it).
  app.post('/api/boards/:id/child-tools/:toolId/parents', guard('AU6'), async (c) => {
    const member = c.var.member;
    const tool = openTool(member, c.req.param('toolId'), 'CT5');
    const { parents } = parseJsonBody(wordsPicturesParentsRequest, await c.req.text());
    if (tool.withChildAt !== null) {
      throw new ApiError(409, ApiErrorCode.wrongStage, 'It has been shared with the child already');
    }
    const family = new Set(
      access.members
        .ofBoard(member.boardId)
        .filter((m) => m.revokedAt === null && may(m.role, 'CT6'))
        .map((m) => m.id),
    );
    if (!parents.every((id) => family.has(id))) {
      throw new ApiError(
        400,
        ApiErrorCode.invalidInput,
        'parents: each must be a family member of this board',
      );
    }
    let changed = childTools.setParents(member.boardId, tool.id, parents);
    // The parents must be able to open it: named beside whoever the choice already shows it to.
    if (changed !== null && (changed.visibility === 'worker' || changed.visibility === 'named')) {
      changed = childTools.setVisibility(member.boardId, tool.id, 'named', [...changed.named, ...parents]);
    }
    if (changed === null) throw new ApiError(404, ApiErrorCode.notFound, 'No such Words and Pictures');
    recordStep(member, changed, 'shared-with-parents', parents.length);
    return reply(c, childToolResponse, { tool: info(changed, member, await hashOf(changed)) });
  });

  // [CT6] A parent it was shared with agrees to it as it stands now.
  app.post('/api/boards/:id/child-tools/:toolId/agreement', guard('AU6'), async (c) => {
    const member = c.var.member;
    const tool = openTool(member, c.req.param('toolId'), 'CT6');
    if (!tool.parents.includes(member.memberId)) {
      refuse(member, 'CT6', 'Only a parent it was shared with may agree to it');
    }
    if (tool.withChildAt !== null) {
      throw new ApiError(409, ApiErrorCode.wrongStage, 'It has been shared with the child already');
    }
    const hash = await hashOf(tool);
    const changed = childTools.agree(member.boardId, tool.id, member.memberId, hash);
    if (changed === null) throw new ApiError(404, ApiErrorCode.notFound, 'No such Words and Pictures');
    recordStep(member, changed, 'agreed', changed.parents.length);
    return reply(c, childToolResponse, { tool: info(changed, member, hash) });
  });

  // [CT5] Shared with the child once every parent agreed to it as it is; then left with the child.
  app.post('/api/boards/:id/child-tools/:toolId/step', guard('AU6'), async (c) => {
    const member = c.var.member;
    const tool = openTool(member, c.req.param('toolId'), 'CT5');
    const { step } = parseJsonBody(wordsPicturesStepRequest, await c.req.text());
    const hash = await hashOf(tool);
    const stage = wordsPicturesStage(tool, hash);
    const needed = step === 'with-child' ? 'agreed' : 'with-child';
    if (stage !== needed) {
      throw new ApiError(
        409,
        ApiErrorCode.wrongStage,
        step === 'with-child'
          ? 'Every parent must agree to it as it is now before it is shared with the child'
          : 'It must be shared with the child before it is left with them',
      );
    }
    const changed = childTools.markStep(member.boardId, tool.id, step);
    if (changed === null) throw new ApiError(404, ApiErrorCode.notFound, 'No such Words and Pictures');
    recordStep(member, changed, step, changed.parents.length);
    return reply(c, childToolResponse, { tool: info(changed, member, hash) });
  });

  // [CT1] Staff start a tool with a child of the case; they are its worker, and it shows to them alone.
  app.post('/api/boards/:id/child-tools', guard('CT1'), async (c) => {
    const member = c.var.member;
    const { personId, kind } = parseJsonBody(createChildToolRequest, await c.req.text());
    const board = await rooms.read(member.boardId, readBoard);
    if (!board.ok) throw boardUnavailable();
    if (board.value.people[personId as keyof typeof board.value.people]?.kind !== 'child') {
      throw new ApiError(404, ApiErrorCode.notFound, 'No such child of the case');
    }
    if (childTools.countOfBoard(member.boardId) >= MAX_TOOLS_PER_BOARD) {
      throw new ApiError(
        409,
        ApiErrorCode.invalidInput,
        `A board holds at most ${MAX_TOOLS_PER_BOARD} child's tools`,
      );
    }
    const tool = childTools.create({
      boardId: member.boardId,
      personId,
      kind,
      workerMemberId: member.memberId,
    });
    // The safety plan for the child starts from the plan's rules: how the child will know each.
    const start = kind === 'child-safety-plan' ? howChildWillKnow(board.value) : '';
    const made = await rooms.change(childToolRoomId(member.boardId, tool.id), (doc) => {
      const init = initChildTool(doc, { kind, toolId: tool.id, personId, createdAt: tool.createdAt });
      if (!init.ok || start === '') return init;
      const wrote = setChildWords(doc, 'different', start);
      return wrote.ok ? init : wrote;
    });
    if (!made.ok || !made.value.ok) {
      childTools.remove(member.boardId, tool.id);
      throw boardUnavailable();
    }
    audit.record({
      boardId: member.boardId,
      actorMemberId: member.memberId,
      kind: 'child-tool-created',
      detail: { toolId: tool.id, kind },
    });
    logger.info('child.toolCreated', { boardId: member.boardId, toolId: tool.id, kind });
    return reply(c, childToolResponse, { tool: await describe(tool, member) }, 201);
  });

  // [CT2] Who sees it, chosen with the child, by staff who can see it themselves; [CT3] those no
  // longer chosen are cut off at once.
  app.put('/api/boards/:id/child-tools/:toolId/visibility', guard('CT2'), async (c) => {
    const member = c.var.member;
    const toolId = pathId(c.req.param('toolId'), 'toolId');
    const { visibility, named = [] } = parseJsonBody(childToolVisibilityRequest, await c.req.text());
    const tool = childTools.get(member.boardId, toolId);
    if (tool === null) throw new ApiError(404, ApiErrorCode.notFound, "No such child's tool");
    if (!childToolAdmits(tool, member)) {
      refuse(member, 'CT2', 'Only someone the child shows this to may change who sees it');
    }
    const live = new Set(
      access.members
        .ofBoard(member.boardId)
        .filter((m) => m.revokedAt === null)
        .map((m) => m.id),
    );
    const strangers = named.filter((id) => !live.has(id));
    if (strangers.length > 0) {
      throw new ApiError(
        400,
        ApiErrorCode.invalidInput,
        `named: ${strangers.length} not members of this board`,
      );
    }
    const changed = childTools.setVisibility(member.boardId, toolId, visibility, named);
    if (changed === null) throw new ApiError(404, ApiErrorCode.notFound, "No such child's tool");
    audit.record({
      boardId: member.boardId,
      actorMemberId: member.memberId,
      kind: 'child-tool-visibility',
      detail: { toolId, kind: tool.kind, from: tool.visibility, to: visibility, named: changed.named.length },
    });
    const room = childToolRoomId(member.boardId, toolId);
    const closed = access.liveSockets.closeInRoom(
      room,
      (memberId) => {
        const holder = memberId === null ? null : access.members.get(memberId);
        return holder !== null && childToolAdmits(changed, { memberId: holder.id, role: holder.role });
      },
      NOT_CHOSEN_REASON,
    );
    logger.info('child.visibilityChanged', { boardId: member.boardId, toolId, visibility, closed });
    return reply(c, childToolResponse, { tool: await describe(changed, member) });
  });

  // A tool printed to keep, or Words and Pictures to leave with the child: only for those the child
  // chose ([CT3]); the download is an export in the audit.
  app.get('/api/boards/:id/child-tools/:toolId/tool.pdf', guard('AU6'), async (c) => {
    const member = c.var.member;
    const toolId = pathId(c.req.param('toolId'), 'toolId');
    const tool = childTools.get(member.boardId, toolId);
    if (tool === null) throw new ApiError(404, ApiErrorCode.notFound, "No such child's tool");
    if (!childToolAdmits(tool, member)) {
      throw new ApiError(403, ApiErrorCode.forbidden, 'The child has not chosen to show this to you');
    }
    const pdf = await renderInSlot(c, { renderer, access }, member, async (render) => {
      const state = await rooms.read(childToolRoomId(member.boardId, toolId), (doc) => readChildTool(doc));
      const board = await rooms.read(member.boardId, readBoard);
      if (!state.ok || state.value === null || !board.ok) throw boardUnavailable();
      const child = board.value.people[tool.personId as keyof typeof board.value.people];
      const nameOf = (memberId: string) => access.members.get(memberId)?.displayName ?? 'someone';
      const hash = tool.kind === 'words-pictures' ? await hashOf(tool) : null;
      const info = hash === null ? null : wordsPicturesOf(tool, hash);
      return render('child-tool', {
        tool: state.value,
        child: child === undefined ? null : { name: child.name, age: child.age },
        workerName: nameOf(tool.workerMemberId),
        wordsPictures:
          info === null
            ? null
            : {
                ...info,
                parents: info.parents.map((parent) => ({ ...parent, name: nameOf(parent.memberId) })),
              },
        generatedAt: now(),
        generatedBy: { displayName: nameOf(member.memberId) },
      });
    });
    audit.record({
      boardId: member.boardId,
      actorMemberId: member.memberId,
      kind: 'export',
      detail: { format: 'child-tool-pdf', toolId, role: member.role },
    });
    logger.info('child.toolPrinted', { boardId: member.boardId, toolId, bytes: pdf.byteLength });
    return attachment(c, pdf, 'application/pdf', `kinmap-${member.boardId}-${tool.kind}-${toolId}.pdf`);
  });
}
