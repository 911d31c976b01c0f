import { addCard, editCardText, moveToRestricted, readBoard } from '@kinmap/model';
import type { RunningServer } from '@kinmap/server';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  boardWithFamily,
  Fixture,
  must,
  type Person,
  refusalStatus,
  syncUrl,
  ticketFor,
  waitFor,
} from './helpers.js';
import { recordingClient } from './recordingClient.js';

/**
 * Issue 4, "Professionals-only information", proved at the protocol level: a family member's raw
 * socket records every byte the server sends it, while the facilitator writes and edits
 * professionals-only cards; no byte sequence of their text may appear in what it received.
 * (SPEC [PO1]–[PO4].)
 */

// Non-ASCII on purpose: Welsh ŵ/ŷ and Polish ż/ó/ł/ć are multi-byte in UTF-8.
const RESTRICTED_TEXT = 'Tad yn yfed bob nos — ŵyr, ŷd; Żółć prokuratura 4711';
const MOVED_TEXT = 'Zgłoszenie policji: Łódź, ćwiczenia — Mam-gu’n gwybod 0815';
const EDIT_TEXT = ' — diweddariad ślęża';
const SHARED_TEXT = 'Gran walks him to school';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('professionals-only cards on the real server', () => {
  const fixture = new Fixture();
  const cleanups: Array<() => void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await fixture.cleanup();
  });

  async function official(server: RunningServer, room: string, ticket: string) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(syncUrl(server), room, doc, {
      params: { ticket },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 60_000,
    });
    cleanups.push(() => provider.destroy());
    await waitFor(() => provider.synced, `the first sync of ${room}`);
    return { doc, provider };
  }

  async function record(server: RunningServer, boardId: string, family: Person) {
    const ticket = await ticketFor(server, boardId, family);
    const client = recordingClient(`${syncUrl(server)}/${boardId}?ticket=${ticket}`);
    cleanups.push(client.close);
    return client;
  }

  it('[PO1] [PO2] [PO3] a family socket never receives a byte of a professionals-only card', async () => {
    const server = await fixture.start();
    const { boardId, facilitator, family } = await boardWithFamily(server, 'Case 4002');
    const chairActor = facilitator.actor;
    const shared = await official(server, boardId, await ticketFor(server, boardId, facilitator));
    const restricted = await official(
      server,
      `${boardId}/restricted`,
      await ticketFor(server, boardId, facilitator),
    );
    await waitFor(() => restricted.doc.getMap('meta').has('schemaVersion'), 'the restricted meta');
    const alex = await record(server, boardId, family);
    must(addCard(shared.doc, chairActor, { category: 'existingSafety', text: SHARED_TEXT }));
    await waitFor(() => alex.bytes().includes(utf8(SHARED_TEXT)), 'the shared card at the family');

    // Straight into the restricted document.
    const secret = must(
      addCard(restricted.doc, chairActor, {
        category: 'harm',
        text: RESTRICTED_TEXT,
        professionalsOnly: true,
      }),
    );
    // Another written as shared first, then moved (the family member online now has seen it).
    const moved = must(addCard(shared.doc, chairActor, { category: 'complicatingFactor', text: MOVED_TEXT }));
    await waitFor(() => alex.bytes().includes(utf8(MOVED_TEXT)), 'the card while it was shared');
    must(moveToRestricted(shared.doc, restricted.doc, chairActor, moved.cardId));
    // Awareness in the restricted room, however careless, stays there.
    restricted.provider.awareness.setLocalStateField('note', RESTRICTED_TEXT);
    for (let round = 0; round < 10; round++) {
      must(
        editCardText(restricted.doc, chairActor, secret.cardId, {
          index: 0,
          deleteCount: 0,
          insert: EDIT_TEXT,
        }),
      );
      must(
        editCardText(restricted.doc, chairActor, moved.cardId, {
          index: 0,
          deleteCount: 0,
          insert: EDIT_TEXT,
        }),
      );
      shared.provider.awareness.setLocalStateField('cursor', { x: round, y: round });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // A second professional sees it all, so the server has stored and applied every edit …
    const colleague = await official(
      server,
      `${boardId}/restricted`,
      await ticketFor(server, boardId, facilitator),
    );
    await waitFor(
      () =>
        readBoard(colleague.doc).cards[secret.cardId]?.text === `${EDIT_TEXT.repeat(10)}${RESTRICTED_TEXT}`,
      'the restricted edits at a colleague',
    );
    // … and a last shared card marks the end of what the family socket could have been sent.
    must(addCard(shared.doc, chairActor, { category: 'nextStep', text: 'Sentinel ✓' }));
    await waitFor(() => alex.bytes().includes(utf8('Sentinel ✓')), 'the sentinel at the family');

    const got = alex.bytes();
    expect(got.includes(utf8(SHARED_TEXT))).toBe(true);
    expect(got.includes(utf8(RESTRICTED_TEXT))).toBe(false);
    expect(got.includes(utf8(EDIT_TEXT))).toBe(false);
    expect(readBoard(alex.doc).cards[secret.cardId]).toBeUndefined();
    expect(readBoard(alex.doc).cards[moved.cardId]).toBeUndefined();

    // A family member joining after the move (and the compaction it caused) gets neither text.
    const later = await record(server, boardId, family);
    await waitFor(() => later.bytes().includes(utf8('Sentinel ✓')), 'the full state at the new connection');
    const fresh = later.bytes();
    expect(fresh.includes(utf8(SHARED_TEXT))).toBe(true);
    expect(fresh.includes(utf8(MOVED_TEXT))).toBe(false);
    expect(fresh.includes(utf8(RESTRICTED_TEXT))).toBe(false);
    expect(fresh.includes(utf8(EDIT_TEXT))).toBe(false);
  });

  it('[PO1] refuses the family member’s upgrade to the restricted room with 403, by ticket or cookie', async () => {
    const server = await fixture.start();
    const { boardId, family } = await boardWithFamily(server, 'Case 4002');
    const byTicket = fixture.rawSocket(
      `${syncUrl(server)}/${boardId}/restricted?ticket=${await ticketFor(server, boardId, family)}`,
    );
    expect(await refusalStatus(byTicket)).toBe(403);
    const byCookie = new WebSocket(`${syncUrl(server)}/${boardId}/restricted`, {
      headers: { Cookie: family.cookie, Origin: server.url },
    });
    byCookie.on('error', () => {});
    cleanups.push(() => byCookie.terminate());
    expect(await refusalStatus(byCookie)).toBe(403);
  });
});
