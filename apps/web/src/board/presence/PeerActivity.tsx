import { ownValue } from '@kinmap/model';
import type Konva from 'konva';
import { useEffect, useRef, useState } from 'react';
import { Group, Layer, Rect, Text } from 'react-konva';
import type { BoardLayout } from '../../canvas/boardLayout';
import type { MeasureText } from '../../canvas/boardMetrics';
import { type CardLayout, PRESENCE_TEXT, presenceTag } from '../../canvas/cardLayout';
import { INK_INVERSE } from '../../canvas/colors';
import { createCanvasMeasure, staticTextProps } from '../../canvas/text/textMeasure';
import { type CardWatcher, watcherLabel } from './presence';

export interface PeerActivityProps {
  readonly layout: BoardLayout;
  readonly watchers: ReadonlyMap<string, readonly CardWatcher[]>;
}

const OUTLINE_GAP = 3;
/** A name tag shows this long after the last change (someone chose the card, or its text changed). */
export const TAG_FADE_AFTER_MS = 4000;
const FADE_SECONDS = 0.6;

let sharedMeasure: MeasureText | null = null;
function tagMeasure(): MeasureText {
  sharedMeasure ??= createCanvasMeasure();
  return sharedMeasure;
}

/**
 * A coloured outline around each card someone else has chosen or is typing in, in that person's
 * role colour (dashed when only chosen), and a name tag in the card's own header row (beside its
 * author's initials), so it never covers a section prompt, another card or the card's text. The tag
 * fades a few seconds after the last change. Drawn above the cards; never catches events.
 */
export function PeerActivity({ layout, watchers }: PeerActivityProps) {
  return (
    <Layer listening={false}>
      {[...watchers].map(([cardId, people]) => {
        const placed = ownValue(layout.cards, cardId);
        const first = people[0];
        if (!placed || !first) return null;
        return <CardActivity key={cardId} cardId={cardId} placed={placed} people={people} />;
      })}
    </Layer>
  );
}

function CardActivity({
  cardId,
  placed,
  people,
}: {
  cardId: string;
  placed: CardLayout;
  people: readonly CardWatcher[];
}) {
  const first = people[0] as CardWatcher;
  const { rect } = placed;
  const label = watcherLabel(people);
  // What counts as activity: who is there and what they do, and the card's text changing under them.
  const activity = `${people.map((p) => `${p.clientId}:${p.editing}`).join(',')}\u0000${placed.lines.join('\n')}`;
  const fresh = useFreshness(activity);
  const tagRef = useRef<Konva.Group>(null);
  useEffect(() => {
    const node = tagRef.current;
    if (!node) return;
    if (fresh) {
      node.opacity(1);
      return;
    }
    node.to({ opacity: 0, duration: FADE_SECONDS });
  }, [fresh]);
  const tag = presenceTag(placed, label, tagMeasure());
  return (
    <Group name="peer-activity" id={`activity-${cardId}`} x={rect.x} y={rect.y}>
      <Rect
        x={-OUTLINE_GAP}
        y={-OUTLINE_GAP}
        width={rect.width + 2 * OUTLINE_GAP}
        height={rect.height + 2 * OUTLINE_GAP}
        stroke={first.color}
        strokeWidth={first.editing ? 3 : 2}
        dash={first.editing ? [] : [6, 4]}
        cornerRadius={6}
      />
      {tag && (
        <Group ref={tagRef} name={fresh ? 'peer-activity-tag' : 'peer-activity-tag peer-activity-tag--faded'}>
          <Rect
            x={tag.rect.x}
            y={tag.rect.y}
            width={tag.rect.width}
            height={tag.rect.height}
            fill={first.color}
            cornerRadius={tag.rect.height / 2}
          />
          <Text
            name="peer-activity-label"
            x={tag.textRect.x}
            y={tag.textRect.y}
            width={tag.textRect.width + 1}
            text={tag.text}
            wrap="none"
            fill={INK_INVERSE}
            {...staticTextProps(PRESENCE_TEXT)}
          />
        </Group>
      )}
    </Group>
  );
}

/** True until `TAG_FADE_AFTER_MS` have passed since `key` last changed. */
function useFreshness(key: string): boolean {
  const [staleKey, setStaleKey] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setStaleKey(key), TAG_FADE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return staleKey !== key;
}
