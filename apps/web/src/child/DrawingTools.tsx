import { PEN_COLOURS, type PenColour, STICKERS, type StickerName } from '@kinmap/model';
import { Eraser, Shapes } from 'lucide-react';
import { useState } from 'react';
import { t } from '../lib/messages';
import {
  type DrawingMode,
  PEN_TOKENS,
  PEN_WIDTHS,
  type PenWidth,
  STICKER_ICONS,
  STICKER_TOKENS,
} from './pens';

export interface DrawingToolsProps {
  readonly mode: DrawingMode;
  readonly onMode: (mode: DrawingMode) => void;
}

const WIDTHS = Object.keys(PEN_WIDTHS) as PenWidth[];
/** How big each pen's dot looks on its button. */
const WIDTH_DOTS: Readonly<Record<PenWidth, number>> = { thin: 6, medium: 12, thick: 22 };

/**
 * The drawing tools, shared by every area of the tool: a pen (its colour and width), the rubber,
 * and the pictures. Big buttons; the one in use is pressed. The last pen chosen comes back when
 * the pen is taken up again.
 */
export function DrawingTools({ mode, onMode }: DrawingToolsProps) {
  const [pen, setPen] = useState<{ colour: PenColour; width: PenWidth }>(
    mode.kind === 'pen' ? { colour: mode.colour, width: mode.width } : { colour: 'ink', width: 'medium' },
  );
  const [trayOpen, setTrayOpen] = useState(false);
  const choosePen = (next: { colour: PenColour; width: PenWidth }) => {
    setPen(next);
    onMode({ kind: 'pen', ...next });
  };
  const penOn = mode.kind === 'pen';
  // The pictures' button shows the picture in hand, if any.
  const TrayIcon = mode.kind === 'sticker' ? STICKER_ICONS[mode.sticker] : Shapes;
  return (
    <section className="child-tools" aria-label={t('child.tools')}>
      {trayOpen && (
        <fieldset id="child-sticker-tray" className="child-tools__tray">
          <legend className="visually-hidden">{t('child.stickers')}</legend>
          {STICKERS.map((sticker: StickerName) => {
            const Icon = STICKER_ICONS[sticker];
            return (
              <button
                key={sticker}
                type="button"
                className="child-tool child-tool--sticker"
                aria-pressed={mode.kind === 'sticker' && mode.sticker === sticker}
                aria-label={t('child.stickerChoose', { sticker: t(`child.sticker.${sticker}`) })}
                style={{ color: `var(--${STICKER_TOKENS[sticker]})` }}
                onClick={() => {
                  onMode({ kind: 'sticker', sticker });
                  setTrayOpen(false);
                }}
              >
                <Icon aria-hidden="true" size={28} />
              </button>
            );
          })}
        </fieldset>
      )}
      <div className="child-tools__row">
        {PEN_COLOURS.map((colour) => (
          <button
            key={colour}
            type="button"
            className="child-tool child-tool--colour"
            aria-pressed={penOn && pen.colour === colour}
            aria-label={t('child.colour', { colour: t(`child.colour.${colour}`) })}
            onClick={() => choosePen({ ...pen, colour })}
          >
            <span className="child-tool__swatch" style={{ background: `var(--${PEN_TOKENS[colour]})` }} />
          </button>
        ))}
        <span className="child-tools__gap" />
        {WIDTHS.map((width) => (
          <button
            key={width}
            type="button"
            className="child-tool child-tool--width"
            aria-pressed={penOn && pen.width === width}
            aria-label={t(`child.width.${width}`)}
            onClick={() => choosePen({ ...pen, width })}
          >
            <span
              className="child-tool__dot"
              style={{
                width: WIDTH_DOTS[width],
                height: WIDTH_DOTS[width],
                background: `var(--${PEN_TOKENS[pen.colour]})`,
              }}
            />
          </button>
        ))}
        <span className="child-tools__gap" />
        <button
          type="button"
          className="child-tool child-tool--labelled"
          aria-pressed={mode.kind === 'eraser'}
          onClick={() => onMode({ kind: 'eraser' })}
        >
          <Eraser aria-hidden="true" size={24} />
          {t('child.eraser')}
        </button>
        <button
          type="button"
          className={
            mode.kind === 'sticker'
              ? 'child-tool child-tool--labelled child-tool--on'
              : 'child-tool child-tool--labelled'
          }
          aria-expanded={trayOpen}
          aria-controls="child-sticker-tray"
          onClick={() => setTrayOpen((open) => !open)}
        >
          <TrayIcon aria-hidden="true" size={24} />
          {t('child.stickers')}
        </button>
      </div>
    </section>
  );
}
