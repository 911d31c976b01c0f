import { deserialize } from 'node:v8';
import {
  type ChildToolReportInput,
  type FamilySummaryInput,
  type RecordInput,
  renderChildTool,
  renderFamilySummary,
  renderRecord,
} from '@kinmap/reports';
import { move } from 'piscina';
import type { RenderTask } from './renderPool.js';

/**
 * One report, drawn in a worker thread (renderPool.ts runs this file through piscina): the input
 * arrives as the V8-serialised bytes the pool measured against its cap, the PDF goes back
 * transferred, not copied.
 */
export default async function renderReport(task: RenderTask): Promise<Uint8Array> {
  const input: unknown = deserialize(task.input);
  const pdf =
    task.kind === 'record'
      ? await renderRecord(input as RecordInput)
      : task.kind === 'child-tool'
        ? await renderChildTool(input as ChildToolReportInput)
        : await renderFamilySummary(input as FamilySummaryInput);
  // A Buffer may be a slice of a shared pool: transfer a copy that owns its whole ArrayBuffer.
  const owned = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : pdf.slice();
  return move(owned) as Uint8Array;
}
