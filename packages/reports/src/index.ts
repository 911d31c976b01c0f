export type { ChildToolReportInput } from './documents/childTool.js';
export type { RecordChildTool } from './documents/recordChildTools.js';
export type { FamilySummaryInput, RecordInput, ReportSource } from './documents/reportInput.js';
export { CATEGORY_HEADINGS } from './documents/reportWords.js';
export { renderChildTool, renderFamilySummary, renderRecord } from './render.js';
