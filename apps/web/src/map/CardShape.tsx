import type { CardId, CardState } from '@kinmap/model';
import type Konva from 'konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import { METRICS, TEXT_STYLES } from '../canvas/boardMetrics';
import { type CardLayout, cardTextWidth } from '../canvas/cardLayout';
import { type CardNames, cardMetaText } from '../canvas/cardMeta';
import {
  CARD_BACKGROUND,
  CARD_BORDER,
  FONT_FAMILY,
  INK,
  INK_MUTED,
  ROLE_COLORS,
  SELECTION,
} from '../canvas/colors';
import { textDirection } from '../canvas/text/textDirection';
import { konvaFontStyle } from '../canvas/text/textMeasure';
import { t } from '../lib/messages';

/** How a compared card is marked: new since the earlier version, changed, or gone (a ghost). */
export type CardHighlight = 'added' | 'changed' | 'removed';

/** Outline colours of compared cards (each ≥ 3:1 against the page) plus a word, never colour alone. */
const HIGHLIGHTS: Readonly<Record<CardHighlight, { readonly color: string; readonly dash?: number[] }>> = {
  added: { color: '#15803d' },
  changed: { color: '#b45309' },
  removed: { color: '#4b5563', dash: [8, 5] },
};

export interface CardShapeProps {
  readonly card: CardState;
  readonly placed: CardLayout;
  readonly selected: boolean;
  /** The wall screen: black ink and borders that survive a washed-out projector. */
  readonly highContrast?: boolean;
  /** The number of the analysis pair this card belongs to, shown as "Pair n". */
  readonly pairNumber: number | null;
  /** Comparing versions: how this card differs (drawn as a coloured outline and a word). */
  readonly highlight?: CardHighlight | null;
  readonly draggable: boolean;
  /** The board's people, to name who disagrees and who changed the card on its meta line. */
  readonly names?: CardNames;
  readonly onSelect: (cardId: CardId) => void;
  readonly onEdit: (cardId: CardId) => void;
  readonly onDragStart: (cardId: CardId, node: Konva.Node) => void;
  readonly onDragMove: (cardId: CardId) => void;
  readonly onDragEnd: (cardId: CardId, node: Konva.Node) => void;
}

function setCursor(event: KonvaEventObject<MouseEvent>, cursor: string): void {
  const container = event.target.getStage()?.container();
  if (container) container.style.cursor = cursor;
}

function metaLine(card: CardState, pairNumber: number | null, names?: CardNames): string {
  const rest = cardMetaText(card, names);
  if (pairNumber === null) return rest;
  const pair = t('map.pair', { number: pairNumber });
  return rest ? `${pair}  ·  ${rest}` : pair;
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((line, i) => line === b[i]));
}

/**
 * Whether a card would draw the same: by identity when neither the card nor its place changed,
 * else by what is drawn (a card re-read with the same words, a layout rebuilt). Callbacks must be stable.
 */
function sameCard(a: CardShapeProps, b: CardShapeProps): boolean {
  return (
    a.selected === b.selected &&
    a.highContrast === b.highContrast &&
    a.pairNumber === b.pairNumber &&
    a.draggable === b.draggable &&
    (a.highlight ?? null) === (b.highlight ?? null) &&
    a.onSelect === b.onSelect &&
    a.onEdit === b.onEdit &&
    a.onDragStart === b.onDragStart &&
    a.onDragMove === b.onDragMove &&
    a.onDragEnd === b.onDragEnd &&
    // The board and the layout keep unchanged cards' objects (board/boardStore.ts,
    // map/useBoardLayout.ts): the same card at the same place draws the same.
    ((a.card === b.card && a.placed === b.placed && a.names === b.names) || sameDrawing(a, b))
  );
}

function sameDrawing(a: CardShapeProps, b: CardShapeProps): boolean {
  const ra = a.placed.rect;
  const rb = b.placed.rect;
  return (
    ra.x === rb.x &&
    ra.y === rb.y &&
    ra.width === rb.width &&
    ra.height === rb.height &&
    a.placed.hasMeta === b.placed.hasMeta &&
    sameLines(a.placed.lines, b.placed.lines) &&
    a.card.id === b.card.id &&
    a.card.text === b.card.text &&
    a.card.authorRole === b.card.authorRole &&
    metaLine(a.card, a.pairNumber, a.names) === metaLine(b.card, b.pairNumber, b.names)
  );
}

/** One card: white, with a stripe in its author's role colour, its wrapped text and its marks. */
export const CardShape = memo(CardShapeView, sameCard);

function CardShapeView(props: CardShapeProps) {
  const { card, placed, selected, draggable } = props;
  const { rect, lines } = placed;
  const { stripeWidth, cardPaddingX, cardPaddingY, metaGap } = METRICS;
  const textX = stripeWidth + cardPaddingX;
  const text = TEXT_STYLES.cardText;
  const meta = TEXT_STYLES.cardMeta;
  const isEmpty = card.text.trim() === '';
  // Arabic or Urdu cards read from the right: aligned right, in the canvas's right-to-left mode.
  const direction = isEmpty ? 'ltr' : textDirection(card.text);
  const metaY = cardPaddingY + Math.max(1, lines.length) * text.lineHeight + metaGap;
  // A removed card is a ghost of the earlier version: there, but faded (its mark is not).
  const fade = props.highlight === 'removed' ? 0.55 : 1;

  return (
    <Group
      id={card.id}
      name="card"
      x={rect.x}
      y={rect.y}
      draggable={draggable}
      dragDistance={4}
      onMouseDown={() => props.onSelect(card.id)}
      onTap={() => props.onSelect(card.id)}
      onDblClick={(e) => {
        e.cancelBubble = true;
        props.onEdit(card.id);
      }}
      onDblTap={(e) => {
        e.cancelBubble = true;
        props.onEdit(card.id);
      }}
      onDragStart={(e) => props.onDragStart(card.id, e.currentTarget)}
      onDragMove={() => props.onDragMove(card.id)}
      onDragEnd={(e) => props.onDragEnd(card.id, e.currentTarget)}
      onMouseEnter={(e) => setCursor(e, draggable ? 'grab' : 'default')}
      onMouseLeave={(e) => setCursor(e, 'default')}
    >
      <Rect
        width={rect.width}
        height={rect.height}
        fill={CARD_BACKGROUND}
        opacity={fade}
        stroke={selected ? SELECTION : props.highContrast ? '#000000' : CARD_BORDER}
        strokeWidth={selected ? 3 : props.highContrast ? 2 : 1}
        cornerRadius={6}
        shadowColor="#0f172a"
        shadowOpacity={0.12}
        shadowBlur={4}
        shadowOffsetY={1}
        // Fill, stroke and shadow drawn straight, without an offscreen pass per card (looks the same here).
        perfectDrawEnabled={false}
        shadowForStrokeEnabled={false}
      />
      <Rect
        width={stripeWidth}
        height={rect.height}
        fill={ROLE_COLORS[card.authorRole]}
        opacity={fade}
        cornerRadius={[6, 0, 0, 6]}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Text
        name="card-text"
        x={textX}
        y={cardPaddingY}
        text={isEmpty ? t('card.empty') : lines.join('\n')}
        width={cardTextWidth(rect.width)}
        align={direction === 'rtl' ? 'right' : 'left'}
        direction={direction}
        wrap="none"
        fontFamily={FONT_FAMILY}
        fontSize={text.size}
        fontStyle={isEmpty ? 'italic' : konvaFontStyle(text)}
        lineHeight={text.lineHeight / text.size}
        fill={props.highContrast ? '#000000' : isEmpty ? INK_MUTED : INK}
        opacity={fade}
        listening={false}
        perfectDrawEnabled={false}
      />
      {placed.hasMeta && (
        <Text
          name="card-meta"
          x={textX}
          y={metaY}
          width={cardTextWidth(rect.width)}
          text={metaLine(card, props.pairNumber, props.names)}
          wrap="none"
          ellipsis
          fontFamily={FONT_FAMILY}
          fontSize={meta.size}
          fontStyle={konvaFontStyle(meta)}
          lineHeight={meta.lineHeight / meta.size}
          fill={INK_MUTED}
          opacity={fade}
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {props.highlight && <HighlightMark kind={props.highlight} width={rect.width} height={rect.height} />}
    </Group>
  );
}

/**
 * The outline and the word ("New", "Changed", "Removed") of a compared card. Its name carries the
 * kind, which the test bridge reads back from what is drawn.
 */
function HighlightMark({ kind, width, height }: { kind: CardHighlight; width: number; height: number }) {
  const { color, dash } = HIGHLIGHTS[kind];
  const label = t(`versions.highlight.${kind}`);
  const tagWidth = Math.min(width - 8, 10 + label.length * 7.5);
  return (
    <>
      <Rect
        name={`card-highlight card-highlight--${kind}`}
        x={-3}
        y={-3}
        width={width + 6}
        height={height + 6}
        stroke={color}
        strokeWidth={4}
        cornerRadius={8}
        {...(dash ? { dash } : {})}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Rect
        x={width - tagWidth - 4}
        y={-10}
        width={tagWidth}
        height={18}
        fill={color}
        cornerRadius={4}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Text
        x={width - tagWidth - 4}
        y={-7}
        width={tagWidth}
        align="center"
        text={label}
        fontFamily={FONT_FAMILY}
        fontSize={12}
        fontStyle="bold"
        fill="#ffffff"
        listening={false}
        perfectDrawEnabled={false}
      />
    </>
  );
}
