import {
  type Actor,
  addCard,
  addPerson,
  asParticipantId,
  type CardId,
  type CardQuote,
  initBoard,
  initRestricted,
  moveToRestricted,
  type PermissionVerdict,
  type PersonId,
  ROLES,
  type RoomDocument,
  removePerson,
  setCardQuote,
} from '@kinmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { memberAccess } from '../testing/harness.js';
import { createUpdateGuard } from './updateGuard.js';

// Issue 14, the child's words on the map ([AC52]): who may mark a card as a child's own words, as
// real Y updates from a client copy, every role, hostile values included ([AC19]).

const fay: Actor = { participantId: asParticipantId('fay'), role: 'facilitator' };
const sam: Actor = { participantId: asParticipantId('sam'), role: 'practitioner' };
const mum: Actor = { participantId: asParticipantId('mum'), role: 'family' };
const gran: Actor = { participantId: asParticipantId('gran'), role: 'network' };
const wall: Actor = { participantId: asParticipantId('wall'), role: 'viewer' };
const everyone = [fay, sam, mum, gran, wall];
const staff = new Set(['facilitator', 'practitioner']);

function caseBoard() {
  const board = new Y.Doc();
  initBoard(board, { title: 'Review', createdAt: 1 });
  const ok = <T>(result: { ok: true; value: T } | { ok: false }): T => {
    if (!result.ok) throw new Error('setup failed');
    return result.value;
  };
  const jo = ok(addPerson(board, sam, { name: 'Jo', age: 9 })).personId;
  const dad = ok(addPerson(board, sam, { name: 'Dad', kind: 'adult' })).personId;
  const mumCard = ok(addCard(board, mum, { category: 'harm', text: 'I get scared' })).cardId;
  const samCard = ok(addCard(board, sam, { category: 'existingStrength', text: 'Gran reads' })).cardId;
  return { board, jo, dad, mumCard, samCard };
}

const house = (personId: PersonId): CardQuote => ({ personId, toolId: 'tool-1', area: 'worries' });
const cardMap = (doc: Y.Doc, id: CardId) => doc.getMap<unknown>('cards').get(id) as Y.Map<unknown>;

/** Runs `op` on a copy of `board` in one transaction and asks a fresh guard about the update. */
function attempt(
  board: Y.Doc,
  who: Actor,
  op: (doc: Y.Doc) => void,
  document: RoomDocument = 'shared',
): PermissionVerdict {
  const guard = createUpdateGuard(board, document);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(board));
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  client.transact(() => op(client));
  const verdict = guard.check(Y.mergeUpdates(updates), memberAccess('c1', who.role, who.participantId));
  guard.destroy();
  return verdict;
}

const allowed = { ok: true };
const refused = (rule: string) => expect.objectContaining({ ok: false, rule });
/** What the guard answers a role for a write only staff may make ([AC52]; a viewer is [AC1]). */
const staffOnly = (who: Actor) =>
  staff.has(who.role) ? allowed : refused(who.role === 'viewer' ? 'AC1' : 'AC52');

describe("[AC52] marking a card as a child's own words", () => {
  it('lets staff mark and clear any card, and refuses every other role', () => {
    const { board, jo, mumCard, samCard } = caseBoard();
    expect(ROLES).toHaveLength(everyone.length);
    for (const who of everyone) {
      for (const cardId of [mumCard, samCard]) {
        expect(attempt(board, who, (doc) => setCardQuote(doc, who, cardId, house(jo)))).toEqual(
          staffOnly(who),
        );
      }
    }
    const quoted = new Y.Doc();
    Y.applyUpdate(quoted, Y.encodeStateAsUpdate(board));
    setCardQuote(quoted, sam, mumCard, house(jo));
    for (const who of everyone) {
      expect(attempt(quoted, who, (doc) => setCardQuote(doc, who, mumCard, null))).toEqual(staffOnly(who));
      // Another child's words, or words said in the meeting rather than in the house.
      expect(
        attempt(quoted, who, (doc) =>
          setCardQuote(doc, who, mumCard, { personId: jo, toolId: null, area: null }),
        ),
      ).toEqual(staffOnly(who));
    }
  });

  it("refuses a family member's own new card that already quotes their child", () => {
    const { board, jo } = caseBoard();
    for (const who of everyone) {
      const verdict = attempt(board, who, (doc) => addCard(doc, who, { category: 'harm', quote: house(jo) }));
      expect(verdict).toEqual(staffOnly(who));
    }
  });

  it('refuses a quote naming an adult or someone not of the case, from staff too', () => {
    const { board, dad, mumCard } = caseBoard();
    for (const who of [fay, sam]) {
      for (const personId of [dad, 'nobody']) {
        const verdict = attempt(board, who, (doc) =>
          cardMap(doc, mumCard).set('quote', house(personId as PersonId)),
        );
        expect(verdict).toEqual(refused('AC52'));
      }
    }
  });

  it('refuses a quote set in the same update that removes its child', () => {
    const { board, jo, mumCard } = caseBoard();
    const verdict = attempt(board, sam, (doc) => {
      removePerson(doc, sam, jo);
      cardMap(doc, mumCard).set('quote', house(jo));
    });
    expect(verdict).toEqual(refused('AC52'));
  });

  it('refuses malformed quotes from every role, staff included ([AC19])', () => {
    const { board, jo, mumCard } = caseBoard();
    const hostile: unknown[] = [
      'Jo',
      7,
      true,
      [jo],
      {},
      { personId: jo },
      { personId: jo, toolId: null },
      { personId: jo, toolId: null, area: null, words: 'secret' },
      { personId: '__proto__', toolId: null, area: null },
      { personId: 'not an id!', toolId: null, area: null },
      { personId: jo, toolId: 42, area: null },
      { personId: jo, toolId: 'tool-1', area: 'attic' },
      { personId: jo, toolId: null, area: 'worries' },
      { personId: jo, toolId: 'x'.repeat(200), area: null },
      () => new Y.Map(),
      () => new Y.Text('Jo'),
    ];
    for (const value of hostile) {
      for (const who of [fay, sam, mum]) {
        // A shared type can be put in one document only: each attempt makes its own.
        const fresh = () => (typeof value === 'function' ? value() : value);
        const verdict = attempt(board, who, (doc) => cardMap(doc, mumCard).set('quote', fresh()));
        expect(verdict, JSON.stringify(value)).toEqual(refused('AC19'));
      }
    }
  });

  it('follows a card into the restricted document, where staff mark it without a people list', () => {
    const { board, jo, mumCard } = caseBoard();
    setCardQuote(board, sam, mumCard, house(jo));
    const restricted = new Y.Doc();
    initRestricted(restricted, { createdAt: 1 });
    // The copy into the restricted document keeps the quote: the guard there accepts it from staff.
    const move = attempt(
      restricted,
      sam,
      (doc) => {
        const scratch = new Y.Doc();
        Y.applyUpdate(scratch, Y.encodeStateAsUpdate(board));
        moveToRestricted(scratch, doc, sam, mumCard);
      },
      'restricted',
    );
    expect(move).toEqual(allowed);
  });
});
