import { Group, Label, Layer, Line, Tag, Text } from 'react-konva';
import type { Peer } from '../board/presence/presence';
import type { BoardLayout } from '../canvas/boardLayout';
import { FONT_FAMILY } from '../canvas/colors';
import { pointerTarget } from '../canvas/pointer';

export interface LiveCursorsProps {
  readonly peers: readonly Peer[];
  readonly layout: BoardLayout;
}

/**
 * Other people's pointers, each with their name in their role colour, placed in THIS screen's
 * layout by what they are over (canvas/pointer.ts); one that cannot be placed here is not drawn.
 * Never catches events.
 */
export function LiveCursors({ peers, layout }: LiveCursorsProps) {
  return (
    <Layer listening={false}>
      {peers.map((peer) => {
        const at = peer.cursor ? pointerTarget(layout, peer.cursor) : null;
        return at ? (
          <Group key={peer.clientId} name="live-cursor" x={at.x} y={at.y}>
            <Line
              points={[0, 0, 0, 18, 5, 13, 12, 13]}
              closed
              fill={peer.color}
              stroke="#ffffff"
              strokeWidth={1.5}
            />
            <Label x={12} y={16}>
              <Tag fill={peer.color} cornerRadius={4} />
              <Text text={peer.name} fontFamily={FONT_FAMILY} fontSize={13} padding={4} fill="#ffffff" />
            </Label>
          </Group>
        ) : null;
      })}
    </Layer>
  );
}
