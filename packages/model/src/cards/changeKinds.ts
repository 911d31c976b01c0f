import type { CardId } from '../doc/types.js';

/**
 * What one Yjs update did to a board, in domain words: the permission guard checks these
 * against the sender's role, and the audit view turns them into sentences ("Sam (practitioner)
 * added a card to Harm"). Values read from the document are reported as found (`unknown`
 * when a hostile writer stored something odd); only ids and small values, never card text.
 */
export type Change =
  | {
      readonly kind: 'card-added';
      readonly cardId: CardId;
      readonly category: unknown;
      readonly authorId: unknown;
      readonly authorRole: unknown;
      readonly professionalsOnly: unknown;
      /** Whose marks the new card already carries (a client may only bring its own). */
      readonly markedBy: readonly string[];
    }
  | {
      readonly kind: 'card-removed';
      readonly cardId: CardId;
      readonly authorId: unknown;
      readonly category: unknown;
    }
  | { readonly kind: 'card-text'; readonly cardId: CardId; readonly authorId: unknown }
  /** The card changed category (`category` is the new one). */
  | {
      readonly kind: 'card-moved';
      readonly cardId: CardId;
      readonly authorId: unknown;
      readonly category: unknown;
    }
  | {
      readonly kind: 'card-field';
      readonly cardId: CardId;
      readonly field: CardField;
      readonly authorId: unknown;
      readonly category: unknown;
      /**
       * `pairId` only: the pair the card left, when it was a pair before the update (the pair
       * record named the card and its partner pointed back): unpairing, not pairing ([AC15]).
       */
      readonly leftPair?: string;
    }
  | {
      readonly kind: 'mark-set';
      readonly cardId: CardId;
      readonly participantId: string;
      readonly mark: unknown;
    }
  /**
   * An entry of a card's own-entry maps ([AC7], [AC30]–[AC34]): a reason for one's mark, a
   * suggested text, or a record of who changed or suggested the text. `set` false: removed.
   * `valid`: the value fits the layout (never the value itself: it may be free text).
   */
  | {
      readonly kind: 'card-note';
      readonly cardId: CardId;
      readonly field: CardNoteField;
      readonly participantId: string;
      readonly authorId: unknown;
      readonly set: boolean;
      readonly valid: boolean;
    }
  /**
   * A card's `quote` ([AC52]): the card marked as a child's own words (`set`), or the mark cleared.
   * `person`: what the quote's person id names in the document after the update — a child of the
   * case, another person, or nobody (null when cleared). `onNewCard`: the card is added in the same
   * update (a card moved between the documents brings its quote as it was).
   */
  | {
      readonly kind: 'card-quote';
      readonly cardId: CardId;
      readonly authorId: unknown;
      readonly set: boolean;
      readonly person: 'child' | 'other' | 'none' | null;
      readonly onNewCard: boolean;
    }
  | {
      readonly kind: 'pair-added' | 'pair-removed';
      readonly pairId: string;
      readonly cardIds: readonly unknown[];
    }
  | { readonly kind: 'pair-field'; readonly pairId: string; readonly field: string }
  | { readonly kind: 'scale-added' | 'scale-removed'; readonly scaleId: string }
  | { readonly kind: 'scale-mode'; readonly scaleId: string; readonly mode: unknown }
  | {
      readonly kind: 'rating-set' | 'rating-removed';
      readonly scaleId: string;
      readonly participantId: string;
      /** The rating's value (0–10) for the audit: the new one, or the removed one. */
      readonly value: unknown;
      /** The scale's mode after the update: a value written while `private` leaks it [PR1]. */
      readonly mode: unknown;
      /** Who recorded the score for someone without a device: the new rating's, or the removed one's. */
      readonly recordedBy: unknown;
      /** The rating's key names a person of the case (issue 14), not a participant. */
      readonly forPerson: boolean;
      /** The participant that person has joined as, if staff linked them ([AC48]). */
      readonly linkedTo: unknown;
    }
  /** The private-scoring list (`scored`): written by the server, cleared with a mode change. */
  | {
      readonly kind: 'scored-set' | 'scored-removed';
      readonly scaleId: string;
      readonly participantId: string;
    }
  | { readonly kind: 'scale-field'; readonly scaleId: string; readonly field: string }
  | { readonly kind: 'participant-written'; readonly participantId: string }
  | { readonly kind: 'network-added' | 'network-removed'; readonly memberId: string }
  | { readonly kind: 'network-field'; readonly memberId: string; readonly field: string }
  /** The people of the case (issue 14; [AC46]). */
  | { readonly kind: 'person-added' | 'person-removed'; readonly personId: string }
  | { readonly kind: 'person-field'; readonly personId: string; readonly field: string }
  | { readonly kind: 'rule-added' | 'rule-removed'; readonly ruleId: string }
  | { readonly kind: 'rule-field'; readonly ruleId: string; readonly field: string }
  | { readonly kind: 'plan-field'; readonly field: string }
  /** Meeting tools (docs/PROTOCOL.md "Meeting tools"; [AC40]–[AC45]). */
  | { readonly kind: 'agenda-added' | 'agenda-removed'; readonly itemId: string }
  | { readonly kind: 'agenda-field'; readonly itemId: string; readonly field: string }
  | { readonly kind: 'facilitation-field'; readonly field: string }
  | {
      readonly kind: 'parking-added';
      readonly itemId: string;
      readonly authorId: unknown;
      readonly authorRole: unknown;
    }
  /** `authorId` is the item's author before the update (a rewrite of it does not make it one's own). */
  | { readonly kind: 'parking-removed'; readonly itemId: string; readonly authorId: unknown }
  | {
      readonly kind: 'parking-field';
      readonly itemId: string;
      readonly field: string;
      readonly authorId: unknown;
    }
  | { readonly kind: 'meta-field'; readonly field: string; readonly value: unknown }
  /** Anything outside the layout in docs/PROTOCOL.md, or an update that could not be read. */
  | { readonly kind: 'unknown'; readonly path: readonly string[]; readonly reason: string };

export type ChangeKind = Change['kind'];

/**
 * A card's maps of one entry per participant, beside `marks` (docs/PROTOCOL.md): `reasons` (why
 * one disagrees), `suggestions` (a suggested replacement text), `editedBy` and `suggestedBy` (when
 * someone other than the author changed the text, or had a suggestion accepted).
 */
export const CARD_NOTE_FIELDS = ['reasons', 'suggestions', 'editedBy', 'suggestedBy'] as const;
export type CardNoteField = (typeof CARD_NOTE_FIELDS)[number];

/** The fields of a card record; `order` is position within the category, `text`/`marks` a replaced child. */
export const CARD_FIELDS = [
  'id',
  'category',
  'text',
  'authorId',
  'authorRole',
  'createdAt',
  'updatedAt',
  'order',
  'professionalsOnly',
  'marks',
  'pairId',
  ...CARD_NOTE_FIELDS,
  // The child's own words (issue 14, [AC52]): optional, absent on most cards.
  'quote',
] as const;
export type CardField = Exclude<(typeof CARD_FIELDS)[number], 'category'>;
