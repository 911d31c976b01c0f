import type { BoardState, Category } from '@kinmap/model';
import { ownValue } from '@kinmap/model';
import { t } from '../lib/messages';

/**
 * What someone else changed, in the few words a screen reader should say. Card text is never
 * part of it: an announcement is heard by everyone near the speaker, and it would be too long.
 */
export type RemoteChange =
  | { readonly kind: 'added'; readonly by: string | null; readonly category: Category }
  | { readonly kind: 'removed'; readonly category: Category }
  | { readonly kind: 'moved'; readonly from: Category; readonly to: Category };

/** Cards added, removed or moved to another category between two readings of the board. */
export function remoteChanges(before: BoardState, after: BoardState): RemoteChange[] {
  const changes: RemoteChange[] = [];
  for (const card of Object.values(after.cards)) {
    const old = ownValue(before.cards, card.id);
    if (!old) {
      const by = ownValue(after.participants, card.authorId)?.displayName ?? null;
      changes.push({ kind: 'added', by, category: card.category });
    } else if (old.category !== card.category) {
      changes.push({ kind: 'moved', from: old.category, to: card.category });
    }
  }
  for (const card of Object.values(before.cards)) {
    if (!ownValue(after.cards, card.id)) changes.push({ kind: 'removed', category: card.category });
  }
  return changes;
}

const MAX_SPOKEN = 3;

function describe(change: RemoteChange): string {
  switch (change.kind) {
    case 'added': {
      const category = t(`category.${change.category}`);
      return change.by === null
        ? t('outline.announceAddedBySomeone', { category })
        : t('outline.announceAdded', { name: change.by, category });
    }
    case 'removed':
      return t('outline.announceRemoved', { category: t(`category.${change.category}`) });
    case 'moved':
      return t('outline.announceMoved', {
        from: t(`category.${change.from}`),
        to: t(`category.${change.to}`),
      });
  }
}

/**
 * One short sentence list for a live region, or '' when there is nothing to say.
 * @example announcement([{ kind: 'added', by: 'Sam', category: 'harm' }]) // 'Sam added a card to Harm.'
 */
export function announcement(changes: readonly RemoteChange[]): string {
  if (changes.length === 0) return '';
  const spoken = changes.slice(0, MAX_SPOKEN).map((change) => `${describe(change)}.`);
  const rest = changes.length - spoken.length;
  if (rest > 0) spoken.push(t('outline.announceMore', { count: rest }));
  return spoken.join(' ');
}
