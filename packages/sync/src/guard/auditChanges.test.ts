import type { CardId, Change } from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import { toAuditChanges } from './auditChanges.js';

const cardId = 'card-1' as CardId;

describe('toAuditChanges', () => {
  it('keeps kinds, ids, categories and rating values', () => {
    const changes: Change[] = [
      {
        kind: 'card-added',
        cardId,
        category: 'harm',
        authorId: 'm-1',
        authorRole: 'family',
        professionalsOnly: false,
        markedBy: [],
      },
      {
        kind: 'rating-set',
        scaleId: 'overall',
        participantId: 'm-1',
        value: 6,
        mode: 'revealed',
        recordedBy: undefined,
        forPerson: false,
        linkedTo: undefined,
      },
    ];
    expect(toAuditChanges(changes)).toEqual([
      {
        kind: 'card-added',
        cardId,
        category: 'harm',
        authorId: 'm-1',
        authorRole: 'family',
        professionalsOnly: false,
        markedBy: [],
      },
      {
        kind: 'rating-set',
        scaleId: 'overall',
        participantId: 'm-1',
        value: 6,
        mode: 'revealed',
        forPerson: false,
      },
    ]);
  });

  it('never keeps free text: a title, or a hostile string where an id belongs', () => {
    const changes: Change[] = [
      { kind: 'meta-field', field: 'title', value: 'Smith' },
      { kind: 'meta-field', field: 'locked', value: true },
      { kind: 'card-moved', cardId, authorId: 'm-1', category: 'Dad hit me' },
      { kind: 'pair-added', pairId: 'p', cardIds: ['a', 'free text here', { x: 1 }] },
    ];
    const kept = toAuditChanges(changes);
    expect(kept[0]).toEqual({ kind: 'meta-field', field: 'title' });
    expect(kept[1]).toEqual({ kind: 'meta-field', field: 'locked', value: true });
    expect(kept[2]).toMatchObject({ category: null });
    expect(kept[3]).toEqual({ kind: 'pair-added', pairId: 'p', cardIds: ['a'] });
    expect(JSON.stringify(kept)).not.toMatch(/Smith|Dad hit me|free text/);
  });
});
