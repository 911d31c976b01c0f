import { describe, expect, it } from 'vitest';
import { extractPdf, fullText } from '../testing/pdfText.js';
import { participantDirectory, ratingsOf, recordedByLabel, scorerLabel } from './boardReading.js';
import { renderFamilySummary } from './familySummary.js';
import { renderRecord } from './record.js';
import { boardWithRecordedScore, PEOPLE, recordInput } from './reportBoard.fixture.js';

// Issue 14: a score staff recorded for a child without a device is printed under the child's
// name, with who recorded it, in both reports.

describe('scores recorded for someone without a device', () => {
  const board = boardWithRecordedScore();
  const directory = participantDirectory(board);

  it('names the child with their age, and who recorded the score', () => {
    const jo = board.scales.overall?.ratings['p-jo'];
    if (jo === undefined) throw new Error('fixture has Jo’s score');
    expect(scorerLabel(board.people, directory, 'p-jo')).toBe('Jo (child, 9)');
    expect(recordedByLabel(directory, jo)).toBe('recorded by Jan Kowalski (Practitioner)');
    expect(recordedByLabel(directory, jo, true)).toBe('recorded by Jan (Practitioner)');
    expect(scorerLabel(board.people, directory, PEOPLE.mum.id)).toBe('Mariam Khan (Family)');
  });

  it('sorts the child among everyone else by name', () => {
    const scale = board.scales.overall;
    if (scale === undefined) throw new Error('fixture has an overall scale');
    expect(ratingsOf(scale, directory, board.people).map((entry) => entry.participantId)).toEqual([
      'p-nain',
      'p-worker',
      'p-jo',
      'p-mum',
    ]);
  });

  it('prints the recorded score in the record, with who recorded it', async () => {
    const text = fullText(await extractPdf(await renderRecord(recordInput({ board }))));
    expect(text).toContain('Jo (child, 9): 5');
    expect(text).toContain('recorded by Jan Kowalski (Practitioner)');
    expect(text).toContain('Revealed. 4 scores; middle score 5.5.');
  });

  it('prints it in the family summary in plain words', async () => {
    const text = fullText(await extractPdf(await renderFamilySummary(recordInput({ board }))));
    expect(text).toContain(
      'Jo (child, 9): 5 — I like it when Nain is there (recorded by Jan (Practitioner))',
    );
    expect(text).toContain('The middle score is 5.5.');
  });
});
