import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/**
 * What Chromium logs by itself while a context is offline or refused: failed requests and socket
 * attempts. Expected here; any other console error still fails the test.
 */
const OFFLINE_ERRORS = [
  /ERR_INTERNET_DISCONNECTED/,
  /WebSocket connection to '.*' failed/,
  /Failed to load resource/,
];

/** The names of this page's IndexedDB databases that hold a copy of the board. */
async function localCopies(page: Page, boardId: string): Promise<string[]> {
  return page.evaluate(
    async (id) => (await indexedDB.databases()).map((db) => db.name ?? '').filter((n) => n.includes(id)),
    boardId,
  );
}

/** Waits until the app-shell worker is active, so a reload can be served without the network. */
async function shellReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

test('edits made offline survive a reload while offline and reach the others when the link is back', async ({
  openParticipant,
}) => {
  const staff = await openParticipant('staff', { expectedErrors: OFFLINE_ERRORS });
  await staff.landing.goto();
  const boardId = await staff.landing.createBoard('Case 9101');
  await staff.board.addCard('Existing strengths', 'Nan takes Mia to school');
  const family = await openParticipant('family');
  await family.board.open(await staff.board.shareLink('family', 'Alex (Mum)'));
  await family.board.join('Alex');
  await shellReady(staff.page);
  expect(await localCopies(staff.page, boardId)).toEqual(
    expect.arrayContaining([expect.stringMatching(new RegExp(`^kinmap:${boardId}:[^:]+$`))]),
  );

  // The link drops: the facilitator keeps working, and is told the work waits on the device.
  await staff.context.setOffline(true);
  await expect.poll(() => staff.board.status()).toBe('offline');
  const offlineText = 'Grandad visits every evening';
  await staff.board.addCard('Existing safety', offlineText);
  const added = await staff.board.cardWithText(offlineText);
  if (!added) throw new Error('the card was not added offline');
  const status = staff.page.getByRole('status').filter({ hasText: /changes? (is|are) not saved yet/ });
  await expect(status).toBeVisible();
  expect(Number(await status.getAttribute('data-unsaved'))).toBeGreaterThan(0);

  // Closing or reloading the tab now asks first; the reload still works offline (the app shell
  // comes from the service worker, the board from this device's copy), with the card on it.
  const dialogs: string[] = [];
  staff.page.once('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await staff.page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  await expect.poll(async () => (await staff.board.cardWithText(offlineText))?.id).toBe(added.id);
  expect((await staff.board.cardWithText('Nan takes Mia to school'))?.category).toBe('existingStrength');
  await expect.poll(() => staff.board.status()).toBe('offline');
  await expect(status).toBeVisible();
  expect(await family.board.cardWithText(offlineText)).toBeUndefined();

  // Back online: the card reaches the server and the family's screen; nothing waits any more.
  await staff.context.setOffline(false);
  await staff.board.waitUntilSynced();
  await expect.poll(async () => (await family.board.cardWithText(offlineText))?.id).toBe(added.id);
  expect((await family.board.cardWithText(offlineText))?.category).toBe('existingSafety');
  // A fresh page loads it from the server (it was stored, not just relayed).
  await family.page.reload();
  await family.board.waitUntilSynced();
  expect((await family.board.cardWithText(offlineText))?.id).toBe(added.id);

  // Signing out leaves no board on the device.
  expect(await localCopies(staff.page, boardId)).not.toEqual([]);
  await staff.landing.goto();
  await staff.page.getByRole('button', { name: 'Sign out' }).click();
  await expect(staff.page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await staff.page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).toEqual(
    [],
  );
  expect(await staff.page.evaluate(() => localStorage.getItem('kinmap:offline-boards'))).toBeNull();
});

/** Reads the last key of, or deletes the records after `key` in, y-indexeddb's `updates` store of `name`. */
async function withUpdatesStore(page: Page, name: string, action: 'lastKey' | 'dropAfter', key = 0) {
  return page.evaluate(
    async ({ name, action, key }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('updates', 'readwrite');
      const store = tx.objectStore('updates');
      const result = await new Promise<number>((resolve, reject) => {
        const request =
          action === 'lastKey'
            ? store.openCursor(null, 'prev')
            : store.delete(IDBKeyRange.lowerBound(key, true));
        request.onsuccess = () =>
          resolve(action === 'lastKey' ? Number((request.result as IDBCursor | null)?.key ?? 0) : 0);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve) => {
        tx.oncomplete = () => resolve();
      });
      db.close();
      return result;
    },
    { name, action, key },
  );
}

test('unsaved changes kept on the device come back after a reload even if the board copy missed its last writes', async ({
  openParticipant,
}) => {
  const staff = await openParticipant('staff', { expectedErrors: OFFLINE_ERRORS });
  await staff.landing.goto();
  const boardId = await staff.landing.createBoard('Case 9103');
  await staff.board.addCard('Existing strengths', 'Nan takes Mia to school');
  await staff.board.waitUntilSynced();
  await shellReady(staff.page);
  const [shared = ''] = (await localCopies(staff.page, boardId)).filter(
    (name) => !name.endsWith(':restricted'),
  );
  await staff.context.setOffline(true);
  await expect.poll(() => staff.board.status()).toBe('offline');
  const savedUpTo = await withUpdatesStore(staff.page, shared, 'lastKey');
  const offlineText = 'Aunt Jo stays on Fridays';
  await staff.board.addCard('Existing safety', offlineText);
  const added = await staff.board.cardWithText(offlineText);
  if (!added) throw new Error('the card was not added offline');
  await expect(staff.page.getByRole('status').filter({ hasText: /not saved yet/ })).toBeVisible();

  // The page goes before the copy's own records of the offline edits are written (a reload or a
  // crash can do that): only the unsaved changes kept beside them can bring the card back.
  await withUpdatesStore(staff.page, shared, 'dropAfter', savedUpTo);
  staff.page.once('dialog', (dialog) => void dialog.accept());
  await staff.page.reload();
  await expect.poll(async () => (await staff.board.cardWithText(offlineText))?.id).toBe(added.id);
  expect((await staff.board.cardWithText('Nan takes Mia to school'))?.category).toBe('existingStrength');

  // Online again, the server takes it: a fresh load shows both cards.
  await staff.context.setOffline(false);
  await staff.board.waitUntilSynced();
  await expect
    .poll(() =>
      staff.page
        .getByRole('status')
        .filter({ hasText: /not saved yet/ })
        .count(),
    )
    .toBe(0);
  await staff.page.reload();
  await staff.board.waitUntilSynced();
  const texts = (await staff.board.cards()).map((c) => c.text).sort();
  expect(texts).toEqual([offlineText, 'Nan takes Mia to school'].sort());
});

test('access removed while offline: the offline edits are never applied, the device forgets the board, and the person is told', async ({
  openParticipant,
}) => {
  const staff = await openParticipant('staff');
  await staff.landing.goto();
  const boardId = await staff.landing.createBoard('Case 9102');
  await staff.board.addCard('Existing strengths', 'Nan takes Mia to school');
  // After the removal the board's route and socket answer 401: Chromium logs both.
  const family = await openParticipant('family', { expectedErrors: [...OFFLINE_ERRORS, /status of 401/] });
  await family.board.open(await staff.board.shareLink('family', 'Alex (Mum)'));
  await family.board.join('Alex');
  expect(await localCopies(family.page, boardId)).not.toEqual([]);

  await family.context.setOffline(true);
  await expect.poll(() => family.board.status()).toBe('offline');
  const offlineText = 'Dad shouts at night';
  await family.board.addCard('Harm', offlineText);
  expect((await family.board.cardWithText(offlineText))?.category).toBe('harm');

  // Meanwhile the facilitator removes Alex's access.
  const panel = await staff.board.openInvitePanel();
  await panel.getByRole('button', { name: 'Remove access for Alex' }).click();
  await panel.getByRole('button', { name: 'Yes, remove access' }).click();
  await expect(panel.getByText('Access ended')).toBeVisible();

  await family.context.setOffline(false);
  await expect(family.page.getByRole('alert')).toContainText(
    'Your access to this board has ended. The changes you made while offline were not saved.',
  );
  expect(await family.board.status()).toBe('ended');
  // Nothing of the board stays on the family's device.
  await expect.poll(() => localCopies(family.page, boardId)).toEqual([]);
  expect(await family.page.evaluate(() => localStorage.getItem('kinmap:offline-boards'))).toBeNull();

  // The card never reached the board: not on the facilitator's screen, nor after a fresh load.
  expect(await staff.board.cardWithText(offlineText)).toBeUndefined();
  await staff.page.reload();
  await staff.board.waitUntilSynced();
  expect((await staff.board.cards()).map((c) => c.text)).toEqual(['Nan takes Mia to school']);
});

test('access removed while the tab was closed with unsaved changes: opening the board again says they were not saved', async ({
  openParticipant,
}) => {
  const staff = await openParticipant('staff');
  await staff.landing.goto();
  const boardId = await staff.landing.createBoard('Case 9103');
  const family = await openParticipant('family', { expectedErrors: OFFLINE_ERRORS });
  await family.board.open(await staff.board.shareLink('family', 'Alex (Mum)'));
  await family.board.join('Alex');

  await family.context.setOffline(true);
  await expect.poll(() => family.board.status()).toBe('offline');
  await family.board.addCard('Harm', 'Dad shouts at night');
  await expect(family.page.getByRole('status').filter({ hasText: /not saved yet/ })).toBeVisible();
  await family.page.close();

  const panel = await staff.board.openInvitePanel();
  await panel.getByRole('button', { name: 'Remove access for Alex' }).click();
  await panel.getByRole('button', { name: 'Yes, remove access' }).click();
  await expect(panel.getByText('Access ended')).toBeVisible();

  await family.context.setOffline(false);
  const again = await family.context.newPage();
  await again.goto(`/b/${boardId}`);
  await expect(again.getByRole('alert')).toContainText('The changes you made while offline were not saved.');
  await expect.poll(() => localCopies(again, boardId)).toEqual([]);
  expect((await staff.board.cards()).map((c) => c.text)).toEqual([]);
});
