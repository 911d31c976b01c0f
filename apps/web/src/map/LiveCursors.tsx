import { Group, Label, Layer, Line, Tag, Text } from 'react-konva';
import type { Peer } from '../board/presence/presence';
import { FONT_FAMILY } from '../canvas/colors';

export interface LiveCursorsProps {
  readonly peers: readonly Peer[];
}

/** Other people's pointers, each with their name in their role colour. Never catches events. */
export function LiveCursors({ peers }: LiveCursorsProps) {
  return (
    <Layer listening={false}>
      {peers.map((peer) =>
        peer.cursor ? (
          <Group key={peer.clientId} name="live-cursor" x={peer.cursor.x} y={peer.cursor.y}>
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
        ) : null,
      )}
    </Layer>
  );
}
