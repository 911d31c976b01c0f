import type { AuditChange } from '@kinmap/sync';
import { describe, expect, it } from 'vitest';
import { describeChange, summarizeChanges, summarizeEvent } from './auditSummary.js';

const names: Record<string, string> = { alex: 'Alex', sam: 'Sam' };
const nameOf = (id: string) => names[id] ?? null;

describe('summarizeChanges', () => {
  it('[AD3] words the changes of one update in plain English, by column and scale', () => {
    expect(summarizeChanges([{ kind: 'card-added', cardId: 'c', category: 'harm' }], nameOf)).toBe(
      'added a card to Harm',
    );
    expect(summarizeChanges([{ kind: 'card-removed', cardId: 'c', category: 'nextStep' }], nameOf)).toBe(
      'removed a card from Next steps',
    );
    expect(
      summarizeChanges([{ kind: 'rating-set', scaleId: 'overall', participantId: 'alex', value: 6 }], nameOf),
    ).toBe('rated 6 on the overall scale');
    expect(
      summarizeChanges(
        [{ kind: 'card-added', cardId: 'c', category: 'safetyGoal', professionalsOnly: true }],
        nameOf,
      ),
    ).toBe('added a professionals-only card to Safety goals');
    expect(summarizeChanges([{ kind: 'scale-mode', scaleId: 'p1', mode: 'private' }], nameOf)).toBe(
      "opened private scoring on a danger statement's scale",
    );
  });

  it("[AC52] words a card marked as a child's own words, and the mark cleared, without naming the child", () => {
    const quote = (set: boolean): AuditChange => ({
      kind: 'card-quote',
      cardId: 'c',
      authorId: 'alex',
      set,
      person: set ? 'child' : null,
      onNewCard: false,
    });
    expect(summarizeChanges([quote(true)], nameOf)).toBe("marked a card as a child's own words");
    expect(summarizeChanges([quote(false)], nameOf)).toBe("cleared a card's mark as a child's own words");
    expect(
      summarizeChanges(
        [
          { kind: 'card-added', cardId: 'c', category: 'harm' },
          { ...quote(true), onNewCard: true },
        ],
        nameOf,
      ),
    ).toBe("added a card to Harm and marked a card as a child's own words");
  });

  it('[AC30] [AC32] words disagreements, suggestions and their acceptance by whose they were', () => {
    const note = (field: string, participantId: string, set: boolean): AuditChange => ({
      kind: 'card-note',
      cardId: 'c',
      field,
      participantId,
      set,
      valid: true,
    });
    expect(summarizeChanges([note('reasons', 'alex', true)], nameOf)).toBe(
      'gave a reason for disputing a card',
    );
    expect(summarizeChanges([note('suggestions', 'alex', true)], nameOf)).toBe(
      'suggested a change to a card',
    );
    expect(
      summarizeChanges(
        [
          { kind: 'card-text', cardId: 'c' },
          note('editedBy', 'sam', true),
          note('suggestions', 'alex', false),
          note('suggestedBy', 'alex', true),
        ],
        nameOf,
      ),
    ).toBe("edited a card's text and accepted Alex's suggested change");
    expect(summarizeChanges([note('suggestions', 'alex', false)], nameOf)).toBe(
      'withdrew or declined a suggested change',
    );
  });

  it('[AD3] counts repeats, joins different changes, and leaves out changes that only accompany others', () => {
    const changes: AuditChange[] = [
      { kind: 'card-text', cardId: 'a' },
      { kind: 'card-field', cardId: 'a', field: 'updatedAt' },
      { kind: 'card-text', cardId: 'b' },
      { kind: 'pair-added', pairId: 'p', cardIds: ['a', 'b'] },
      { kind: 'scale-added', scaleId: 'p' },
      { kind: 'meta-field', field: 'locked', value: true },
    ];
    expect(summarizeChanges(changes, nameOf)).toBe(
      "edited a card's text (×2), paired a danger statement with a safety goal and locked the board",
    );
    expect(summarizeChanges([], nameOf)).toBe('made no visible change');
  });

  it('[AD3] names the person a server change was about, and never reads a value it does not know', () => {
    expect(
      summarizeChanges(
        [{ kind: 'rating-set', scaleId: 'overall', participantId: 'alex', value: 4 }],
        nameOf,
        true,
      ),
    ).toBe("showed Alex's rating of 4 on the overall scale");
    expect(describeChange({ kind: 'participant-written', participantId: 'ghost' }, nameOf)).toBe(
      'recorded someone as a participant',
    );
    expect(describeChange({ kind: 'card-added', category: 'Dad hit me' }, nameOf)).toBe(
      'added a card to a column',
    );
    expect(describeChange({ kind: 'something-new' }, nameOf)).toBe('made a change the server could not read');
  });
});

describe('summarizeEvent', () => {
  it('[AD3] words events, refusals with their rule, and revocations with the person’s name', () => {
    expect(summarizeEvent('join', {}, nameOf)).toBe('joined the board');
    expect(summarizeEvent('refused', { rule: 'AC5' }, nameOf)).toBe(
      "was refused: may not delete or move another person's card [AC5]",
    );
    expect(summarizeEvent('member-revoked', { memberId: 'sam' }, nameOf)).toBe("revoked Sam's access");
    expect(summarizeEvent('invite-created', { role: 'family' }, nameOf)).toBe(
      'created an invite for a family member',
    );
    expect(summarizeEvent('scale-reveal', { scaleId: 'overall', count: 1 }, nameOf)).toBe(
      'revealed 1 private score on the overall scale',
    );
    expect(summarizeEvent('export', { format: 'csv' }, nameOf)).toBe('exported the audit log (CSV)');
  });
});

describe('words for values that name plain-object properties', () => {
  it('never prints an Object built-in for a category, mark, role, format or rule', () => {
    const odd = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
    const lines = odd.flatMap((value) => [
      summarizeChanges([{ kind: 'card-moved', cardId: 'c', category: value }], nameOf),
      summarizeChanges([{ kind: 'card-added', cardId: 'c', category: value }], nameOf),
      summarizeChanges([{ kind: 'mark-set', cardId: 'c', participantId: 'alex', mark: value }], nameOf),
      summarizeChanges([{ kind: value, cardId: 'c' }], nameOf),
      summarizeEvent('invite-created', { role: value }, nameOf),
      summarizeEvent('export', { format: value }, nameOf),
      summarizeEvent('refused', { rule: value }, nameOf),
    ]);
    for (const line of lines) {
      expect(typeof line).toBe('string');
      expect(line).not.toMatch(/function|native code|\[object/i);
    }
    expect(summarizeChanges([{ kind: 'card-moved', cardId: 'c', category: 'constructor' }], nameOf)).toBe(
      'moved a card to a column',
    );
  });
});
