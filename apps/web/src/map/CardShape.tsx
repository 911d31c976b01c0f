import type { CardId, CardState } from '@kinmap/model';
import type Konva from 'konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import { memo, useRef, useState } from 'react';
import { Circle, Group, Label, Path, Rect, Shape, Tag, Text } from 'react-konva';
import { METRICS, type MeasureText, TEXT_STYLES } from '../canvas/boardMetrics';
import {
  type CardChip,
  type CardLayout,
  CHIP,
  cardTextWidth,
  HIGHLIGHT_TEXT,
  highlightTag,
  INITIALS_TEXT,
  QUOTE,
  sameChips,
} from '../canvas/cardLayout';
import { badgeNames, type CardNames } from '../canvas/cardMeta';
import {
  BADGE_COLORS,
  CARD_BORDER,
  FONT_FAMILY,
  INK,
  INK_INVERSE,
  INK_MUTED,
  NOTE_COLORS,
  QUOTE_INK,
  RESTRICTED,
  ROLE_COLORS,
  SELECTION,
} from '../canvas/colors';
import { CANVAS_ICONS, ICON_VIEWBOX } from '../canvas/icons';
import { textDirection } from '../canvas/text/textDirection';
import { createCanvasMeasure, konvaFontStyle, staticTextProps } from '../canvas/text/textMeasure';
import { t } from '../lib/messages';
import { COLOR } from '../lib/tokens';

let sharedMeasure: MeasureText | null = null;
/** One canvas measure for every card's small labels (it caches widths). */
function labelMeasure(): MeasureText {
  sharedMeasure ??= createCanvasMeasure();
  return sharedMeasure;
}

/** How a compared card is marked: new since the earlier version, changed, or gone (a ghost). */
export type CardHighlight = 'added' | 'changed' | 'removed';

/** Outline colours of compared cards (each ≥ 3:1 against the page) plus a word, never colour alone. */
const HIGHLIGHTS: Readonly<Record<CardHighlight, { readonly color: string; readonly dash?: number[] }>> = {
  added: { color: COLOR.success },
  changed: { color: COLOR.warning },
  removed: { color: COLOR['ink-muted'], dash: [8, 5] },
};

export interface CardShapeProps {
  readonly card: CardState;
  readonly placed: CardLayout;
  readonly selected: boolean;
  /** The wall screen: black ink and borders that survive a washed-out projector. */
  readonly highContrast?: boolean;
  /** The number of the analysis pair this card belongs to (the layout's notes already say "Pair n"). */
  readonly pairNumber?: number | null;
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

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((line, i) => line === b[i]));
}

/** The names behind the agree and disagree badges (shown on tap or hover). */
function namesSignature(props: CardShapeProps): string {
  if (Object.keys(props.card.marks).length === 0) return '';
  return `${badgeNames(props.card, 'agree', props.names)}\u0000${badgeNames(props.card, 'dispute', props.names)}`;
}

/**
 * Whether a card would draw the same: by identity when neither the card nor its place changed,
 * else by what is drawn (a card re-read with the same words, a layout rebuilt). Callbacks must be stable.
 */
function sameCard(a: CardShapeProps, b: CardShapeProps): boolean {
  return (
    a.selected === b.selected &&
    a.highContrast === b.highContrast &&
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
    a.placed.textY === b.placed.textY &&
    a.placed.metaY === b.placed.metaY &&
    a.placed.quoteY === b.placed.quoteY &&
    sameLines(a.placed.quoteLines, b.placed.quoteLines) &&
    sameLines(a.placed.lines, b.placed.lines) &&
    a.placed.textStyle === b.placed.textStyle &&
    sameLines(a.placed.metaLines, b.placed.metaLines) &&
    sameChips(a.placed.chips, b.placed.chips) &&
    a.card.id === b.card.id &&
    a.card.text === b.card.text &&
    a.card.authorRole === b.card.authorRole &&
    a.card.professionalsOnly === b.card.professionalsOnly &&
    namesSignature(a) === namesSignature(b)
  );
}

/**
 * One card as a sticky note: paper tinted with its author's role colour and a stripe of it, the
 * author's initials, badges for disagreement, professionals only and agreement (with the names
 * on tap or hover), its wrapped text and its notes in ink. A professionals-only card is hatched,
 * framed dark and carries a lock badge, so staff cannot miss it.
 */
export const CardShape = memo(CardShapeView, sameCard);

function CardShapeView(props: CardShapeProps) {
  const { card, placed, selected, draggable } = props;
  const { rect, lines } = placed;
  const { stripeWidth, cardPaddingX } = METRICS;
  const textX = stripeWidth + cardPaddingX;
  const text = placed.textStyle;
  const meta = TEXT_STYLES.cardMeta;
  const isEmpty = card.text.trim() === '';
  const restricted = card.professionalsOnly;
  const [openBadge, setOpenBadge] = useState<'agree' | 'dispute' | null>(null);
  const groupRef = useRef<Konva.Group>(null);
  // Arabic or Urdu cards read from the right: aligned right, in the canvas's right-to-left mode.
  const direction = isEmpty ? 'ltr' : textDirection(card.text);
  // A removed card is a ghost of the earlier version: there, but faded (its mark is not).
  const fade = props.highlight === 'removed' ? 0.55 : 1;
  const ink = props.highContrast ? '#000000' : INK;
  const paper = restricted ? RESTRICTED.paper : NOTE_COLORS[card.authorRole];
  const frame = selected
    ? SELECTION
    : restricted
      ? RESTRICTED.frame
      : props.highContrast
        ? '#000000'
        : CARD_BORDER;
  const openNames = (kind: 'agree' | 'dispute' | null) => {
    setOpenBadge(kind);
    // The names float over the cards below: lift this card above them while they show.
    if (kind) groupRef.current?.moveToTop();
  };

  return (
    <Group
      ref={groupRef}
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
      onMouseLeave={(e) => {
        setCursor(e, 'default');
        if (openBadge) setOpenBadge(null);
      }}
    >
      <Rect
        name={restricted ? 'card-paper card-paper--restricted' : 'card-paper'}
        width={rect.width}
        height={rect.height}
        fill={paper}
        opacity={fade}
        stroke={frame}
        strokeWidth={selected ? 3 : restricted || props.highContrast ? 2 : 1}
        {...(restricted && !selected ? { dash: [10, 4] } : {})}
        cornerRadius={3}
        shadowColor="#0f172a"
        shadowOpacity={0.18}
        shadowBlur={6}
        shadowOffsetY={2}
        // Fill, stroke and shadow drawn straight, without an offscreen pass per card (looks the same here).
        perfectDrawEnabled={false}
        shadowForStrokeEnabled={false}
      />
      {restricted && <Hatch width={rect.width} height={rect.height} />}
      <Rect
        width={stripeWidth}
        height={rect.height}
        fill={ROLE_COLORS[card.authorRole]}
        opacity={fade}
        cornerRadius={[3, 0, 0, 3]}
        listening={false}
        perfectDrawEnabled={false}
      />
      {placed.chips.map((chip) => (
        <Chip key={chip.kind} chip={chip} card={card} names={props.names} fade={fade} onOpen={openNames} />
      ))}
      <Text
        name="card-text"
        x={textX}
        y={placed.textY}
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
      {placed.quoteIcon && (
        <ChildWords
          placed={placed}
          icon={placed.quoteIcon}
          ink={props.highContrast ? '#000000' : QUOTE_INK}
          fade={fade}
        />
      )}
      {placed.metaLines.length > 0 && (
        <Text
          name="card-meta"
          x={textX}
          y={placed.metaY}
          width={cardTextWidth(rect.width)}
          text={placed.metaLines.join('\n')}
          wrap="none"
          fontFamily={FONT_FAMILY}
          fontSize={meta.size}
          fontStyle={konvaFontStyle(meta)}
          lineHeight={meta.lineHeight / meta.size}
          fill={ink}
          opacity={fade}
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {props.highlight && <HighlightMark kind={props.highlight} width={rect.width} height={rect.height} />}
      {openBadge && (
        <BadgeNames
          chip={placed.chips.find((c) => c.kind === openBadge)}
          text={badgeNames(card, openBadge, props.names)}
          cardWidth={rect.width}
        />
      )}
    </Group>
  );
}

/** Whose words a quoted card holds: a child icon and "Jo's words, from the house of worries" ([AC52]). */
function ChildWords({
  placed,
  icon,
  ink,
  fade,
}: {
  placed: CardLayout;
  icon: NonNullable<CardLayout['quoteIcon']>;
  ink: string;
  fade: number;
}) {
  const x = icon.x + icon.width + QUOTE.iconGap;
  return (
    <Group name="card-quote" opacity={fade} listening={false}>
      <Path
        name="card-quote-icon"
        x={icon.x}
        y={icon.y}
        scaleX={icon.width / ICON_VIEWBOX}
        scaleY={icon.height / ICON_VIEWBOX}
        width={ICON_VIEWBOX}
        height={ICON_VIEWBOX}
        data={CANVAS_ICONS.child}
        stroke={ink}
        strokeWidth={2.25}
        lineCap="round"
        lineJoin="round"
        perfectDrawEnabled={false}
      />
      <Text
        name="card-quote-text"
        x={x}
        y={placed.quoteY}
        width={Math.max(1, cardTextWidth(placed.rect.width) - icon.width - QUOTE.iconGap)}
        text={placed.quoteLines.join('\n')}
        wrap="none"
        fill={ink}
        {...staticTextProps(QUOTE.text)}
      />
    </Group>
  );
}

/** Thin diagonal lines across a professionals-only card (ink on them still reads ≥ 4.5:1). */
function Hatch({ width, height }: { width: number; height: number }) {
  return (
    <Shape
      name="card-hatch"
      listening={false}
      perfectDrawEnabled={false}
      stroke={RESTRICTED.hatch}
      strokeWidth={1}
      opacity={0.7}
      sceneFunc={(context, shape) => {
        context.save();
        context.beginPath();
        context.rect(0, 0, width, height);
        context.clip();
        context.beginPath();
        for (let x = -height; x < width; x += 12) {
          context.moveTo(x, height);
          context.lineTo(x + height, 0);
        }
        context.strokeShape(shape);
        context.restore();
      }}
    />
  );
}

interface ChipProps {
  readonly chip: CardChip;
  readonly card: CardState;
  readonly names: CardNames | undefined;
  readonly fade: number;
  readonly onOpen: (kind: 'agree' | 'dispute' | null) => void;
}

/** The author's initials, or one badge: a strong fill, an icon from the icon set and white words. */
function Chip({ chip, card, names, fade, onOpen }: ChipProps) {
  const { rect, textRect } = chip;
  if (chip.kind === 'author') {
    const r = Math.min(rect.width, rect.height) / 2;
    return (
      <Group name="card-author" opacity={fade} listening={false}>
        <Circle x={rect.x + r} y={rect.y + rect.height / 2} radius={r} fill={ROLE_COLORS[card.authorRole]} />
        <Text
          x={rect.x}
          y={textRect.y}
          width={2 * r}
          align="center"
          text={chip.text}
          fill={INK_INVERSE}
          {...staticTextProps(INITIALS_TEXT)}
        />
      </Group>
    );
  }
  const colors = BADGE_COLORS[chip.kind];
  const kind = chip.kind;
  const withNames = kind === 'agree' || kind === 'dispute';
  const open = () => onOpen(withNames ? kind : null);
  const icon = chip.iconRect;
  return (
    <Group
      name={`card-badge card-badge--${kind}`}
      title={withNames ? badgeNames(card, kind, names) : chip.text}
      opacity={fade}
      onMouseEnter={open}
      onMouseLeave={() => onOpen(null)}
      onTap={open}
    >
      <Rect
        x={rect.x}
        y={rect.y}
        width={rect.width}
        height={rect.height}
        fill={colors.fill}
        cornerRadius={rect.height / 2}
        perfectDrawEnabled={false}
      />
      {icon && (
        <Path
          x={icon.x}
          y={icon.y}
          scaleX={icon.width / ICON_VIEWBOX}
          scaleY={icon.height / ICON_VIEWBOX}
          width={ICON_VIEWBOX}
          height={ICON_VIEWBOX}
          data={CANVAS_ICONS[kind]}
          stroke={colors.ink}
          strokeWidth={2.25}
          lineCap="round"
          lineJoin="round"
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      <Text
        name="card-badge-text"
        x={textRect.x}
        y={textRect.y}
        width={textRect.width + 1}
        text={chip.text}
        wrap="none"
        fill={colors.ink}
        {...staticTextProps(CHIP.text)}
      />
    </Group>
  );
}

/** The names behind a badge, in a dark label under it, wrapped to the card's width. */
function BadgeNames({
  chip,
  text,
  cardWidth,
}: {
  chip: CardChip | undefined;
  text: string;
  cardWidth: number;
}) {
  if (!chip) return null;
  return (
    <Label
      name="card-badge-names"
      x={Math.max(0, Math.min(chip.rect.x, cardWidth - 200))}
      y={chip.rect.y + chip.rect.height + 4}
      listening={false}
    >
      <Tag fill={INK} cornerRadius={4} />
      <Text
        text={text}
        width={Math.max(160, Math.min(280, cardWidth))}
        padding={8}
        fill={INK_INVERSE}
        {...staticTextProps(TEXT_STYLES.cardMeta)}
      />
    </Label>
  );
}

/**
 * The outline and the word ("New", "Changed", "Removed") of a compared card. Its name carries the
 * kind, which the test bridge reads back from what is drawn.
 */
function HighlightMark({ kind, width, height }: { kind: CardHighlight; width: number; height: number }) {
  const { color, dash } = HIGHLIGHTS[kind];
  const tag = highlightTag(t(`versions.highlight.${kind}`), width, labelMeasure());
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
        cornerRadius={6}
        {...(dash ? { dash } : {})}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Rect
        x={tag.rect.x}
        y={tag.rect.y}
        width={tag.rect.width}
        height={tag.rect.height}
        fill={color}
        cornerRadius={4}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Text
        name="card-highlight-text"
        x={tag.textRect.x}
        y={tag.textRect.y}
        width={tag.textRect.width + 1}
        text={tag.text}
        wrap="none"
        fill={INK_INVERSE}
        {...staticTextProps(HIGHLIGHT_TEXT)}
      />
    </>
  );
}
