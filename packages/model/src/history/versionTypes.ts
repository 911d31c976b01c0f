import type {
  BoardState,
  CardState,
  Mark,
  NetworkMemberState,
  PairState,
  PersonState,
  PlanState,
  Role,
  RuleState,
  ScaleMode,
  ScaleRating,
} from '../doc/types.js';

/**
 * Meetings and versions: the same board follows a family from the first meeting to closure, and
 * each meeting leaves an immutable, dated version of the whole board (docs/SPEC.md, "Versions").
 * These are the shapes the server stores and the web shows; the functions live beside them
 * (versionDiff.ts, restore.ts, trajectory.ts, boardExport.ts).
 */

/** The kinds of meeting a board lives through (child protection practice in England and Wales). */
export const MEETING_TYPES = [
  'family-network-meeting',
  'initial-conference',
  'review-conference',
  'core-group',
  'strategy-discussion',
  'other',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** Someone in the room without a device (a grandparent, an interpreter, a child's teacher). */
export interface PersonInRoom {
  readonly name: string;
  /** Their relationship or role in words ("Grandmother", "Interpreter"); may be empty. */
  readonly role: string;
}

export interface Attendance {
  /** Board participants (ids in `participants`) who took part. */
  readonly participantIds: readonly string[];
  readonly othersPresent: readonly PersonInRoom[];
  /** People invited who sent apologies (names in words). */
  readonly apologies: readonly string[];
}

export interface MeetingRecord {
  readonly id: string;
  readonly boardId: string;
  readonly type: MeetingType;
  /** ISO date `YYYY-MM-DD` the meeting took place. */
  readonly date: string;
  readonly startedAt: number;
  /** Member id of the facilitator who started it. */
  readonly startedBy: string;
  readonly attendance: Attendance;
  /** The decision or outcome, in the chair's words. */
  readonly decision: string;
  /** Null while the meeting is open. */
  readonly closedAt: number | null;
  readonly closedBy: string | null;
  /** The version saved when it closed. */
  readonly versionId: string | null;
}

export type VersionKind = 'meeting' | 'manual';

/** A saved version's description (its content is fetched separately). */
export interface VersionMeta {
  readonly id: string;
  readonly boardId: string;
  /** 1, 2, 3 … per board, in the order saved. */
  readonly number: number;
  readonly kind: VersionKind;
  readonly label: string;
  readonly createdAt: number;
  /** Member id and the name shown for them when it was saved. */
  readonly createdBy: { readonly memberId: string; readonly displayName: string };
  readonly meetingId: string | null;
  /** SHA-256 (hex) of the version's canonical export (boardExport.ts `contentHash`). */
  readonly contentHash: string;
}

/** A version's content: the shared document's board and, for professionals, the restricted one's. */
export interface VersionContent {
  readonly shared: BoardState;
  /** Null for people who may not read professionals-only cards. */
  readonly restricted: BoardState | null;
}

/** One piece of a word-level text difference. */
export interface TextPart {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** `quote`: the card became, or stopped being, a child's own words, or names another child or source. */
export type CardDiffField =
  | 'text'
  | 'category'
  | 'order'
  | 'professionalsOnly'
  | 'marks'
  | 'pairId'
  | 'quote';

export interface CardChange {
  readonly id: string;
  readonly before: CardState;
  readonly after: CardState;
  readonly fields: readonly CardDiffField[];
  /** Word-level difference of the text; null when the text did not change. */
  readonly text: readonly TextPart[] | null;
  /** Marks that differ: participant id -> [before, after]. */
  readonly marks: Readonly<Record<string, readonly [Mark | null, Mark | null]>>;
}

export interface RatingChange {
  readonly scaleId: string;
  readonly participantId: string;
  readonly before: ScaleRating | null;
  readonly after: ScaleRating | null;
}

export interface RecordChange<T> {
  readonly id: string;
  readonly before: T;
  readonly after: T;
  readonly fields: readonly (keyof T & string)[];
}

/** What changed from `before` to `after`: every list is sorted by id for a stable reading. */
export interface BoardDiff {
  readonly title: { readonly before: string; readonly after: string } | null;
  readonly cards: {
    readonly added: readonly CardState[];
    readonly removed: readonly CardState[];
    readonly changed: readonly CardChange[];
  };
  readonly pairs: { readonly added: readonly PairState[]; readonly removed: readonly PairState[] };
  readonly scaleModes: readonly {
    readonly scaleId: string;
    readonly before: ScaleMode | null;
    readonly after: ScaleMode | null;
  }[];
  readonly ratings: readonly RatingChange[];
  readonly network: {
    readonly added: readonly NetworkMemberState[];
    readonly removed: readonly NetworkMemberState[];
    readonly changed: readonly RecordChange<NetworkMemberState>[];
  };
  /** The people of the case (issue 14): children and others scored without a device. */
  readonly people: {
    readonly added: readonly PersonState[];
    readonly removed: readonly PersonState[];
    readonly changed: readonly RecordChange<PersonState>[];
  };
  readonly rules: {
    readonly added: readonly RuleState[];
    readonly removed: readonly RuleState[];
    readonly changed: readonly RecordChange<RuleState>[];
  };
  readonly plan: readonly (keyof PlanState)[];
}

/** Who a trajectory line stands for: one person, or the mean of a group of roles. */
export type TrajectoryGroup = 'family' | 'network' | 'professionals';

export interface TrajectoryPoint {
  /** The version the point comes from, or null for the board as it is now. */
  readonly versionId: string | null;
  readonly at: number;
  /** The value on the 0–10 scale, null when this line had no (revealed) score then. */
  readonly value: number | null;
}

export interface TrajectoryLine {
  /** A participant id, or `group:<TrajectoryGroup>`. */
  readonly key: string;
  /** One person's scores, or the average of a group's (`group` says which group). */
  readonly kind: 'person' | 'average';
  readonly label: string;
  readonly role: Role | null;
  /** The group a person counts towards, or the group an average is of. */
  readonly group: TrajectoryGroup | null;
  /**
   * Which look the line takes (scales/trajectoryStyle.ts): a person keeps the same number on
   * every scale of one trajectory, so the same colour and dash in every chart and both PDFs; an
   * average is numbered by its group.
   */
  readonly series: number;
  readonly points: readonly TrajectoryPoint[];
}

export interface TrajectoryScale {
  /** 'overall' or a pair id. */
  readonly scaleId: string;
  /** The danger statement's text for a pair; '' for the overall scale (the view names it). */
  readonly title: string;
  readonly lines: readonly TrajectoryLine[];
}

export interface Trajectory {
  /** The moments on the time axis, oldest first. */
  readonly moments: readonly {
    readonly versionId: string | null;
    readonly at: number;
    readonly label: string;
  }[];
  readonly scales: readonly TrajectoryScale[];
}
