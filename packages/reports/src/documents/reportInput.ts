import type { BoardState, MeetingRecord, Trajectory, VersionMeta } from '@kinmap/model';
import type { RecordChildTool } from './recordChildTools.js';

/**
 * What a report is drawn from: data, never a picture of the canvas. The server's report routes
 * build it from a saved version (or the live board) and the meeting; the renderers in this folder
 * turn it into a text-searchable PDF.
 */
export interface ReportSource {
  /** The board as the report shows it. For the family summary: the shared document only. */
  readonly board: BoardState;
  /** The version it was read from; null when it is the board as it is now. */
  readonly version: VersionMeta | null;
  /** The meeting that version closed, if any. */
  readonly meeting: MeetingRecord | null;
  /** Scaling over the board's meetings, for the chart (may have no moments). */
  readonly trajectory: Trajectory;
  /** When the report was generated and by whom (the page footer of the record). */
  readonly generatedAt: number;
  readonly generatedBy: { readonly memberId: string; readonly displayName: string; readonly role: string };
  /**
   * SHA-256 (hex) of the content the report shows (the version's hash, or the hash of the live
   * board's canonical export when `version` is null).
   */
  readonly contentHash: string;
  /** IANA time zone for dates in the report (default 'Europe/London'). */
  readonly timeZone?: string;
}

/** The family summary: plain language, large type, never professionals-only content. */
export type FamilySummaryInput = ReportSource;

/** The record for the child's file or court: everything, with authors, dates and marks. */
export interface RecordInput extends ReportSource {
  /** The restricted document's board (professionals-only cards), shown marked as such. */
  readonly restricted: BoardState | null;
  /** The child's tools as they are now, each with its content only if the child chose the reader ([CT3]). */
  readonly childTools?: readonly RecordChildTool[];
}
