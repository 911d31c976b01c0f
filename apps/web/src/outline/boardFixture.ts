import {
  type Actor,
  addCard,
  addPair,
  type BoardState,
  type CardId,
  type Category,
  initBoard,
  newId,
  type PairId,
  type ParticipantId,
  type Role,
  readBoard,
  registerParticipant,
} from '@kinmap/model';
import * as Y from 'yjs';

/**
 * A real board built through the model, for the outline's unit tests (test support only: no
 * component imports it).
 */
export class BoardFixture {
  readonly doc = new Y.Doc();

  constructor() {
    initBoard(this.doc, { title: 'Case 1', createdAt: 1 });
  }

  person(displayName: string, role: Role): Actor {
    const participantId = newId() as ParticipantId;
    registerParticipant(this.doc, { id: participantId, displayName, role });
    return { participantId, role };
  }

  card(actor: Actor, category: Category, text: string, professionalsOnly = false): CardId {
    const result = addCard(this.doc, actor, { category, text, professionalsOnly });
    if (!result.ok) throw new Error(result.reason);
    return result.value.cardId;
  }

  pair(
    actor: Actor,
    dangerStatement: string,
    safetyGoal: string,
  ): { pairId: PairId; dangerStatementId: CardId; safetyGoalId: CardId } {
    const result = addPair(this.doc, actor, { dangerStatement, safetyGoal });
    if (!result.ok) throw new Error(result.reason);
    return result.value;
  }

  state(): BoardState {
    return readBoard(this.doc);
  }
}
