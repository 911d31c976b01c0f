import { beforeAll, describe, expect, it } from 'vitest';
import { loadOnDemandWords } from '../lib/messages';
import { areaTitle, choiceWords, drawingSummary, readAloudText, visibilityWords } from './toolWords';

beforeAll(() => loadOnDemandWords());

const names: Record<string, string> = { sam: 'Sam', mum: 'Mum', gran: 'Gran' };
const nameOf = (id: string) => names[id] ?? null;

describe('who can see a child’s tool, in plain words', () => {
  it('names the worker when only the worker sees it', () => {
    expect(
      visibilityWords({ visibility: 'worker', named: [], workerMemberId: 'sam' }, 'Jo', nameOf, true),
    ).toBe('Only Jo’s worker, Sam.');
  });

  it('names the people the child chose, and counts one who has left the board', () => {
    const facts = { visibility: 'named', named: ['mum', 'gran', 'gone'], workerMemberId: 'sam' } as const;
    expect(visibilityWords(facts, 'Jo', nameOf, true)).toBe(
      'Jo’s worker, Sam, and people Jo chose: Mum, Gran, and someone who has left.',
    );
  });

  it('does not count the worker twice among the chosen', () => {
    const facts = { visibility: 'named', named: ['sam', 'mum'], workerMemberId: 'sam' } as const;
    expect(visibilityWords(facts, 'Jo', nameOf, true)).toBe('Jo’s worker, Sam, and people Jo chose: Mum.');
  });

  it('tells staff when nobody else is chosen yet, and a chosen family member that they are among them', () => {
    const facts = { visibility: 'named', named: [], workerMemberId: 'sam' } as const;
    expect(visibilityWords(facts, 'Jo', nameOf, true)).toBe(
      'Jo’s worker, Sam. Jo has not chosen anyone else yet.',
    );
    expect(visibilityWords(facts, 'Jo', nameOf, false)).toBe(
      'Jo’s worker, Sam, and people Jo chose, you among them.',
    );
  });

  it('says the meeting or everyone, and "the worker" when the worker’s name is not known', () => {
    expect(
      visibilityWords({ visibility: 'meeting', named: [], workerMemberId: 'sam' }, 'Jo', nameOf, true),
    ).toBe('Everyone at the meeting.');
    expect(
      visibilityWords({ visibility: 'wall', named: [], workerMemberId: 'sam' }, 'Jo', nameOf, false),
    ).toBe('Everyone, on the big screen too.');
    expect(
      visibilityWords({ visibility: 'worker', named: [], workerMemberId: 'x' }, 'Jo', nameOf, true),
    ).toBe('Only Jo’s worker, the worker.');
  });

  it('offers the choices in the child’s own words', () => {
    expect(['worker', 'named', 'meeting', 'wall'].map((v) => choiceWords(v as 'worker'))).toEqual([
      'Only my worker',
      'My worker and people I choose',
      'Everyone at the meeting',
      'Everyone, on the big screen too',
    ]);
  });
});

describe('the drawing’s text alternative', () => {
  it('counts the drawings and names the pictures, each once', () => {
    expect(drawingSummary({ strokes: [], stickers: [] })).toBe('nothing drawn yet');
    const stroke = { id: 's', colour: 'ink', width: 0.01, points: [0, 0] } as const;
    const dog = { id: 'd1', sticker: 'dog', x: 0.5, y: 0.5 } as const;
    expect(drawingSummary({ strokes: [stroke, stroke, stroke], stickers: [dog] })).toBe(
      '3 drawings, 1 picture: dog',
    );
    expect(
      drawingSummary({
        strokes: [stroke],
        stickers: [dog, { ...dog, id: 'd2' }, { id: 'st', sticker: 'star', x: 0, y: 0 }],
      }),
    ).toBe('1 drawing, 3 pictures: dog, star');
  });
});

describe('reading aloud', () => {
  it('says the area’s title, then the child’s words or that there are none yet', () => {
    const title = areaTitle('three-houses', 'worries');
    expect(title).toBe('House of worries');
    expect(readAloudText(title, '  Dad shouting  ')).toBe('House of worries. Dad shouting');
    expect(readAloudText(title, '')).toBe('House of worries. No words yet.');
  });

  it('has a title for every area of every kind', () => {
    expect(areaTitle('safety-house', 'path')).toBe('The path to my Safety House');
    expect(areaTitle('wizards-fairies', 'good')).toBe('The Good Fairy: good things');
  });
});
