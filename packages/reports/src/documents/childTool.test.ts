import {
  addSticker,
  addStroke,
  type ChildToolKind,
  initChildTool,
  readChildTool,
  setChildScale,
  setChildWords,
} from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { extractPdf, fullText, paintedPaths } from '../testing/pdfText.js';
import { type ChildToolReportInput, renderChildTool } from './childTool.js';

// Issue 14: a child's tool printed to keep or to leave with the child — the child's words as text,
// their drawings and pictures as vectors.

function toolOf(kind: ChildToolKind, fill: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  initChildTool(doc, { kind, toolId: 't1', personId: 'jo', createdAt: Date.UTC(2026, 11, 1) });
  fill(doc);
  const tool = readChildTool(doc);
  if (tool === null) throw new Error('no tool');
  return tool;
}

const base = (tool: ChildToolReportInput['tool']): ChildToolReportInput => ({
  tool,
  child: { name: 'Jo', age: 9 },
  workerName: 'Pat Okafor',
  wordsPictures: null,
  generatedAt: Date.UTC(2026, 11, 7),
  generatedBy: { displayName: 'Pat Okafor' },
  timeZone: 'Europe/London',
});

describe("a child's tool as a PDF", () => {
  it("prints Three Houses with the child's exact words, in large type, and their drawings and pictures", async () => {
    const words = 'When dad shouts I hide under my bed with Biscuit — ŵyr ŷd';
    const plain = toolOf('three-houses', (doc) => setChildWords(doc, 'worries', words));
    const drawn = toolOf('three-houses', (doc) => {
      setChildWords(doc, 'worries', words);
      for (let i = 0; i < 5; i++)
        addStroke(doc, 'worries', { colour: 'red', width: 0.01, points: [0.1, 0.1 * i, 0.9, 0.5] });
      addSticker(doc, 'dreams', { sticker: 'dog', x: 0.5, y: 0.5 });
    });
    const pdf = await renderChildTool(base(drawn));
    const extracted = await extractPdf(pdf);
    const text = fullText(extracted);
    expect(text).toContain("Jo's Three Houses");
    expect(text).toContain('The house of worries');
    expect(text).toContain('The house of dreams');
    expect(text).toContain(words);
    expect(text).toContain('Nothing written here.');
    // The child's words are at least 20 pt.
    const sizes = extracted.items
      .flat()
      .filter((item) => item.text.includes('Biscuit'))
      .map((item) => item.size);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
    // Five strokes and a dog (several paths): all drawn as paths, beyond what the plain one has.
    const withDrawing = (await paintedPaths(pdf)).reduce((a, b) => a + b, 0);
    const without = (await paintedPaths(await renderChildTool(base(plain)))).reduce((a, b) => a + b, 0);
    expect(withDrawing - without).toBeGreaterThanOrEqual(5 + 3);
  });

  it("prints the Safety House's own score and Words and Pictures' agreements", async () => {
    const house = toolOf('safety-house', (doc) => {
      setChildWords(doc, 'inside', 'Nana and Miss Evans');
      setChildScale(doc, 6);
    });
    const houseText = fullText(await extractPdf(await renderChildTool(base(house))));
    expect(houseText).toContain("Jo's My Safety House");
    expect(houseText).toContain('My score: 6 out of 10');
    expect(houseText).toContain('Nana and Miss Evans');

    const story = toolOf('words-pictures', (doc) =>
      setChildWords(doc, 'happened', 'The police came because of the shouting.'),
    );
    const text = fullText(
      await extractPdf(
        await renderChildTool({
          ...base(story),
          wordsPictures: {
            stage: 'left-with-child',
            parents: [
              { name: 'Mariam', agreedAt: Date.UTC(2026, 11, 3), current: true },
              { name: 'Dan', agreedAt: Date.UTC(2026, 11, 4), current: true },
            ],
            withChildAt: Date.UTC(2026, 11, 5),
            leftAt: Date.UTC(2026, 11, 6),
          },
        }),
      ),
    );
    expect(text).toContain('Words and Pictures for Jo');
    expect(text).toContain('What happened');
    expect(text).toContain('The police came because of the shouting.');
    expect(text).toContain('Mariam: agreed on 3 December 2026');
    expect(text).toContain('Dan: agreed on 4 December 2026');
    expect(text).toContain('Left with Jo on 6 December 2026.');
  });
});
