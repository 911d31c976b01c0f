import type { BoardState, CardId, PairId, ScaleId } from '@kinmap/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ExtractedPdf, extractPdf, fullText, pageTexts, textLines } from '../testing/pdfText.js';
import { renderFamilySummary, toldLine } from './familySummary.js';
import {
  ARABIC,
  bigBoard,
  longText,
  MEETING,
  makeCard,
  POLISH,
  PROFESSIONALS_ONLY_TEXT,
  recordInput,
  sampleBoard,
  TRAJECTORY,
  URDU,
  WELSH,
} from './reportBoard.fixture.js';

describe('renderFamilySummary', () => {
  let pdf: ExtractedPdf;
  let text: string;
  beforeAll(async () => {
    pdf = await extractPdf(await renderFamilySummary(recordInput()));
    text = fullText(pdf);
  });

  it('starts with a PDF header and says which plan it is', () => {
    expect(text).toContain('Family summary');
    expect(text).toContain('The Khan family');
    expect(text).toContain('The plan as it was at the review child protection conference on 12 March 2025.');
  });

  it('says who in the network has been told about the worries', () => {
    expect(text).toContain('Told about the worries: Gwen Pritchard (1 of 1).');
  });

  it('keeps the family’s words in Welsh, Polish, Arabic and Urdu searchable', () => {
    expect(text).toContain(WELSH);
    expect(text).toContain(POLISH);
    expect(text).toContain('ŵyl');
    expect(text).toContain('żółw');
    expect(URDU).toMatch(/ہ.*ے/u);
    // Each right-to-left card is one line: it must come back exactly, words in reading order.
    const lines = textLines(pdf);
    expect(lines).toContain(ARABIC);
    expect(lines).toContain(URDU);
  });

  it('uses the three plain headings and large type for the cards', () => {
    for (const heading of ['What we are worried about', 'What is working well', 'What needs to happen']) {
      expect(text).toContain(heading);
    }
    const cardItems = pdf.items.flat().filter((item) => item.text.includes('Jo was left alone overnight'));
    expect(cardItems.length).toBeGreaterThan(0);
    expect(cardItems.every((item) => item.size >= 14)).toBe(true);
  });

  it('a meeting version says what was decided and who was there, and who sent apologies', () => {
    const lines = textLines(pdf);
    expect(lines).toContain('The meeting');
    expect(lines).toContain('What was decided');
    expect(lines).toContain('The plan continues; review in three months.');
    expect(lines).toContain('Who was there');
    expect(text).toMatch(
      /Alys \(Facilitator\), Mariam \(Family\), Jan \(Practitioner\), Dr Ewa Nowak \(Interpreter\)/,
    );
    expect(lines).toContain('Could not come');
    expect(lines).toContain('School nurse');
    // The decision comes before the cards: it is what the family takes home.
    expect(text.indexOf('What was decided')).toBeLessThan(text.indexOf('What we are worried about'));
  });

  it('a meeting with nothing written down says so; the board as it is now has no meeting section', async () => {
    const empty = fullText(
      await extractPdf(
        await renderFamilySummary(
          recordInput({
            meeting: {
              ...MEETING,
              decision: '  ',
              attendance: { participantIds: [], othersPresent: [], apologies: [] },
            },
          }),
        ),
      ),
    );
    expect(empty).toContain('No decision was written down at this meeting.');
    expect(empty).toContain('Nobody was written down as being there.');
    expect(empty).not.toContain('Could not come');
    const now = fullText(
      await extractPdf(await renderFamilySummary(recordInput({ meeting: null, version: null }))),
    );
    expect(now).not.toContain('What was decided');
    expect(now).not.toContain('Who was there');
    expect(now).not.toContain('The meeting');
  });

  it('shows no authors or dates on cards', () => {
    expect(text).not.toContain('Written by');
    expect(text).not.toContain('10:00');
  });

  it('puts each danger statement beside its safety goal, both starting on the same line', () => {
    const lines = textLines(pdf);
    expect(lines).toContainEqual(expect.stringMatching(/^What we are worried could ?What we need to see$/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^We worry Jo will be hurt .* ?For six months, a sober adult/),
    );
  });

  it('shows every revealed score by first name and role, and the middle score', () => {
    expect(text).toContain('Mariam (Family): 7 — We have done everything asked');
    expect(text).toContain('Jan (Practitioner): 4 — Some progress, not yet tested');
    expect(text).toContain('The middle score is 6.');
    expect(text).toContain('The scores are still being collected privately.');
  });

  it('shows the safety plan with the network’s names, the rules, who makes sure and the review date', () => {
    expect(text).toContain('Gwen Pritchard — Nain (grandmother)');
    expect(text).toContain('A sober adult is at home whenever Jo is.');
    expect(text).toContain('Who makes sure it happens Gwen Pritchard');
    expect(text).toContain('Review date: 12 June 2025');
  });

  it('draws the groups’ scores over the meetings with the meeting dates', () => {
    expect(text).toContain('How the scores have changed');
    expect(text).toContain('10 Jan 2025');
    expect(text).toContain('Family (average)');
    expect(text).toContain('Professionals (average)');
    // Only the averages, each named once (the legend of the overall chart): a person's line is not an average.
    expect(text.match(/Family \(average\)/g)).toHaveLength(1);
    expect(text).not.toContain('Mariam Khan (Family)');
  });

  it('numbers every page', () => {
    pageTexts(pdf).forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pdf.pageCount}`);
    });
  });
});

describe('renderFamilySummary with professionals-only content slipped in', () => {
  /** The shared board plus a professionals-only card everywhere a card can appear. */
  function boardWithSecrets(): BoardState {
    const board = sampleBoard();
    const secret = makeCard('c-secret', 'complicatingFactor', PROFESSIONALS_ONLY_TEXT, {
      professionalsOnly: true,
    });
    const secretWorry = makeCard('c-secret-ds', 'dangerStatement', `${PROFESSIONALS_ONLY_TEXT} (worry)`, {
      professionalsOnly: true,
      pairId: 'pair-2' as PairId,
    });
    const goal = makeCard('c-goal-2', 'safetyGoal', 'Jo sleeps at home every night.', {
      pairId: 'pair-2' as PairId,
    });
    return {
      ...board,
      cards: { ...board.cards, [secret.id]: secret, [secretWorry.id]: secretWorry, [goal.id]: goal },
      pairs: {
        ...board.pairs,
        'pair-2': {
          id: 'pair-2' as PairId,
          dangerStatementId: secretWorry.id as CardId,
          safetyGoalId: goal.id as CardId,
          createdAt: board.pairs['pair-1']?.createdAt ?? 0 + 1,
        },
      },
      scales: {
        ...board.scales,
        'pair-2': { id: 'pair-2' as ScaleId, mode: 'revealed', ratings: {}, scored: [] },
      },
    };
  }

  it('never prints a professionals-only card, even when one is in the board it is given', async () => {
    const trajectory = {
      ...TRAJECTORY,
      scales: [
        ...TRAJECTORY.scales,
        {
          // A scale with group lines, so the summary charts it.
          ...(TRAJECTORY.scales[0] as (typeof TRAJECTORY.scales)[number]),
          scaleId: 'pair-2',
          title: PROFESSIONALS_ONLY_TEXT,
        },
      ],
    };
    const input = recordInput({ board: boardWithSecrets(), trajectory });
    const text = fullText(await extractPdf(await renderFamilySummary(input)));
    expect(text).toContain('Jo sleeps at home every night.');
    expect(text).toContain('Worry 2');
    expect(text).not.toContain('7Q3X');
    expect(text).not.toContain('Police intelligence');
  });
});

describe('renderFamilySummary of a big board', () => {
  it('renders 300 cards and a 5,000-character card over several pages, every word searchable', async () => {
    const input = recordInput({ board: bigBoard(300) });
    const pdf = await extractPdf(await renderFamilySummary(input));
    const text = fullText(pdf);
    expect(pdf.pageCount).toBeGreaterThan(10);
    for (let i = 0; i < 300; i += 1) expect(text).toContain(`Card ${i}:`);
    // The long card wraps over many lines; its sentences all come back in order.
    const sentences = longText(5000).match(/Sentence \d+ of/g) ?? [];
    expect(sentences.length).toBeGreaterThan(50);
    // Read across page breaks: without the footers that the stamping puts between two pages.
    const body = textLines(pdf)
      .filter((line) => !/^Family summary · made on|^Page \d+ of \d+$/.test(line))
      .join(' ');
    let from = 0;
    for (const sentence of sentences) {
      const at = body.indexOf(sentence, from);
      expect(at, sentence).toBeGreaterThanOrEqual(from);
      from = at;
    }
  });
});

describe('toldLine', () => {
  it('names who was told and who not yet, or says nobody was', () => {
    const nan = { name: 'Nain', toldAboutWorries: true };
    const mike = { name: ' ', toldAboutWorries: false };
    expect(toldLine([nan, mike])).toBe(
      'Told about the worries: Nain (1 of 2). Not yet: someone in the network.',
    );
    expect(toldLine([mike])).toBe('Nobody in the network has been told about the worries yet.');
    expect(toldLine([nan])).toBe('Told about the worries: Nain (1 of 1).');
  });
});
