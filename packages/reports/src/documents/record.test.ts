import { beforeAll, describe, expect, it } from 'vitest';
import { type ExtractedPdf, extractPdf, fullText, pageTexts, textLines } from '../testing/pdfText.js';
import { RESTRICTED_BANNER, renderRecord } from './record.js';
import {
  ARABIC,
  bigBoard,
  makeCard,
  POLISH,
  PROFESSIONALS_ONLY_TEXT,
  recordInput,
  sampleBoard,
  TRAJECTORY,
  URDU,
  VERSION,
  WELSH,
} from './reportBoard.fixture.js';

const GENERATED = 'Generated 13 March 2025, 10:00 GMT by Jan Kowalski (Practitioner)';

describe('renderRecord', () => {
  let pdf: ExtractedPdf;
  let text: string;
  beforeAll(async () => {
    pdf = await extractPdf(await renderRecord(recordInput()));
    text = fullText(pdf);
  });

  it('opens with the version, its id, its content hash and who generated it', () => {
    expect(text).toContain('Record of the safety map');
    expect(text).toContain('Version 3 — Review');
    expect(text).toContain(`Version id ${VERSION.id}`);
    expect(text).toContain(`Content hash (SHA-256) ${VERSION.contentHash}`);
    expect(text).toContain('Saved 12 March 2025, 12:00 GMT by Alys Pritchard');
  });

  it('records the meeting: type, date, who attended, who else was there, apologies and the decision', () => {
    expect(text).toContain('Review child protection conference, 12 March 2025');
    expect(text).toContain(
      'Attended Alys Pritchard (Facilitator); Mariam Khan (Family); Jan Kowalski (Practitioner)',
    );
    expect(text).toContain('Also present Dr Ewa Nowak (Interpreter)');
    expect(text).toContain('Apologies School nurse');
    expect(text).toContain('Decision The plan continues; review in three months.');
  });

  it('prints every card with its author, dates and marks, in every script', () => {
    for (const words of [WELSH, POLISH]) expect(text).toContain(words);
    expect(textLines(pdf)).toEqual(expect.arrayContaining([ARABIC, URDU]));
    expect(text).toContain(
      'Written by Gwen Pritchard (Network) · created 12 March 2025, 10:00 GMT · last changed 12 March 2025, 11:00 GMT',
    );
    expect(text).toContain('Agree: Gwen Pritchard (Network) · Disagree: Mariam Khan (Family)');
    expect(text).toContain('Worry 1 · card c-danger');
  });

  it('[AC30] [AC7] [AC31] names who changed a card, who disagrees and why, and pending suggestions', () => {
    expect(text).toContain('Changed by Alys Pritchard (Facilitator), last 12 March 2025, 10:30 GMT');
    expect(text).toContain('includes a change suggested by Gwen Pritchard (Network)');
    expect(text).toContain('Mariam Khan (Family) disagrees: Dad has not had a drink since January.');
    expect(text).toContain(
      'Mariam Khan (Family) suggests: “We worry Jo could be hurt if Dad drinks again.” (not accepted yet)',
    );
  });

  it('includes professionals-only cards, marked as such', () => {
    expect(text).toContain(`PROFESSIONALS ONLY — not shared with the family ${PROFESSIONALS_ONLY_TEXT}`);
  });

  it('marks every page that holds professionals-only content, and only those, with the board title and date', async () => {
    const pages = pageTexts(pdf);
    const marked = pages.filter((page) => page.includes(RESTRICTED_BANNER));
    expect(marked.length).toBeGreaterThan(0);
    for (const page of pages) {
      expect(page.includes(RESTRICTED_BANNER)).toBe(page.includes(PROFESSIONALS_ONLY_TEXT));
    }
    expect(marked[0]).toContain('13 March 2025, 10:00 GMT');
    const title = recordInput().board.meta.title;
    expect(marked[0]).toContain(title);
    // A record without professionals-only cards carries no such mark.
    const open = await extractPdf(await renderRecord(recordInput({ restricted: null })));
    expect(fullText(open)).not.toContain(RESTRICTED_BANNER);
  });

  it('gives each person’s score and reason on each scale, and says when a scale was still private', () => {
    expect(text).toContain(
      'Mariam Khan (Family): 7 Scored 12 March 2025, 10:00 GMT We have done everything asked',
    );
    expect(text).toContain('Revealed. 3 scores; middle score 6.');
    expect(text).toContain('Scores were being collected privately');
    expect(text).toContain('1 had scored: Mariam Khan (Family).');
  });

  it('charts the trajectory and lists its numbers as text', () => {
    expect(text).toContain('Scaling over the meetings');
    expect(text).toContain(
      'Mariam Khan (Family): 10 Jan 2025 (Initial conference) 5 · 12 Mar 2025 (Review) 7 · 13 Mar 2025 (Now) 7',
    );
    expect(text).toContain('Professionals (average): 10 Jan 2025 (Initial conference) 2');
  });

  it('names each family member on their own line and labels only the averages as averages', () => {
    expect(text).toContain('Tariq Khan (Family): 10 Jan 2025 (Initial conference) 6');
    expect(text).toContain('Family (average): 10 Jan 2025 (Initial conference) 5.5');
    // Once in the legend and once in the table of the overall chart; never for a person.
    expect(text.match(/Family \(average\)/g)).toHaveLength(2);
  });

  it('prints the whole plan, including what was not filled in', () => {
    expect(text).toContain('Told about the worries Yes');
    expect(text).toContain('Who makes sure it happens Gwen Pritchard');
    expect(text).toContain('Review date 12 June 2025');
  });

  it('puts the footer on every page: who generated it and when, the version id and hash, page X of Y', () => {
    expect(pdf.pageCount).toBeGreaterThan(1);
    pageTexts(pdf).forEach((pageText, i) => {
      expect(pageText).toContain(GENERATED);
      expect(pageText).toContain(`Version 3 ${VERSION.id} · SHA-256 ${VERSION.contentHash}`);
      expect(pageText).toContain(`Page ${i + 1} of ${pdf.pageCount}`);
    });
  });
});

describe('renderRecord of the board as it is now', () => {
  it('says on every page that it is not a saved version, with the live content hash', async () => {
    const liveHash = 'c'.repeat(64);
    const pdf = await extractPdf(
      await renderRecord(recordInput({ version: null, meeting: null, contentHash: liveHash })),
    );
    const text = fullText(pdf);
    expect(text).toContain('Not a saved version: the board as it was when this record was generated.');
    expect(text).toContain('No meeting is linked to this record.');
    for (const page of pageTexts(pdf)) expect(page).toContain(`Not a saved version · SHA-256 ${liveHash}`);
  });
});

describe('renderRecord of odd data', () => {
  it('prints what it can when people have left, dates are broken and scores are off the scale', async () => {
    const board = sampleBoard();
    const stray = makeCard('c-stray', 'harm', 'Written by someone who left', {
      authorId: 'p-gone' as never,
      createdAt: Number.NaN,
      marks: { 'p-gone-too': 'agree' },
    });
    const overall = board.scales.overall;
    if (overall === undefined) throw new Error('fixture has an overall scale');
    const input = recordInput({
      board: {
        ...board,
        meta: { ...board.meta, title: '' },
        cards: { ...board.cards, [stray.id]: stray },
        scales: {
          ...board.scales,
          overall: { ...overall, ratings: { 'p-gone': { value: 42, reason: '', at: 0 } } },
        },
      },
      trajectory: {
        ...TRAJECTORY,
        scales: [
          {
            scaleId: 'overall',
            title: '',
            lines: [
              {
                key: 'x',
                kind: 'person',
                label: 'Short line',
                role: null,
                group: null,
                series: 0,
                points: [],
              },
            ],
          },
        ],
      },
      timeZone: 'Not/AZone',
    });
    const text = fullText(await extractPdf(await renderRecord(input)));
    expect(text).toContain('Untitled board');
    expect(text).toContain('Written by Someone no longer on the board (p-gone) · created unknown time');
    expect(text).toContain('Agree: Someone no longer on the board (p-gone-t)');
    expect(text).toContain(
      'Short line: 10 Jan 2025 (Initial conference) – · 12 Mar 2025 (Review) – · 13 Mar 2025 (Now) –',
    );
  });
});

describe('renderRecord of a big board', () => {
  it('renders 300 cards and a 5,000-character card with the footer on every one of many pages', async () => {
    const pdf = await extractPdf(await renderRecord(recordInput({ board: bigBoard(300) })));
    const text = fullText(pdf);
    expect(pdf.pageCount).toBeGreaterThan(10);
    for (let i = 0; i < 300; i += 1) expect(text).toContain(`Card ${i}:`);
    expect(text).toContain('card c-long');
    pageTexts(pdf).forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pdf.pageCount}`);
      expect(page).toContain(VERSION.contentHash);
    });
  });
});
