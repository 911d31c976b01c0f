import { performance } from 'node:perf_hooks';
import { type Actor, addCard, editCardText } from '@kinmap/model';
import * as Y from 'yjs';

/**
 * Edit latency without touching the document: writers note when each character was typed (by card
 * and the text's length after it), receivers in the same process see the text reach that length.
 * The stamp cannot travel in the document, whose layout the server enforces ([AC19]). Writers and
 * the receivers that measure them must share one process, so one clock stamps and reads.
 */
export interface EditStamps {
  /** A writer typed into `cardId`, whose text is now `length` long. */
  typed(cardId: string, length: number): void;
  /** Calls `record` with the milliseconds since the typing, for each remote text change of `doc`. */
  observe(doc: Y.Doc, record: (ms: number) => void): void;
}

export function createEditStamps(): EditStamps {
  const typedAt = new Map<string, number>();
  return {
    typed(cardId, length) {
      typedAt.set(`${cardId}:${length}`, performance.now());
    },
    observe(doc, record) {
      doc.getMap('cards').observeDeep((events, transaction) => {
        if (transaction.local) return;
        const now = performance.now();
        for (const event of events) {
          const [cardId] = event.path;
          if (!(event.target instanceof Y.Text) || typeof cardId !== 'string') continue;
          const at = typedAt.get(`${cardId}:${event.target.length}`);
          if (at !== undefined) record(now - at);
        }
      });
    },
  };
}

/**
 * A writer types into its own card through the model, one character per edit at `perSecond`,
 * stamping each. It starts at a random phase: people do not type in lockstep, and aligned timers
 * would turn the load into bursts that measure queueing in the generator. Returns a stop function.
 */
export function startTyping(doc: Y.Doc, actor: Actor, perSecond: number, stamps: EditStamps): () => void {
  // The server accepts a new card only under the sender's own member id ([AC2]).
  const added = addCard(doc, actor, { category: 'harm', text: '' });
  if (!added.ok) throw new Error(`card not added: ${added.reason}`);
  const { cardId } = added.value;
  let typed = 0;
  const type = () => {
    editCardText(doc, actor, cardId, { index: typed++, deleteCount: 0, insert: 'x' });
    stamps.typed(cardId, typed);
  };
  let interval: NodeJS.Timeout | undefined;
  const phase = setTimeout(
    () => {
      interval = setInterval(type, 1000 / perSecond);
    },
    Math.random() * (1000 / perSecond),
  );
  return () => {
    clearTimeout(phase);
    clearInterval(interval);
  };
}
