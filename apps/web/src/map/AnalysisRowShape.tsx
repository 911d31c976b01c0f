import type { BoardState, ScaleState } from '@kinmap/model';
import { ownValue } from '@kinmap/model';
import type { Context } from 'konva/lib/Context';
import type { Shape as KonvaShape } from 'konva/lib/Shape';
import { memo } from 'react';
import { Circle, Group, Rect, Shape, Text } from 'react-konva';
import type { AnalysisLayout, AnalysisRowLayout } from '../canvas/analysis/analysisLayout';
import { SCALE_GEOMETRY, SCALE_TEXT, slotValueX } from '../canvas/analysis/scaleSlotLayout';
import { METRICS, TEXT_STYLES } from '../canvas/boardMetrics';
import { INK, INK_MUTED, ROLE_COLORS } from '../canvas/colors';
import { overlaps } from '../canvas/culling';
import type { Rect as Area } from '../canvas/geometry';
import { staticTextProps } from '../canvas/text/textMeasure';
import { LaidOutText } from './LaidOutText';

export interface AnalysisBandProps {
  readonly analysis: AnalysisLayout;
  readonly state: BoardState;
  /** Rows outside it are not drawn (null: draw every row). */
  readonly area: Area | null;
  readonly highContrast: boolean;
}

const VALUES = Array.from({ length: 11 }, (_, i) => i);

/**
 * The worries-and-goals band below the columns: its heading and prompt, and a row per pair. The
 * cards in the rows are drawn by the cards layer like every other card; this draws what is behind
 * them and the pair's scale between them.
 */
export function AnalysisBand({ analysis, state, area, highContrast }: AnalysisBandProps) {
  const { rect } = analysis;
  const pad = METRICS.columnPadding;
  const title = TEXT_STYLES.columnTitle;
  const prompt = TEXT_STYLES.prompt;
  const promptY = rect.y + pad + analysis.titleLines.length * title.lineHeight;
  const emptyY = promptY + analysis.promptLines.length * prompt.lineHeight + METRICS.headerGap;
  return (
    <Group name="analysis-band">
      <Rect
        x={rect.x}
        y={rect.y}
        width={rect.width}
        height={rect.height}
        fill="#f5f3ff"
        stroke={highContrast ? '#000000' : '#c4b5fd'}
        strokeWidth={highContrast ? 2 : 1}
        cornerRadius={10}
        listening={false}
        perfectDrawEnabled={false}
      />
      <LaidOutText
        name="analysis-title"
        x={rect.x + pad}
        y={rect.y + pad}
        lines={analysis.titleLines}
        fill={INK}
        style={title}
      />
      <LaidOutText
        x={rect.x + pad}
        y={promptY}
        lines={analysis.promptLines}
        fill={highContrast ? '#000000' : INK_MUTED}
        style={prompt}
      />
      {analysis.rows.length === 0 && (
        <LaidOutText
          x={rect.x + pad}
          y={emptyY}
          lines={analysis.emptyLines}
          fill={highContrast ? '#000000' : INK_MUTED}
          style={prompt}
        />
      )}
      {analysis.rows.map((row) =>
        overlaps(row.rect, area) ? (
          <AnalysisRowShape
            key={row.pairId}
            row={row}
            scale={ownValue(state.scales, row.pairId)}
            state={state}
            highContrast={highContrast}
          />
        ) : null,
      )}
    </Group>
  );
}

export interface AnalysisRowShapeProps {
  readonly row: AnalysisRowLayout;
  readonly scale: ScaleState | undefined;
  /** For the names and roles of the people who scored. */
  readonly state: BoardState;
  readonly highContrast: boolean;
}

/** One pair's row: its background and, in the middle slot, the pair's 0–10 scale. */
export const AnalysisRowShape = memo(function AnalysisRowShape({
  row,
  scale,
  state,
  highContrast,
}: AnalysisRowShapeProps) {
  const { rect } = row;
  return (
    <Group name="analysis-row" id={`analysis-row-${row.pairId}`}>
      <Rect
        x={rect.x}
        y={rect.y}
        width={rect.width}
        height={rect.height}
        fill="rgba(255,255,255,0.7)"
        stroke={highContrast ? '#000000' : 'rgba(15,23,42,0.18)'}
        cornerRadius={8}
        listening={false}
        perfectDrawEnabled={false}
      />
      <CompactScale row={row} scale={scale} state={state} highContrast={highContrast} />
    </Group>
  );
});

/** The axis and its eleven ticks as one canvas path (one node instead of twelve). */
function drawAxis(row: AnalysisRowLayout) {
  return (context: Context, shape: KonvaShape) => {
    const slot = row.scaleSlot;
    const scale = row.scale;
    const y = slot.y + scale.axisY;
    context.beginPath();
    context.moveTo(slot.x + slotValueX(slot.width, 0), y);
    context.lineTo(slot.x + slotValueX(slot.width, 10), y);
    for (const value of VALUES) {
      const x = slot.x + slotValueX(slot.width, value);
      context.moveTo(x, y - 6);
      context.lineTo(x, y + 6);
    }
    context.strokeShape(shape);
  };
}

/** The pair's 0–10 scale, drawn exactly as `layoutScaleSlot` placed it (nothing clipped or on top of another). */
function CompactScale({ row, highContrast }: AnalysisRowShapeProps) {
  const slot = row.scaleSlot;
  const scale = row.scale;
  const ink = highContrast ? '#000000' : INK;
  const muted = highContrast ? '#000000' : INK_MUTED;
  const at = (r: { x: number; y: number }) => ({ x: slot.x + r.x, y: slot.y + r.y });
  return (
    <Group name="analysis-scale" id={`analysis-scale-${row.pairId}`}>
      <Text
        name="analysis-scale-heading"
        x={slot.x + SCALE_GEOMETRY.paddingX}
        y={slot.y + scale.headingY}
        text={scale.headingLines.join('\n')}
        wrap="none"
        fill={ink}
        {...staticTextProps(SCALE_TEXT.heading)}
      />
      {scale.numbers.map((n) => (
        <Text
          key={n.value}
          name="analysis-scale-number"
          {...at(n.box)}
          width={n.box.width + 1}
          text={n.text}
          wrap="none"
          fill={ink}
          {...staticTextProps(SCALE_TEXT.numbers)}
        />
      ))}
      <Shape sceneFunc={drawAxis(row)} stroke={ink} strokeWidth={2} listening={false} />
      {scale.markers.map((marker) => (
        <Group
          key={marker.participantId}
          name="analysis-marker"
          x={slot.x + marker.x}
          y={slot.y + marker.y}
          listening={false}
        >
          <Circle
            radius={SCALE_GEOMETRY.markerRadius}
            fill={ROLE_COLORS[marker.role]}
            stroke="#ffffff"
            strokeWidth={1.5}
          />
          <Text
            x={-SCALE_GEOMETRY.markerRadius}
            y={-SCALE_TEXT.initial.lineHeight / 2}
            width={2 * SCALE_GEOMETRY.markerRadius}
            align="center"
            text={marker.initial}
            wrap="none"
            fill="#ffffff"
            {...staticTextProps(SCALE_TEXT.initial)}
          />
        </Group>
      ))}
      <Text
        {...at(scale.anchor0.box)}
        text={scale.anchor0.lines.join('\n')}
        wrap="none"
        fill={muted}
        {...staticTextProps(SCALE_TEXT.small)}
      />
      <Text
        {...at(scale.anchor10.box)}
        width={scale.anchor10.box.width}
        align="right"
        text={scale.anchor10.lines.join('\n')}
        wrap="none"
        fill={muted}
        {...staticTextProps(SCALE_TEXT.small)}
      />
      <Text
        name="analysis-scale-status"
        x={slot.x + SCALE_GEOMETRY.paddingX}
        y={slot.y + scale.statusY}
        text={scale.statusLines.join('\n')}
        wrap="none"
        fill={ink}
        {...staticTextProps(SCALE_TEXT.status)}
      />
    </Group>
  );
}
