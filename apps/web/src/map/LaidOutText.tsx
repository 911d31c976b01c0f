import type { ComponentProps } from 'react';
import { Text } from 'react-konva';
import type { TextStyle } from '../canvas/boardMetrics';
import { staticTextProps } from '../canvas/text/textMeasure';

export type LaidOutTextProps = Omit<ComponentProps<typeof Text>, 'text' | 'wrap'> & {
  /** The lines the layout measured; Konva must not wrap them again, or heights would disagree. */
  readonly lines: readonly string[];
  readonly style: TextStyle;
};

/** A heading, prompt or note the board layout has already broken into lines, drawn as measured. */
export function LaidOutText({ lines, style, ...text }: LaidOutTextProps) {
  return <Text {...text} text={lines.join('\n')} wrap="none" {...staticTextProps(style)} />;
}
