import { createRequire } from 'node:module';
import { STICKER_ICONS, type StickerName } from '@kinmap/model';

/**
 * The pictures a child puts in a house, drawn in the PDFs from the same Lucide icons the screen
 * uses (`lucide-static`'s icon nodes: SVG elements in a 24 × 24 box, stroked, round caps). Only
 * the few element kinds our icons use are drawn; anything else is skipped, never guessed at.
 */
export type IconElement =
  | { readonly kind: 'path'; readonly d: string }
  | { readonly kind: 'circle'; readonly cx: number; readonly cy: number; readonly r: number };

type IconNode = ReadonlyArray<readonly [string, Readonly<Record<string, string | number>>]>;

let nodes: Readonly<Record<string, IconNode>> | null = null;

function iconNodes(): Readonly<Record<string, IconNode>> {
  nodes ??= createRequire(import.meta.url)('lucide-static/icon-nodes.json') as Record<string, IconNode>;
  return nodes;
}

const num = (value: string | number | undefined): number | null => {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
};

/** The elements of a picture's icon. */
export function stickerElements(sticker: StickerName): IconElement[] {
  const node = iconNodes()[STICKER_ICONS[sticker]] ?? [];
  const out: IconElement[] = [];
  for (const [tag, attrs] of node) {
    if (tag === 'path' && typeof attrs.d === 'string') out.push({ kind: 'path', d: attrs.d });
    if (tag === 'circle') {
      const cx = num(attrs.cx);
      const cy = num(attrs.cy);
      const r = num(attrs.r);
      if (cx !== null && cy !== null && r !== null) out.push({ kind: 'circle', cx, cy, r });
    }
  }
  return out;
}

/** Draws a picture centred on (x, y), `size` points across, in `colour`. */
export function drawSticker(
  doc: PDFKit.PDFDocument,
  sticker: StickerName,
  at: { readonly x: number; readonly y: number; readonly size: number; readonly colour: string },
): void {
  const scale = at.size / 24;
  doc.save();
  doc.translate(at.x - at.size / 2, at.y - at.size / 2).scale(scale);
  doc.lineWidth(2).lineCap('round').lineJoin('round').strokeColor(at.colour);
  for (const element of stickerElements(sticker)) {
    if (element.kind === 'path') doc.path(element.d).stroke();
    else doc.circle(element.cx, element.cy, element.r).stroke();
  }
  doc.restore();
}
