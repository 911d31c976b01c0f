export type { FamilySummaryInput, RecordInput, ReportSource } from './documents/reportInput.js';
export { CATEGORY_HEADINGS } from './documents/reportWords.js';
export { renderFamilySummary, renderRecord } from './render.js';
