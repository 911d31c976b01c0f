import { useEffect, useState } from 'react';
import { QUIET_ZONE, qrPath } from './qrPath';

interface Drawn {
  readonly text: string;
  readonly size: number;
  readonly path: string;
}

/**
 * A QR code of `text`, drawn as one SVG path (no markup from elsewhere is inserted). The encoder
 * (`qrcode`) loads on first use, so boards that never show a code do not ship it.
 */
export function QrCode({
  text,
  label,
  pixels = 160,
  className,
}: {
  readonly text: string;
  /** What a screen reader says, e.g. "QR code of the link for Alex". */
  readonly label: string;
  readonly pixels?: number;
  readonly className?: string;
}) {
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then(({ default: QRCode }) => {
      // Medium error correction: still reads when a printed sheet is creased or a wall is glary.
      const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
      if (live) setDrawn({ text, size: modules.size, path: qrPath(modules.size, modules.data) });
    });
    return () => {
      live = false;
    };
  }, [text]);
  const side = (drawn?.size ?? 21) + 2 * QUIET_ZONE;
  return (
    <svg
      className={className ? `qr-code ${className}` : 'qr-code'}
      role="img"
      aria-label={label}
      width={pixels}
      height={pixels}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
      data-ready={drawn?.text === text ? 'true' : 'false'}
    >
      <rect width={side} height={side} fill="#fff" />
      {drawn?.text === text && <path d={drawn.path} fill="#000" />}
    </svg>
  );
}
