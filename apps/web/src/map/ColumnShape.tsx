import { Group, Rect } from 'react-konva';
import type { ColumnLayout } from '../canvas/boardLayout';
import { METRICS } from '../canvas/boardMetrics';
import { COLUMN_COLORS, INK } from '../canvas/colors';
import { LaidOutText } from './LaidOutText';

/** A column's pale background and its question as the heading. */
export function ColumnShape({ column }: { readonly column: ColumnLayout }) {
  const { rect } = column;
  const colors = COLUMN_COLORS[column.column];
  const style = column.titleStyle;
  return (
    <Group name="column" listening={false}>
      <Rect
        x={rect.x}
        y={rect.y}
        width={rect.width}
        height={rect.height}
        fill={colors.background}
        stroke={colors.border}
        strokeWidth={1.5}
        cornerRadius={10}
        perfectDrawEnabled={false}
      />
      <LaidOutText
        x={rect.x + METRICS.columnPadding}
        y={rect.y + METRICS.columnPadding}
        lines={column.titleLines}
        fill={INK}
        style={style}
      />
    </Group>
  );
}
