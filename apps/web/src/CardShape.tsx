import type { CardId, CardState } from '@kinmap/model';
import type Konva from 'konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import { Group, Rect, Text } from 'react-konva';
import { cardMetaText } from './cardMeta';
import { CARD_BACKGROUND, CARD_BORDER, FONT_FAMILY, INK, INK_MUTED, ROLE_COLORS, SELECTION } from './colors';
import { type CardLayout, cardTextWidth, METRICS, TEXT_STYLES } from './layout';
import { t } from './messages';
import { textDirection } from './textDirection';
import { konvaFontStyle } from './textMeasure';

export interface CardShapeProps {
  readonly card: CardState;
  readonly placed: CardLayout;
  readonly selected: boolean;
  /** The wall screen: black ink and borders that survive a washed-out projector. */
  readonly highContrast?: boolean;
  /** The number of the analysis pair this card belongs to, shown as "Pair n". */
  readonly pairNumber: number | null;
  readonly draggable: boolean;
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

function metaLine(card: CardState, pairNumber: number | null): string {
  const rest = cardMetaText(card);
  if (pairNumber === null) return rest;
  const pair = t('map.pair', { number: pairNumber });
  return rest ? `${pair}  ·  ${rest}` : pair;
}

/** One card: white, with a stripe in its author's role colour, its wrapped text and its marks. */
export function CardShape(props: CardShapeProps) {
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
        stroke={selected ? SELECTION : props.highContrast ? '#000000' : CARD_BORDER}
        strokeWidth={selected ? 3 : props.highContrast ? 2 : 1}
        cornerRadius={6}
        shadowColor="#0f172a"
        shadowOpacity={0.12}
        shadowBlur={4}
        shadowOffsetY={1}
      />
      <Rect
        width={stripeWidth}
        height={rect.height}
        fill={ROLE_COLORS[card.authorRole]}
        cornerRadius={[6, 0, 0, 6]}
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
      />
      {placed.hasMeta && (
        <Text
          name="card-meta"
          x={textX}
          y={metaY}
          width={cardTextWidth(rect.width)}
          text={metaLine(card, props.pairNumber)}
          wrap="none"
          ellipsis
          fontFamily={FONT_FAMILY}
          fontSize={meta.size}
          fontStyle={konvaFontStyle(meta)}
          lineHeight={meta.lineHeight / meta.size}
          fill={INK_MUTED}
        />
      )}
    </Group>
  );
}
