import type { Category } from '@kinmap/model';
import type { KonvaEventObject } from 'konva/lib/Node';
import { Group, Rect, Text } from 'react-konva';
import type { SectionLayout } from '../canvas/boardLayout';
import { METRICS, TEXT_STYLES } from '../canvas/boardMetrics';
import { FONT_FAMILY, INK, INK_MUTED } from '../canvas/colors';
import { konvaFontStyle } from '../canvas/text/textMeasure';
import { t } from '../lib/messages';
import { LaidOutText } from './LaidOutText';

export interface SectionShapeProps {
  readonly section: SectionLayout;
  readonly canEdit: boolean;
  readonly onAdd: (category: Category) => void;
}

function setCursor(event: KonvaEventObject<MouseEvent>, cursor: string): void {
  const container = event.target.getStage()?.container();
  if (container) container.style.cursor = cursor;
}

/** A category section: its heading, its one-line prompt and the "+ Add" button under its cards. */
export function SectionShape({ section, canEdit, onAdd }: SectionShapeProps) {
  const { rect, addButton, category } = section;
  const pad = METRICS.sectionPadding;
  const title = section.titleStyle;
  const prompt = section.promptStyle;
  const button = TEXT_STYLES.addButton;
  const promptY = rect.y + pad + section.titleLines.length * title.lineHeight;
  const add = () => onAdd(category);

  return (
    <Group name="section" onDblClick={canEdit ? add : undefined} onDblTap={canEdit ? add : undefined}>
      <Rect
        x={rect.x}
        y={rect.y}
        width={rect.width}
        height={rect.height}
        fill="rgba(255,255,255,0.6)"
        stroke="rgba(15,23,42,0.18)"
        cornerRadius={8}
        perfectDrawEnabled={false}
      />
      <LaidOutText x={rect.x + pad} y={rect.y + pad} lines={section.titleLines} fill={INK} style={title} />
      <LaidOutText x={rect.x + pad} y={promptY} lines={section.promptLines} fill={INK_MUTED} style={prompt} />
      {section.noteLines.length > 0 && (
        <LaidOutText
          name="section-note"
          x={rect.x + pad}
          y={section.noteY}
          lines={section.noteLines}
          fill={INK_MUTED}
          style={prompt}
        />
      )}
      {canEdit && (
        <Group
          name="add-card"
          x={addButton.x}
          y={addButton.y}
          onClick={(e) => {
            e.cancelBubble = true;
            add();
          }}
          onTap={(e) => {
            e.cancelBubble = true;
            add();
          }}
          onDblClick={(e) => {
            e.cancelBubble = true;
          }}
          onMouseEnter={(e) => setCursor(e, 'pointer')}
          onMouseLeave={(e) => setCursor(e, 'default')}
        >
          <Rect
            width={addButton.width}
            height={addButton.height}
            fill="#ffffff"
            stroke="#475569"
            cornerRadius={6}
          />
          <Text
            width={addButton.width}
            height={addButton.height}
            text={t('card.add')}
            align="center"
            verticalAlign="middle"
            fontFamily={FONT_FAMILY}
            fontSize={button.size}
            fontStyle={konvaFontStyle(button)}
            fill={INK}
          />
        </Group>
      )}
    </Group>
  );
}
