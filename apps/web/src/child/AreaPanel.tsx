import { type ChildAreaState, type ChildToolKind, isForTheChild, SCALE_AREA } from '@kinmap/model';
import { memo, type ReactNode, useEffect, useId, useState } from 'react';
import type * as Y from 'yjs';
import { t } from '../lib/messages';
import { ChildScale } from './ChildScale';
import { ChildWords } from './ChildWords';
import { DrawingSurface } from './DrawingSurface';
import type { DrawingMode } from './pens';
import { ReadAloud } from './ReadAloud';
import { areaQuestion, areaTitle } from './toolWords';

export interface AreaPanelProps {
  readonly doc: Y.Doc;
  readonly kind: ChildToolKind;
  readonly area: string;
  readonly state: ChildAreaState;
  readonly childName: string;
  readonly mode: DrawingMode;
  readonly canWrite: boolean;
  /** The staff button that puts the path's number on the board, when it may be offered. */
  readonly scoreToBoard?: (value: number) => ReactNode;
  /** The staff control that puts the area's words on the map as the child's ([AC52]), when offered. */
  readonly wordsToMap?: (area: string, words: string) => ReactNode;
}

const NOTICE_MS = 6000;

/**
 * One part of a child's tool ("House of worries", "The path to my Safety House"): its question,
 * the child's words, the Safety House path's own number, and the drawing. Memo: a change in another
 * area keeps this one's state object, so it does not draw again.
 */
export const AreaPanel = memo(function AreaPanel({
  doc,
  kind,
  area,
  state,
  childName,
  mode,
  canWrite,
  scoreToBoard,
  wordsToMap,
}: AreaPanelProps) {
  const id = useId();
  const title = areaTitle(kind, area);
  const [notice, setNotice] = useState<'child.full' | 'child.saveFailed' | null>(null);
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const scale = area === SCALE_AREA ? (state.scale ?? null) : undefined;
  return (
    <section className={`child-area child-area--${kind} child-area--${area}`} aria-labelledby={`${id}-title`}>
      <div className="child-area__roof" aria-hidden="true" />
      <div className="child-area__head">
        <h3 id={`${id}-title`} className="child-area__title">
          {title}
        </h3>
        <ReadAloud title={title} words={state.words} />
      </div>
      <p id={`${id}-question`} className="child-area__question">
        {areaQuestion(kind, area)}
      </p>
      {scale !== undefined && (
        <>
          <ChildScale
            doc={doc}
            value={scale}
            childName={childName}
            canWrite={canWrite}
            onRefused={() => setNotice('child.saveFailed')}
          />
          {scale !== null && scoreToBoard?.(scale)}
        </>
      )}
      <ChildWords
        doc={doc}
        area={area}
        childName={childName}
        forChild={isForTheChild(kind)}
        canWrite={canWrite}
        describedBy={`${id}-question`}
      />
      {wordsToMap?.(area, state.words)}
      <DrawingSurface
        doc={doc}
        area={area}
        areaTitle={title}
        state={state}
        mode={mode}
        canWrite={canWrite}
        onRefused={() => setNotice('child.full')}
      />
      <p className="child-area__notice" role="status">
        {notice === null ? '' : t(notice)}
      </p>
    </section>
  );
});
