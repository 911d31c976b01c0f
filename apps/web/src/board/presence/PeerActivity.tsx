import { ownValue } from '@kinmap/model';
import { Group, Label, Layer, Rect, Tag, Text } from 'react-konva';
import type { BoardLayout } from '../../canvas/boardLayout';
import { METRICS } from '../../canvas/boardMetrics';
import { FONT_FAMILY } from '../../canvas/colors';
import { type CardWatcher, watcherLabel } from './presence';

export interface PeerActivityProps {
  readonly layout: BoardLayout;
  readonly watchers: ReadonlyMap<string, readonly CardWatcher[]>;
}

const OUTLINE_GAP = 3;

/**
 * A coloured outline with a name tag around each card someone else has chosen or is typing in,
 * in that person's role colour (dashed when only chosen). Drawn above the cards; never catches events.
 */
export function PeerActivity({ layout, watchers }: PeerActivityProps) {
  return (
    <Layer listening={false}>
      {[...watchers].map(([cardId, people]) => {
        const rect = ownValue(layout.cards, cardId)?.rect;
        const first = people[0];
        if (!rect || !first) return null;
        return (
          <Group key={cardId} name="peer-activity" id={`activity-${cardId}`} x={rect.x} y={rect.y}>
            <Rect
              x={-OUTLINE_GAP}
              y={-OUTLINE_GAP}
              width={rect.width + 2 * OUTLINE_GAP}
              height={rect.height + 2 * OUTLINE_GAP}
              stroke={first.color}
              strokeWidth={first.editing ? 3 : 2}
              dash={first.editing ? [] : [6, 4]}
              cornerRadius={8}
            />
            <Label x={METRICS.stripeWidth + 4} y={-OUTLINE_GAP - 17}>
              <Tag fill={first.color} cornerRadius={4} />
              <Text
                name="peer-activity-label"
                text={watcherLabel(people)}
                fontFamily={FONT_FAMILY}
                fontSize={12}
                padding={3}
                fill="#ffffff"
              />
            </Label>
          </Group>
        );
      })}
    </Layer>
  );
}
