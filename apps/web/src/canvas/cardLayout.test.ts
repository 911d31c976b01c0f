import type { CardQuote, PersonId } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { METRICS, TEXT_STYLES } from './boardMetrics';
import { cardHeight, cardTextWidth, placeCard, QUOTE } from './cardLayout';
import { card, measure } from './layoutFixture';

const jo = 'jo' as PersonId;
const people = { [jo]: { name: 'Jo' } };
const at = { x: 10, y: 20, width: 320 };
const quoted = (quote: CardQuote) => ({ ...card('c1', 'harm', 1, 'I get scared at night'), quote });

describe("placeCard: the child's-words line ([AC52])", () => {
  it('puts the line under the text, beside a child icon, and makes the card taller by it', () => {
    const plain = placeCard(card('c1', 'harm', 1, 'I get scared at night'), 0, at, measure, null);
    const words = placeCard(quoted({ personId: jo, toolId: null, area: null }), 0, at, measure, null, {
      people,
    });
    expect(plain.quoteLines).toEqual([]);
    expect(plain.quoteIcon).toBeNull();
    expect(words.quoteLines).toEqual(['Jo’s words']);
    expect(words.rect.height).toBe(plain.rect.height + METRICS.metaGap + QUOTE.text.lineHeight);
    expect(words.quoteY).toBe(
      words.textY + words.lines.length * TEXT_STYLES.cardText.lineHeight + METRICS.metaGap,
    );
    expect(words.quoteIcon).toEqual({
      x: METRICS.stripeWidth + METRICS.cardPaddingX,
      y: words.quoteY + (QUOTE.text.lineHeight - QUOTE.icon) / 2,
      width: QUOTE.icon,
      height: QUOTE.icon,
    });
  });

  it('wraps a long line beside the icon and keeps the notes below it', () => {
    const narrow = { ...at, width: 200 };
    const words = placeCard(
      { ...quoted({ personId: jo, toolId: 't1', area: 'roof' }), editedBy: { p2: 1 } },
      0,
      narrow,
      measure,
      null,
      { people, names: { p2: { displayName: 'Sam' } } },
    );
    const room = cardTextWidth(narrow.width) - QUOTE.icon - QUOTE.iconGap;
    expect(words.quoteLines.join(' ')).toBe('Jo’s words, from the roof of the Safety House');
    expect(words.quoteLines.length).toBeGreaterThan(1);
    for (const line of words.quoteLines) expect(measure(line, QUOTE.text)).toBeLessThanOrEqual(room);
    expect(words.metaY).toBe(
      words.quoteY + words.quoteLines.length * QUOTE.text.lineHeight + METRICS.metaGap,
    );
    expect(words.rect.height).toBe(
      cardHeight(
        words.lines.length,
        words.metaLines.length,
        1,
        TEXT_STYLES.cardText,
        words.quoteLines.length,
      ),
    );
    expect(words.metaY + words.metaLines.length * TEXT_STYLES.cardMeta.lineHeight).toBeLessThanOrEqual(
      words.rect.height - METRICS.cardPaddingY,
    );
  });

  it('says "A child’s words" when the child is no longer a person of the case', () => {
    const words = placeCard(quoted({ personId: jo, toolId: 't1', area: 'worries' }), 0, at, measure, null, {
      people: {},
    });
    expect(words.quoteLines.join(' ')).toBe('A child’s words, from the house of worries');
  });
});
