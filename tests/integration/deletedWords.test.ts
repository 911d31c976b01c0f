import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addCard, editCardText, readBoard } from '@kinmap/model';
import { DATABASE_FILE } from '@kinmap/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boardWithMembers, Fixture, must, waitFor } from './helpers.js';

// Issue 12: words typed and then deleted stayed in the stored update log (plaintext without a data
// key) until the next compaction, which came only after 500 updates, a removed card or an unload.
describe('deleted words leave the stored log promptly (real server, raw SQLite bytes)', () => {
  let fixture: Fixture;
  beforeEach(() => {
    fixture = new Fixture();
  });
  afterEach(() => fixture.cleanup());

  /** Every byte SQLite keeps for the data directory: the file and its write-ahead log. */
  const rawBytes = (): Buffer => {
    const file = join(fixture.dataDir, DATABASE_FILE);
    const wal = `${file}-wal`;
    return Buffer.concat([readFileSync(file), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)]);
  };
  const stored = (word: string): boolean => rawBytes().includes(Buffer.from(word, 'utf8'));

  it('[PO3] text typed into a card and deleted again is gone from the database file soon after, the card staying', async () => {
    // Short, so the test does not wait 5 s; the deletion is what triggers the compaction.
    const server = await fixture.start({ limits: { compactAfterDeletionMs: 50 } });
    const board = await boardWithMembers(server, 'Case', ['family']);
    const client = await fixture.connect(server, board.boardId, board.family);
    await waitFor(() => client.provider.synced, 'the first sync');
    const actor = board.family.actor;
    const { cardId } = must(addCard(client.doc, actor, { category: 'complicatingFactor', text: 'Dad ' }));
    const secret = 'QUOKKA-SECRET-REMARK';
    // Pasted in one go, as a phrase typed between two syncs reaches the server in one update.
    must(editCardText(client.doc, actor, cardId, { index: 4, deleteCount: 0, insert: secret }));
    await waitFor(() => stored(secret), 'the typed words to be stored');

    must(
      editCardText(client.doc, actor, cardId, { index: 4, deleteCount: secret.length, insert: 'is kind' }),
    );
    await waitFor(() => stored('is kind'), 'the edit to be stored');
    await waitFor(() => !stored(secret), 'the deleted words to leave the database file', 15_000);

    expect(readBoard(client.doc).cards[cardId]?.text).toBe('Dad is kind');
    // The board reads the same from storage: a fresh client gets the edited card.
    const fresh = await fixture.connect(server, board.boardId, board.facilitator);
    await waitFor(() => fresh.provider.synced, 'a second client to sync');
    expect(readBoard(fresh.doc).cards[cardId]?.text).toBe('Dad is kind');
  });
});
