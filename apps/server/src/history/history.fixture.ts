import {
  type Actor,
  addCard,
  addNetworkMember,
  addPair,
  addRule,
  asCardId,
  asParticipantId,
  asScaleId,
  type BoardState,
  type Category,
  diffBoards,
  isEmptyDiff,
  type Result,
  type Role,
  rate,
  readBoard,
  registerParticipant,
  setMark,
  setPlan,
  type VersionMeta,
} from '@kinmap/model';
import { restrictedRoomId } from '@kinmap/protocol';
import { afterEach } from 'vitest';
import type * as Y from 'yjs';
import { accessFixture, type FixtureOptions } from '../access/access.fixture.js';

/**
 * Test-only: a board with one member of each role, over an app with the version and report routes
 * (rooms, versions, meetings). Call `close()` after each test.
 */
export async function historyFixture(options: FixtureOptions = {}) {
  const f = accessFixture(options);
  await f.createStaff('fay@example.org');
  await f.createStaff('pam@example.org');
  const facilitatorCookie = await f.login('fay@example.org');
  const board = await f.createBoard(facilitatorCookie, 'Teulu Jones — Łódź');
  const boardId = board.id;
  const person = (cookie: string, memberId: string, role: Role) => ({
    cookie,
    memberId,
    actor: { participantId: asParticipantId(memberId), role } as Actor,
  });
  const facilitator = person(facilitatorCookie, board.memberId, 'facilitator');
  const invited = async (role: Role, name: string) => {
    const guest = await f.inviteGuest(facilitatorCookie, boardId, role, name);
    return person(guest.cookie, guest.memberId, role);
  };
  const practitioner = await invited('practitioner', 'Pat');
  const family = await invited('family', 'Alex');
  const network = await invited('network', 'Sue');
  const viewer = await invited('viewer', 'Vic');

  /** Runs a model op on one of the board's documents through the rooms; fails the test if it fails. */
  async function change<T>(fn: (doc: Y.Doc) => Result<T>, restricted = false): Promise<T> {
    const changed = await f.rooms.change(restricted ? restrictedRoomId(boardId) : boardId, fn);
    if (!changed.ok) throw new Error(`room change failed: ${changed.reason}`);
    if (!changed.value.ok)
      throw new Error(`model op failed: ${changed.value.reason} ${changed.value.detail ?? ''}`);
    return changed.value.value;
  }

  /** A card by `who`; professionals-only cards go to the restricted document, as on a real board. */
  async function card(
    text: string,
    category: Category = 'harm',
    { who = facilitator, restricted = false } = {},
  ) {
    const added = await change(
      (doc) => addCard(doc, who.actor, { category, text, professionalsOnly: restricted }),
      restricted,
    );
    return added.cardId;
  }

  /** Names every member in the shared document, as their first connection would. */
  async function registerEveryone() {
    for (const [who, name] of [
      [facilitator, 'Staff fay'],
      [practitioner, 'Pat'],
      [family, 'Alex'],
      [network, 'Sue'],
    ] as const) {
      await change((doc) =>
        registerParticipant(doc, { id: who.actor.participantId, displayName: name, role: who.actor.role }),
      );
    }
  }

  /**
   * A board with something in every part: cards in four scripts, a pair with its scale, ratings
   * with reasons, marks, the network, a rule, the plan, and a professionals-only card.
   */
  async function richBoard() {
    await registerEveryone();
    const welsh = await card(TEXTS.welsh, 'existingSafety');
    const polish = await card(TEXTS.polish, 'harm', { who: practitioner });
    await card(TEXTS.arabic, 'existingStrength', { who: family });
    await card(TEXTS.urdu, 'complicatingFactor', { who: network });
    const secret = await card(TEXTS.secret, 'harm', { restricted: true, who: practitioner });
    const pair = await change((doc) =>
      addPair(doc, facilitator.actor, { dangerStatement: TEXTS.danger, safetyGoal: TEXTS.goal }),
    );
    await change((doc) => setMark(doc, family.actor, asCardId(welsh), 'agree'));
    await change((doc) => setMark(doc, network.actor, asCardId(polish), 'dispute'));
    await change((doc) =>
      rate(doc, family.actor, asScaleId('overall'), { value: 4, reason: 'Dal yn poeni' }),
    );
    await change((doc) =>
      rate(doc, facilitator.actor, asScaleId('overall'), { value: 3, reason: 'Early days' }),
    );
    await change((doc) => rate(doc, family.actor, asScaleId(pair.pairId), { value: 6, reason: 'Lepiej' }));
    const gran = await change((doc) =>
      addNetworkMember(doc, facilitator.actor, {
        name: 'Nain Gwen',
        relationship: 'Grandmother',
        toldAboutWorries: true,
      }),
    );
    await change((doc) =>
      addRule(doc, facilitator.actor, { text: TEXTS.rule, responsibleMemberIds: [gran.memberId] }),
    );
    await change((doc) =>
      setPlan(doc, facilitator.actor, { bottomLines: 'No drinking at home', reviewDate: '2025-06-01' }),
    );
    return { welsh, polish, secret, pair };
  }

  async function live(): Promise<{ shared: BoardState; restricted: BoardState }> {
    const shared = await f.rooms.read(boardId, readBoard);
    const restricted = await f.rooms.read(restrictedRoomId(boardId), readBoard);
    if (!shared.ok || !restricted.ok) throw new Error('board not readable');
    return { shared: shared.value, restricted: restricted.value };
  }

  /** Saves a version of the board now, as `who` (a staff member). */
  async function saveVersion({ who = facilitator, label = 'Before the review' } = {}): Promise<VersionMeta> {
    const res = await f.call('POST', `/api/boards/${boardId}/versions`, {
      cookie: who.cookie,
      body: { label },
    });
    if (res.status !== 201) throw new Error(`version not saved: ${res.status}`);
    return (await res.json()) as VersionMeta;
  }

  /** Starts a review conference on `date`; returns the meeting's id. */
  async function startMeeting(date = '2025-03-12'): Promise<string> {
    const res = await f.call('POST', `/api/boards/${boardId}/meetings`, {
      cookie: facilitator.cookie,
      body: { type: 'review-conference', date },
    });
    if (res.status !== 201) throw new Error(`meeting not started: ${res.status}`);
    return ((await res.json()) as { meeting: { id: string } }).meeting.id;
  }

  /** The audit events of the board, oldest first (kind and detail only). */
  const events = () =>
    (
      f.access.db
        .prepare('SELECT kind, actor_member_id, detail FROM audit_events WHERE board_id = ? ORDER BY id')
        .all(boardId) as { kind: string; actor_member_id: string | null; detail: string }[]
    ).map((row) => ({ kind: row.kind, actor: row.actor_member_id, detail: JSON.parse(row.detail) }));

  return {
    ...f,
    boardId,
    facilitator,
    practitioner,
    family,
    network,
    viewer,
    change,
    card,
    registerEveryone,
    richBoard,
    live,
    events,
    saveVersion,
    startMeeting,
  };
}

/**
 * Registers an `afterEach` that closes every fixture the returned `setup` made, so a test file
 * calls `const setup = historyFixtures();` once and each test just `await setup()`.
 */
export function historyFixtures(options: Omit<FixtureOptions, 'history'> = {}) {
  const open: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of open.splice(0)) await close();
  });
  return async function setup() {
    const f = await historyFixture(options);
    open.push(f.close);
    return f;
  };
}

/** Texts in the scripts a Kinmap board meets (Welsh, Polish, Arabic, Urdu), and a professionals-only one. */
export const TEXTS = {
  welsh: 'Mae Nain yn cerdded Dylan i’r ysgol bob bore; ŵyr ac ŷd',
  polish: 'Ojciec pije w nocy; dziecko się boi — Żółć',
  arabic: 'الجدة تأخذ الطفل إلى المدرسة',
  urdu: 'نانی بچے کو اسکول لے جاتی ہے',
  secret: 'Police disclosure 4711 — Zgłoszenie poufne',
  danger: 'Social workers are worried that Dylan may be hurt when Dad drinks',
  goal: 'Dylan will be safe with a sober adult every evening',
  rule: 'Nain Gwen stays over when Dad has been drinking',
} as const;

export type HistoryFixture = Awaited<ReturnType<typeof historyFixture>>;

/** A response body as a plain record, for reading fields the test checks. */
export const json = async (res: Response) => (await res.json()) as Record<string, unknown>;

/** Whether two boards hold the same content (no difference `diffBoards` would show). */
export const equalBoards = (a: BoardState, b: BoardState) => isEmptyDiff(diffBoards(a, b));
