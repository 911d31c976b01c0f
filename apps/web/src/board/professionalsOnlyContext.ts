import type { CardId } from '@kinmap/model';
import { createContext, useCallback, useContext } from 'react';
import { writerForCard } from './bothDocuments';
import type { BoardSession } from './useBoard';

/** The restricted document's session on a professional's board screen; null everywhere else. */
export const RestrictedSessionContext = createContext<BoardSession | null>(null);

export function useRestrictedSession(): BoardSession | null {
  return useContext(RestrictedSessionContext);
}

/**
 * Where a card's changes go: the restricted document for a professionals-only card, the shared
 * one for every other (null while the board is not connected).
 */
export function useCardWriter(session: BoardSession | null): (cardId: CardId) => BoardSession | null {
  const restricted = useRestrictedSession();
  return useCallback(
    (cardId: CardId) => (session === null ? null : writerForCard(session, restricted, cardId)),
    [session, restricted],
  );
}
