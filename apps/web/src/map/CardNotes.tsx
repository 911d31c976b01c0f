import type { BoardState, CardState, ParticipantId } from '@kinmap/model';
import { useState } from 'react';
import type { BoardWriter } from '../editing/boardActions';
import { disagreeWith, settleSuggestion, suggestFor } from '../editing/boardActions';
import { type Asker, mayEditText, maySettleSuggestions } from '../editing/cardPermissions';
import { type MessageKey, t } from '../lib/messages';

export interface CardNotesProps {
  readonly card: CardState;
  readonly board: BoardState;
  readonly me: Asker;
  /** False on a locked board for family and network, and for viewers. */
  readonly canEdit: boolean;
  /** Where this card's changes go (its document), or null while not connected. */
  readonly writer: BoardWriter | null;
  readonly onNotice: (key: MessageKey) => void;
  /** A suggestion was accepted or declined: undo cannot take that back (the server would refuse it). */
  readonly onSettled: () => void;
}

/**
 * Whose words are on the selected card (docs/SPEC.md [AC30]–[AC34]): who wrote it, who changed it,
 * who disagrees and why, and suggested changes with accept and decline for its author or staff;
 * and the person's own reason and suggestion.
 */
export function CardNotes({ card, board, me, canEdit, writer, onNotice, onSettled }: CardNotesProps) {
  const nameOf = (id: string) => board.participants[id]?.displayName || t('notes.someone');
  const names = (ids: Record<string, number> | undefined) =>
    Object.keys(ids ?? {})
      .map(nameOf)
      .join(', ');
  const disputes = Object.entries(card.marks).filter(([, mark]) => mark === 'dispute');
  const suggestions = Object.entries(card.suggestions ?? {});
  const settles = canEdit && maySettleSuggestions(card, me);
  const run = (result: { ok: boolean; notice?: MessageKey }) => {
    if (!result.ok && result.notice) onNotice(result.notice);
  };
  const changedBy = names(card.editedBy);
  const suggestedBy = names(card.suggestedBy);
  return (
    <section className="card-notes" aria-label={t('notes.label')}>
      <p className="card-notes__who">
        {t('notes.writtenBy', { name: nameOf(card.authorId) })}
        {changedBy && (
          <strong className="card-notes__changed">{t('notes.changedBy', { names: changedBy })}</strong>
        )}
        {suggestedBy && <span>{t('notes.suggestedBy', { names: suggestedBy })}</span>}
      </p>
      {disputes.length > 0 && (
        <ul className="card-notes__list" aria-label={t('notes.disagreements')}>
          {disputes.map(([id]) => (
            <li key={id} className="card-notes__dispute">
              {card.reasons?.[id]
                ? t('notes.disagreesBecause', { name: nameOf(id), reason: card.reasons[id] ?? '' })
                : t('notes.disagrees', { name: nameOf(id) })}
            </li>
          ))}
        </ul>
      )}
      {suggestions.length > 0 && (
        <ul className="card-notes__list" aria-label={t('notes.suggestions')}>
          {suggestions.map(([id, text]) => (
            <li key={id} className="card-notes__suggestion">
              <span>{t('notes.suggests', { name: nameOf(id), text })}</span>
              {settles && writer && (
                <span className="card-notes__actions">
                  <button
                    type="button"
                    onClick={() => {
                      run(settleSuggestion(writer, card.id, id as ParticipantId, true));
                      onSettled();
                    }}
                  >
                    {t('notes.accept')}
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      run(settleSuggestion(writer, card.id, id as ParticipantId, false));
                      onSettled();
                    }}
                  >
                    {t('notes.decline')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && writer && (
        <div className="card-notes__forms">
          <NoteForm
            key={`reason-${card.id}`}
            summary={t('notes.disagreeWithReason')}
            label={t('notes.reasonLabel')}
            initial={card.reasons?.[me.participantId] ?? ''}
            maxLength={2000}
            submit={t('notes.saveReason')}
            onSubmit={(text) => run(disagreeWith(writer, card.id, text))}
          />
          {!mayEditText(card, me) && (
            <NoteForm
              key={`suggest-${card.id}`}
              summary={t('notes.suggestChange')}
              label={t('notes.suggestionLabel')}
              initial={card.suggestions?.[me.participantId] ?? card.text}
              maxLength={20000}
              submit={t('notes.sendSuggestion')}
              onSubmit={(text) => run(suggestFor(writer, card.id, text))}
            />
          )}
        </div>
      )}
    </section>
  );
}

interface NoteFormProps {
  readonly summary: string;
  readonly label: string;
  readonly initial: string;
  readonly maxLength: number;
  readonly submit: string;
  readonly onSubmit: (text: string) => void;
}

/** A folded form: one text and a button (an empty text withdraws one's reason or suggestion). */
function NoteForm({ summary, label, initial, maxLength, submit, onSubmit }: NoteFormProps) {
  const [text, setText] = useState(initial);
  return (
    <details className="card-notes__form">
      <summary>{summary}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(text);
        }}
      >
        <label>
          <span>{label}</span>
          <textarea
            dir="auto"
            value={text}
            maxLength={maxLength}
            rows={3}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <button type="submit">{submit}</button>
      </form>
    </details>
  );
}
