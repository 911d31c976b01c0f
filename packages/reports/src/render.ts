import type { ChildToolReportInput } from './documents/childTool.js';
import type { FamilySummaryInput, RecordInput } from './documents/reportInput.js';

// The renderers load on the first report, not with the package: pdfkit, the fonts and the
// glyph machinery cost start-up time a server that never prints a report should not pay.

/** The family summary PDF (plain language, large type; never professionals-only content). */
export async function renderFamilySummary(input: FamilySummaryInput): Promise<Uint8Array> {
  const documents = await import('./documents/familySummary.js');
  return documents.renderFamilySummary(input);
}

/** The record PDF for the child's file or court: everything, with authors, dates and marks. */
export async function renderRecord(input: RecordInput): Promise<Uint8Array> {
  const documents = await import('./documents/record.js');
  return documents.renderRecord(input);
}

/** A child's tool to print, or Words and Pictures to leave with the child (large type, drawings as vectors). */
export async function renderChildTool(input: ChildToolReportInput): Promise<Uint8Array> {
  const documents = await import('./documents/childTool.js');
  return documents.renderChildTool(input);
}
