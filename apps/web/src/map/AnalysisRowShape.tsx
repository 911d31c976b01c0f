import type { BoardState, ScaleState } from '@kinmap/model';
import { ownValue } from '@kinmap/model';
import type { Context } from 'konva/lib/Context';
import type { Shape as KonvaShape } from 'konva/lib/Shape';
import { memo, useMemo } from 'react';
import { Circle, Group, Rect, Shape, Text } from 'react-konva';
import {
  type AnalysisLayout,
  type AnalysisRowLayout,
  SCALE_SLOT,
  scaleSlotParts,
  scaleValueX,
} from '../canvas/analysis/analysisLayout';
import { nameInitial, summariseScale } from '../canvas/analysis/analysisScale';
import { METRICS, TEXT_STYLES } from '../canvas/boardMetrics';
import { INK, INK_MUTED, ROLE_COLORS } from '../canvas/colors';
import { overlaps } from '../canvas/culling';
import type { Rect as Area } from '../canvas/geometry';
import { staticTextProps } from '../canvas/text/textMeasure';
import { t } from '../lib/messages';
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
function drawAxis(row: AnalysisRowLayout, axisY: number) {
  return (context: Context, shape: KonvaShape) => {
    const slot = row.scaleSlot;
    context.beginPath();
    context.moveTo(scaleValueX(slot, 0), axisY);
    context.lineTo(scaleValueX(slot, 10), axisY);
    for (const value of VALUES) {
      const x = scaleValueX(slot, value);
      context.moveTo(x, axisY - 5);
      context.lineTo(x, axisY + 5);
    }
    context.strokeShape(shape);
  };
}

function CompactScale({ row, scale, state, highContrast }: AnalysisRowShapeProps) {
  const slot = row.scaleSlot;
  const parts = scaleSlotParts(row.markerDepth, slot.width);
  const summary = useMemo(() => (scale ? summariseScale(scale, state) : null), [scale, state]);
  const s = SCALE_SLOT;
  const innerX = slot.x + s.paddingX;
  const innerWidth = slot.width - 2 * s.paddingX;
  const ink = highContrast ? '#000000' : INK;
  const muted = highContrast ? '#000000' : INK_MUTED;
  const axisY = slot.y + parts.axisY;
  return (
    <Group name="analysis-scale" id={`analysis-scale-${row.pairId}`}>
      <Text
        x={innerX}
        y={slot.y + parts.headingY}
        width={innerWidth}
        text={t('analysis.scaleHeading', { number: row.number })}
        wrap="none"
        ellipsis
        fill={ink}
        {...staticTextProps(s.heading)}
      />
      {VALUES.map((value) => (
        <Text
          key={value}
          x={scaleValueX(slot, value) - 10}
          y={slot.y + parts.numbersY}
          width={20}
          align="center"
          text={String(value)}
          fill={muted}
          {...staticTextProps(s.numbers)}
        />
      ))}
      <Shape sceneFunc={drawAxis(row, axisY)} stroke={ink} strokeWidth={2} listening={false} />
      {summary?.markers.map((marker) => {
        const x = scaleValueX(slot, marker.value);
        const y = axisY + marker.stack * s.markerStep;
        return (
          <Group key={marker.participantId} name="analysis-marker" x={x} y={y} listening={false}>
            <Circle
              radius={s.markerRadius}
              fill={ROLE_COLORS[marker.role]}
              stroke="#ffffff"
              strokeWidth={1.5}
            />
            <Text
              x={-s.markerRadius}
              y={-s.markerRadius}
              width={2 * s.markerRadius}
              height={2 * s.markerRadius}
              align="center"
              verticalAlign="middle"
              text={nameInitial(marker.name)}
              fill="#ffffff"
              {...staticTextProps({ size: 10, weight: 'bold', style: 'normal', lineHeight: 12 })}
            />
          </Group>
        );
      })}
      {[...(summary?.overflow ?? [])].map(([value, more]) => (
        <Text
          key={`more-${value}`}
          x={scaleValueX(slot, value) + s.markerRadius + 2}
          y={axisY + (row.markerDepth - 1) * s.markerStep - 6}
          text={`+${more}`}
          fill={ink}
          {...staticTextProps(s.numbers)}
        />
      ))}
      <Text
        x={innerX}
        y={slot.y + parts.anchorsY}
        width={parts.anchorsOnTwoLines ? innerWidth : innerWidth / 2}
        text={t('analysis.anchor0')}
        wrap="none"
        ellipsis
        fill={muted}
        {...staticTextProps(s.small)}
      />
      <Text
        x={parts.anchorsOnTwoLines ? innerX : innerX + innerWidth / 2}
        y={slot.y + parts.anchorsY + (parts.anchorsOnTwoLines ? s.small.lineHeight : 0)}
        width={parts.anchorsOnTwoLines ? innerWidth : innerWidth / 2}
        align="right"
        text={t('analysis.anchor10')}
        wrap="none"
        ellipsis
        fill={muted}
        {...staticTextProps(s.small)}
      />
      <Text
        name="analysis-scale-status"
        x={innerX}
        y={slot.y + parts.statusY}
        width={innerWidth}
        text={summary?.status ?? ''}
        wrap="none"
        ellipsis
        fill={ink}
        {...staticTextProps(s.status)}
      />
    </Group>
  );
}
