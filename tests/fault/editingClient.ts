import {
  type Actor,
  addCard,
  asParticipantId,
  type CardId,
  type Category,
  editCardText,
  readBoard,
} from '@kinmap/model';
import { createSqliteStore } from '@kinmap/server';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * A member's device for fault tests: the official y-websocket client, signed in by the member's
 * session cookie (as the browser is), so it reconnects by itself to a restarted server; a ticket
 * would be spent by the first connection.
 */
export interface EditingClient {
  readonly name: string;
  readonly boardId: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Tokens this client typed (each unique: `<name>-<n>`). */
  readonly typed: Set<string>;
  /** Other clients' tokens this client received from the server: the server had stored them. */
  readonly received: Set<string>;
  /** Close codes of every connection the server ended (1006 for a killed server). */
  readonly closeCodes: number[];
  /** Closes after which the provider gave up reconnecting (y-websocket's `closed` event: 44xx). */
  readonly finalCloses: number[];
  /** One random edit: a new card holding a new token, or a token appended to one of its own cards. */
  edit(random: () => number): void;
  destroy(): void;
}

export interface Member {
  readonly memberId: string;
  readonly cookie: string;
  readonly role: Actor['role'];
}

const TOKEN = /^c\d+-\d+$/;
const CATEGORIES: readonly Category[] = ['harm', 'existingStrength', 'existingSafety', 'nextStep'];

/** The client's tokens found in a Yjs update's inserted strings (tokens are typed whole, space-separated). */
export function tokensOfUpdate(update: Uint8Array): string[] {
  const tokens: string[] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
    for (const word of struct.content.str.split(/\s+/)) if (TOKEN.test(word)) tokens.push(word);
  }
  return tokens;
}

/** Every token in a board's card texts. */
export function tokensOfDoc(doc: Y.Doc): Set<string> {
  const tokens = new Set<string>();
  for (const card of Object.values(readBoard(doc).cards)) {
    for (const word of card.text.split(/\s+/)) if (TOKEN.test(word)) tokens.add(word);
  }
  return tokens;
}

/** What the data directory holds for a board, read from the SQLite file with the server's own store (server stopped). */
export async function storedTokens(databaseFile: string, boardId: string): Promise<Set<string>> {
  const store = createSqliteStore({ file: databaseFile });
  try {
    const doc = new Y.Doc();
    const { updates } = await store.load(boardId);
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return tokensOfDoc(doc);
  } finally {
    await store.close();
  }
}

/** A `ws` WebSocket class that sends the member's cookie and the server's Origin on every (re)connect. */
function socketClass(cookie: string, origin: string) {
  return class CookieSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { Cookie: cookie, Origin: origin } });
    }
  };
}

export function connectEditingClient(options: {
  readonly name: string;
  readonly serverUrl: string;
  readonly boardId: string;
  readonly member: Member;
}): EditingClient {
  const { name, serverUrl, boardId, member } = options;
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/sync`, boardId, doc, {
    WebSocketPolyfill: socketClass(member.cookie, serverUrl) as unknown as typeof globalThis.WebSocket,
    // Node has BroadcastChannel: without this, clients in one process would sync around the server.
    disableBc: true,
    maxBackoffTime: 1_000,
  });
  const actor: Actor = { participantId: asParticipantId(member.memberId), role: member.role };
  const typed = new Set<string>();
  const received = new Set<string>();
  const closeCodes: number[] = [];
  const finalCloses: number[] = [];
  const ownCards: CardId[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  provider.on('closed', (event) => finalCloses.push(event.code));
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== provider) return;
    for (const token of tokensOfUpdate(update)) if (!token.startsWith(`${name}-`)) received.add(token);
  });
  let counter = 0;
  return {
    name,
    boardId,
    doc,
    provider,
    typed,
    received,
    closeCodes,
    finalCloses,
    edit(random) {
      const token = `${name}-${counter++}`;
      const cardId = ownCards[Math.floor(random() * ownCards.length)];
      if (cardId !== undefined && random() < 0.4) {
        const length = readBoard(doc).cards[cardId]?.text.length ?? 0;
        const edited = editCardText(doc, actor, cardId, {
          index: length,
          deleteCount: 0,
          insert: ` ${token}`,
        });
        if (!edited.ok) throw new Error(`edit refused locally: ${edited.reason}`);
      } else {
        const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)] ?? 'harm';
        const added = addCard(doc, actor, { category, text: token });
        if (!added.ok) throw new Error(`add refused locally: ${added.reason}`);
        ownCards.push(added.value.cardId);
      }
      typed.add(token);
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same kills and edits. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
