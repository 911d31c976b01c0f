import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * What a reader gets back from a PDF: the text of each page as pdf.js extracts it (the engine
 * of Firefox's viewer), one string per line, and the fonts that are embedded. For tests only.
 */
export interface ExtractedPdf {
  readonly pages: readonly string[];
  readonly pageCount: number;
  /** Each page's text pieces with the font size they are drawn at (points). */
  readonly items: readonly (readonly { readonly text: string; readonly size: number }[])[];
}

export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  const items: { text: string; size: number }[][] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    let text = '';
    const pageItems: { text: string; size: number }[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str;
      if (item.hasEOL) text += '\n';
      const [a = 0, b = 0] = item.transform as number[];
      pageItems.push({ text: item.str, size: Math.hypot(a, b) });
    }
    pages.push(text);
    items.push(pageItems);
  }
  const pageCount = pdf.numPages;
  await pdf.destroy();
  return { pages, pageCount, items };
}

/** The whole document as one string, spaces collapsed: for "is this phrase anywhere in it". */
export function fullText(pdf: ExtractedPdf): string {
  return pdf.pages.join(' ').replace(/\s+/g, ' ');
}

/** Each page's text, spaces collapsed: for "is this on every page" (footers, page numbers). */
export function pageTexts(pdf: Pick<ExtractedPdf, 'pages'>): string[] {
  return pdf.pages.map((page) => page.replace(/\s+/g, ' '));
}

/** Every line of the document, across pages, with runs of spaces collapsed. */
export function textLines(pdf: Pick<ExtractedPdf, 'pages'>): string[] {
  return pdf.pages
    .join('\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** The names of the fonts embedded in the PDF (from the raw bytes: FontFile2 streams). */
export function embeddedFontNames(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes).toString('latin1');
  const names = new Set<string>();
  for (const match of raw.matchAll(/\/FontName \/([A-Z]{6}\+[^\s/>]+)/g)) names.add(match[1] as string);
  return [...names].sort();
}

/**
 * For each piece of text shown on page `pageNumber`, whether it is painted (render modes 0–2)
 * or invisible (mode 3, a text layer).
 */
export async function textVisibility(
  bytes: Uint8Array,
  pageNumber: number,
): Promise<('painted' | 'invisible')[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 })
    .promise;
  const page = await pdf.getPage(pageNumber);
  const { fnArray, argsArray } = await page.getOperatorList();
  const shown: ('painted' | 'invisible')[] = [];
  const modes: number[] = [0];
  fnArray.forEach((fn, i) => {
    if (fn === OPS.save) modes.push(modes.at(-1) ?? 0);
    else if (fn === OPS.restore) modes.pop();
    else if (fn === OPS.setTextRenderingMode) modes[modes.length - 1] = (argsArray[i] as number[])[0] ?? 0;
    else if (fn === OPS.showText || fn === OPS.showSpacedText)
      shown.push(modes.at(-1) === 3 ? 'invisible' : 'painted');
  });
  await pdf.destroy();
  return shown;
}

/** How many paths are painted (stroked or filled) on each page: drawings and pictures are paths. */
export async function paintedPaths(bytes: Uint8Array): Promise<number[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 })
    .promise;
  const counts: number[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const { fnArray } = await (await pdf.getPage(number)).getOperatorList();
    counts.push(fnArray.filter((fn) => fn === OPS.constructPath).length);
  }
  await pdf.destroy();
  return counts;
}
