import {
  encodeAwarenessMessage,
  encodeAwarenessUpdate,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from '@kinmap/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import * as Y from 'yjs';

/**
 * Seeded generators of hostile y-websocket frames for tests/fault/fuzz.test.ts. Every Yjs update
 * made here for a writing member is invalid by construction (the server must refuse it: [AC19]),
 * except `mutated` ones, which only the `mutant` member sends and which may happen to be valid.
 */
export type Gen = prng.PRNG;

/** Yjs client ids the fuzz used in document updates: none of them may end up in the stored board. */
export const fuzzClientIds = new Set<number>();

/**
 * After a client's sync step 1 the room holds its updates until its step 2 ([S8]); an (empty) step 2
 * after an update makes the room look at it now.
 */
export const EMPTY_STEP2 = encodeSyncStep2(new Uint8Array([0, 0]));

function fuzzDoc(gen: Gen, record: boolean): Y.Doc {
  const clientID = prng.uint32(gen, 1, 2 ** 31);
  if (record) fuzzClientIds.add(clientID);
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

export const randomBytes = (gen: Gen, max: number): Uint8Array =>
  prng.uint8Array(gen, prng.int31(gen, 0, max));

function jsonValue(gen: Gen, depth = 0): unknown {
  switch (prng.int31(gen, 0, depth > 2 ? 2 : 4)) {
    case 0:
      return prng.int53(gen, -1e12, 1e12);
    case 1:
      return prng.utf16String(gen, 40);
    case 2:
      return prng.bool(gen);
    case 3:
      return Array.from({ length: prng.int31(gen, 0, 4) }, () => jsonValue(gen, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: prng.int31(gen, 0, 4) }, () => [
          prng.word(gen, 1, 8),
          jsonValue(gen, depth + 1),
        ]),
      );
  }
}

/** Rewrites the clock of the first struct of a one-client update: the board lacks everything before it. */
function withClock(update: Uint8Array, clock: number): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const clients = decoding.readVarUint(decoder);
  const structs = decoding.readVarUint(decoder);
  const client = decoding.readVarUint(decoder);
  decoding.readVarUint(decoder); // the old clock
  const encoder = encoding.createEncoder();
  for (const n of [clients, structs, client, clock]) encoding.writeVarUint(encoder, n);
  encoding.writeUint8Array(encoder, decoding.readTailAsUint8Array(decoder));
  return encoding.toUint8Array(encoder);
}

/** Yjs updates the permission check must refuse ([AC19]): each is well-formed and decodes. */
export function refusedUpdate(gen: Gen, record = true): Uint8Array {
  const doc = fuzzDoc(gen, record);
  switch (prng.int31(gen, 0, 5)) {
    case 0: {
      // A new top-level type, with a random value.
      doc.getMap(`x${prng.word(gen, 1, 12)}`).set(prng.word(gen, 1, 8), jsonValue(gen) as never);
      break;
    }
    case 1: {
      // A known type, but at a clock far beyond anything the board has (a "huge clock").
      doc.getMap('cards').set(prng.word(gen, 4, 12), prng.utf16String(gen, 30));
      return withClock(Y.encodeStateAsUpdate(doc), prng.uint53(gen, 1e6, 2 ** 50));
    }
    case 2: {
      // Content inside a card the board has never seen (its parent item is missing).
      const card = new Y.Map<unknown>();
      doc.getMap('cards').set(prng.word(gen, 4, 12), card);
      const before = Y.encodeStateVector(doc);
      card.set('text', new Y.Text(prng.utf16String(gen, 60)));
      return Y.encodeStateAsUpdate(doc, before);
    }
    case 3:
      return unknownDeletions(gen, record);
    case 4: {
      // A card with nonsense fields: unknown category, text of the wrong type.
      const card = new Y.Map<unknown>();
      doc.getMap('cards').set(prng.word(gen, 4, 12), card);
      card.set('category', prng.word(gen, 1, 10));
      card.set('text', jsonValue(gen));
      card.set(prng.word(gen, 1, 8), jsonValue(gen));
      break;
    }
    default: {
      // A large one (up to ~900 kB) to an unknown type: the refusal must not keep it around.
      doc.getText(`big${prng.word(gen, 1, 6)}`).insert(0, 'x'.repeat(prng.int31(gen, 1000, 900_000)));
    }
  }
  return Y.encodeStateAsUpdate(doc);
}

/** An update that only deletes a range of a client the board has never heard of. */
function unknownDeletions(gen: Gen, record: boolean): Uint8Array {
  const client = prng.uint32(gen, 1, 2 ** 31);
  if (record) fuzzClientIds.add(client);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // no structs
  encoding.writeVarUint(encoder, 1); // deletions of one client
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, prng.uint53(gen, 0, 2 ** 40));
  encoding.writeVarUint(encoder, prng.int31(gen, 1, 1000));
  return encoding.toUint8Array(encoder);
}

/** A refused update with 1–4 random bytes changed: it may fail to decode, be refused, or (rarely) be valid. */
export function mutatedUpdate(gen: Gen): Uint8Array {
  // Not recorded: a mutated update may turn valid, and then it is stored like any other.
  const update = refusedUpdate(gen, false).slice();
  for (let i = prng.int31(gen, 1, 4); i > 0; i--) {
    update[prng.int31(gen, 0, update.length - 1)] = prng.uint32(gen, 0, 255);
  }
  return update;
}

/** A valid update with its tail cut off: never decodes. */
export function truncatedUpdate(gen: Gen): Uint8Array {
  const update = refusedUpdate(gen);
  return update.slice(0, prng.int31(gen, 0, update.length - 1));
}

/** A state vector that decodes (random clients and clocks). */
function stateVector(gen: Gen): Uint8Array {
  const encoder = encoding.createEncoder();
  const n = prng.int31(gen, 0, 4);
  encoding.writeVarUint(encoder, n);
  for (let i = 0; i < n; i++) {
    encoding.writeVarUint(encoder, prng.uint32(gen, 0, 2 ** 31));
    encoding.writeVarUint(encoder, prng.uint53(gen, 0, 2 ** 40));
  }
  return encoding.toUint8Array(encoder);
}

function awarenessFrame(gen: Gen): Uint8Array {
  const entries = Array.from({ length: prng.int31(gen, 1, 3) }, () => ({
    clientId: prng.uint32(gen, 0, 2 ** 31),
    clock: prng.uint53(gen, 0, 1e9),
    state: prng.int31(gen, 0, 9) === 0 ? null : { cursor: jsonValue(gen), name: prng.utf16String(gen, 30) },
  }));
  return encodeAwarenessMessage(encodeAwarenessUpdate(entries));
}

/**
 * A frame the server takes without closing the connection: a sync step 1 (answered), a
 * query-awareness (answered), awareness entries (foreign ones dropped), an empty update or step 2
 * (nothing new: not stored), or, from a viewer, any document update at all (dropped unread). `cost` is what
 * it takes from the connection's token bucket at most.
 */
export function toleratedFrame(gen: Gen, viewer: boolean): { frame: Uint8Array; cost: number } {
  switch (prng.int31(gen, 0, viewer ? 6 : 4)) {
    case 0:
      return { frame: encodeSyncStep1(stateVector(gen)), cost: 1 };
    case 1:
      return { frame: encodeQueryAwareness(), cost: 1 };
    case 2:
      return { frame: awarenessFrame(gen), cost: 1 };
    case 3:
      return { frame: encodeUpdate(new Uint8Array([0, 0])), cost: 1 };
    case 4:
      return { frame: EMPTY_STEP2, cost: 1 };
    case 5:
      return { frame: encodeUpdate(mutatedUpdate(gen)), cost: 1 };
    default:
      return { frame: encodeUpdate(randomBytes(gen, 200)), cost: 1 };
  }
}
