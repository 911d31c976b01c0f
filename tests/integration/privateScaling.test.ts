import { OVERALL_SCALE_ID, readBoard, setScaleMode } from '@kinmap/model';
import { decodeClientMessage, encodeSyncStep1 } from '@kinmap/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { boardWithMembers, Fixture, must, opened, post, syncUrl, ticketFor, waitFor } from './helpers.js';

const FAMILY_REASON = 'Dad has not been drinking at home for six weeks';
const FACILITATOR_REASON = 'The school says the children arrive on time now';

/**
 * A raw WebSocket client that records every byte the server sends it and also applies the
 * document updates to a shadow doc, so the test can look at both the wire and the board.
 */
function recordingClient(ws: WebSocket) {
  const frames: Buffer[] = [];
  const shadow = new Y.Doc();
  ws.on('message', (data: Buffer) => {
    frames.push(Buffer.from(data));
    const message = decodeClientMessage(new Uint8Array(data));
    if (!message.ok) return;
    const { value } = message;
    if (value.type === 'syncStep2' || value.type === 'update') Y.applyUpdate(shadow, value.update);
  });
  return {
    shadow,
    received: () => Buffer.concat(frames),
    start: () => ws.send(encodeSyncStep1(Y.encodeStateVector(shadow))),
  };
}

describe('[PR3] private scaling through the real server', () => {
  let fixture: Fixture;
  beforeEach(() => {
    fixture = new Fixture();
  });
  afterEach(() => fixture.cleanup());

  it("another participant's client never receives a private score before the reveal; afterwards everyone has every score", async () => {
    const server = await fixture.start();
    const board = await boardWithMembers(server, 'Review meeting', ['family', 'practitioner']);
    const facilitator = board.facilitator.actor;
    const family = board.family.actor;
    const fac = await fixture.connect(server, board.boardId, board.facilitator);
    const fam = await fixture.connect(server, board.boardId, board.family);
    const ticket = await ticketFor(server, board.boardId, board.practitioner);
    const ws = fixture.rawSocket(`${syncUrl(server)}/${board.boardId}?ticket=${ticket}`);
    const other = recordingClient(ws);
    await opened(ws);
    other.start();
    await waitFor(() => fac.provider.synced && fam.provider.synced, 'both official clients to sync');
    await waitFor(() => readBoard(other.shadow).meta.title === 'Review meeting', 'the raw client to sync');

    must(setScaleMode(fac.doc, facilitator, OVERALL_SCALE_ID, 'private'));
    await waitFor(
      () => readBoard(other.shadow).scales[OVERALL_SCALE_ID]?.mode === 'private',
      'private mode to reach the raw client',
    );

    const ratingUrl = (who: string) =>
      `${server.url}/api/boards/${board.boardId}/scales/${OVERALL_SCALE_ID}/ratings/${who}`;
    const put = (who: string, cookie: string, key: string, body: object) =>
      fetch(ratingUrl(who), {
        method: 'PUT',
        headers: {
          Cookie: cookie,
          Origin: server.url,
          'X-Kinmap-CSRF': '1',
          'Content-Type': 'application/json',
          'X-Participant-Key': key,
        },
        body: JSON.stringify(body),
      });
    const famPut = await put(family.participantId, board.family.cookie, 'family-browser-key-0123456789', {
      value: 7,
      reason: FAMILY_REASON,
    });
    expect(famPut.status).toBe(200);
    const facPut = await put(
      facilitator.participantId,
      board.facilitator.cookie,
      'facilitator-key-0123456789ab',
      {
        value: 3,
        reason: FACILITATOR_REASON,
      },
    );
    expect(facPut.status).toBe(200);

    const everyone = [fac.doc, fam.doc, other.shadow];
    const scaleIn = (doc: Y.Doc) => readBoard(doc).scales[OVERALL_SCALE_ID];
    await waitFor(
      () => everyone.every((doc) => scaleIn(doc)?.scored.length === 2),
      'everyone to see that two people scored',
    );
    // Before the reveal: who scored is shared, what they scored is not, on the wire or in any doc.
    expect(other.received().includes(FAMILY_REASON)).toBe(false);
    expect(other.received().includes(FACILITATOR_REASON)).toBe(false);
    expect(other.received().includes('reason')).toBe(false);
    for (const doc of everyone) {
      expect(scaleIn(doc)?.ratings).toEqual({});
      expect(Buffer.from(Y.encodeStateAsUpdate(doc)).includes(FAMILY_REASON)).toBe(false);
    }
    expect(scaleIn(fac.doc)?.scored).toEqual([facilitator.participantId, family.participantId].sort());

    const reveal = await post(
      server,
      `/api/boards/${board.boardId}/scales/${OVERALL_SCALE_ID}/reveal`,
      {},
      board.facilitator.cookie,
    );
    expect(reveal.status).toBe(200);
    await waitFor(
      () => everyone.every((doc) => Object.keys(scaleIn(doc)?.ratings ?? {}).length === 2),
      'everyone to see both scores',
    );
    for (const doc of everyone) {
      expect(scaleIn(doc)).toMatchObject({
        mode: 'revealed',
        scored: [],
        ratings: {
          [family.participantId]: { value: 7, reason: FAMILY_REASON },
          [facilitator.participantId]: { value: 3, reason: FACILITATOR_REASON },
        },
      });
    }
    expect(other.received().includes(FAMILY_REASON)).toBe(true);
  });
});
