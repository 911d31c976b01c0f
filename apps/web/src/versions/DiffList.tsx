import type { BoardDiff, BoardState, CardChange, CardState, Mark, TextPart } from '@kinmap/model';
import { ownValue } from '@kinmap/model';
import type { ReactNode } from 'react';
import { quoteText } from '../canvas/cardMeta';
import { t } from '../lib/messages';
import { changeCount } from './compare';
import { DiffPlanParts } from './DiffPlanParts';
import { RatingChanges } from './RatingChanges';

/** The offer to bring cards back from one of the two versions compared. */
export interface BringBack {
  readonly versionNumber: number;
  readonly cardIds: ReadonlySet<string>;
  readonly busy: boolean;
  readonly onBringBack: (cardId: string) => void;
}

export interface DiffListProps {
  readonly diff: BoardDiff;
  readonly before: BoardState;
  readonly after: BoardState;
  readonly bringBack: BringBack | null;
}

/**
 * What changed between two moments, in words: the accessible form of the highlighted canvas.
 * Word-level text changes are marked up as <ins> and <del>, each announced with a word.
 */
export function DiffList({ diff, before, after, bringBack }: DiffListProps) {
  const count = changeCount(diff);
  const { cards } = diff;
  return (
    <div className="versions-diff">
      <p className="versions-diff__summary" role="status">
        {count === 0 ? t('versions.compare.same') : t('versions.compare.summary', { count })}
      </p>
      {diff.title && (
        <p>{t('versions.compare.title', { before: diff.title.before, after: diff.title.after })}</p>
      )}
      <CardGroup heading={t('versions.compare.cardsAdded')} kind="added">
        {cards.added.map((card) => (
          <CardEntry key={card.id} card={card} kind="added" bringBack={bringBack}>
            <CardText text={card.text} />
          </CardEntry>
        ))}
      </CardGroup>
      <CardGroup heading={t('versions.compare.cardsRemoved')} kind="removed">
        {cards.removed.map((card) => (
          <CardEntry key={card.id} card={card} kind="removed" bringBack={bringBack}>
            <CardText text={card.text} />
          </CardEntry>
        ))}
      </CardGroup>
      <CardGroup heading={t('versions.compare.cardsChanged')} kind="changed">
        {cards.changed.map((change) => (
          <CardEntry key={change.id} card={change.after} kind="changed" bringBack={bringBack}>
            {change.text ? <TextDiff parts={change.text} /> : <CardText text={change.after.text} />}
            <ChangeNotes change={change} before={before} after={after} />
          </CardEntry>
        ))}
      </CardGroup>
      <RatingChanges diff={diff} before={before} after={after} />
      <DiffPlanParts diff={diff} before={before} after={after} />
    </div>
  );
}

function CardGroup({ heading, kind, children }: { heading: string; kind: string; children: ReactNode[] }) {
  if (children.length === 0) return null;
  const id = `versions-diff-${kind}`;
  return (
    <section className={`versions-diff__group versions-diff__group--${kind}`} aria-labelledby={id}>
      <h4 id={id}>{heading}</h4>
      <ul className="versions-diff__cards">{children}</ul>
    </section>
  );
}

function CardEntry(props: {
  card: CardState;
  kind: 'added' | 'removed' | 'changed';
  bringBack: BringBack | null;
  children: ReactNode;
}) {
  const { card, kind, bringBack } = props;
  return (
    <li className={`versions-diff__card versions-diff__card--${kind}`} data-card={card.id}>
      <p className="versions-diff__where">
        {t('versions.compare.inCategory', { category: t(`category.${card.category}`) })}
      </p>
      {props.children}
      {bringBack?.cardIds.has(card.id) && (
        <button type="button" disabled={bringBack.busy} onClick={() => bringBack.onBringBack(card.id)}>
          {t('versions.restore.card', { number: bringBack.versionNumber })}
        </button>
      )}
    </li>
  );
}

function CardText({ text }: { text: string }) {
  return <p className="versions-diff__text">{text.trim() === '' ? t('card.empty') : text}</p>;
}

/** A word-level difference: removed words struck through, added words underlined, each announced. */
export function TextDiff({ parts }: { parts: readonly TextPart[] }) {
  return (
    <p className="versions-diff__text">
      {parts.map((part, i) => {
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence, never reordered
        if (part.kind === 'same') return <span key={i}>{part.text}</span>;
        const Tag = part.kind === 'added' ? 'ins' : 'del';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence, never reordered
          <Tag key={i}>
            <span className="visually-hidden">{t(`versions.compare.${part.kind}`)}</span>
            {part.text}
          </Tag>
        );
      })}
    </p>
  );
}

function markWord(mark: Mark | null): string {
  if (mark === 'agree') return t('versions.compare.markAgree');
  if (mark === 'dispute') return t('versions.compare.markDispute');
  return t('versions.compare.markNone');
}

/** What else changed on a card: its section, its place, its flag, its pair, people's marks. */
function ChangeNotes({
  change,
  before,
  after,
}: {
  change: CardChange;
  before: BoardState;
  after: BoardState;
}) {
  const notes: string[] = [];
  const was = change.before;
  const now = change.after;
  if (change.fields.includes('category')) {
    notes.push(
      t('versions.compare.moved', {
        before: t(`category.${was.category}`),
        after: t(`category.${now.category}`),
      }),
    );
  } else if (change.fields.includes('order')) {
    notes.push(t('versions.compare.reordered', { category: t(`category.${now.category}`) }));
  }
  if (change.fields.includes('professionalsOnly')) {
    notes.push(
      now.professionalsOnly
        ? t('versions.compare.nowProfessionalsOnly')
        : t('versions.compare.noLongerProfessionalsOnly'),
    );
  }
  if (change.fields.includes('pairId'))
    notes.push(now.pairId ? t('versions.compare.paired') : t('versions.compare.unpaired'));
  // [AC52] Whose own words the card holds.
  if (change.fields.includes('quote'))
    notes.push(
      now.quote
        ? t('versions.compare.nowQuote', { words: quoteText(now, after.people) })
        : t('versions.compare.noLongerQuote'),
    );
  for (const [who, [from, to]] of Object.entries(change.marks)) {
    const name =
      ownValue(after.participants, who)?.displayName ??
      ownValue(before.participants, who)?.displayName ??
      t('versions.compare.someone');
    notes.push(t('versions.compare.mark', { name, before: markWord(from), after: markWord(to) }));
  }
  if (notes.length === 0) return null;
  return (
    <ul className="versions-diff__notes">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
