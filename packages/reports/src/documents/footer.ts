import { INK_MUTED, type PageFlow } from '../text/pageFlow.js';

const FOOTER = { size: 10, weight: 'regular' as const };

/** A page's footer: what the document is on the left, the page number on the right. */
export function writeFooter(flow: PageFlow, left: string, right: string): void {
  const y = flow.bottom + 14;
  const [leftLine] = flow.layout(left, FOOTER, flow.width * 0.7);
  const [rightLine] = flow.layout(right, FOOTER, flow.width * 0.3);
  if (leftLine) flow.drawLine(leftLine, FOOTER, INK_MUTED, { x: flow.left, width: flow.width * 0.7, y });
  if (rightLine) {
    flow.drawLine(rightLine, FOOTER, INK_MUTED, { x: flow.left, width: flow.width, y, align: 'end' });
  }
}
