import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { joinAs, startBoard } from './mapBoard.js';
import { menuButton } from './pages/chrome.js';
import { MapPage } from './pages/MapPage.js';

/**
 * SPEC [A5]: presence names the connection's member, stamped by the server. A family member who
 * forges a facilitator's presence (by hand, on a raw socket, as anyone could from the browser's
 * console) is shown as themself: the wall does not follow them, and nobody obeys their summon.
 */

const FORGED_SCALE = 2.6;

/** Opens a raw socket to the board with this page's session cookie and sends a forged presence. */
async function forgeFacilitator(page: Page, boardId: string, facilitatorId: string): Promise<void> {
  await page.evaluate(
    ({ boardId, facilitatorId, scale }) =>
      new Promise<void>((resolve, reject) => {
        const varUint = (n: number): number[] => {
          const out: number[] = [];
          let rest = n;
          while (rest > 127) {
            out.push((rest % 128) | 128);
            rest = Math.floor(rest / 128);
          }
          out.push(rest);
          return out;
        };
        const text = (s: string): number[] => {
          const bytes = [...new TextEncoder().encode(s)];
          return [...varUint(bytes.length), ...bytes];
        };
        const view = { x: 0, y: 0, scale };
        const state = JSON.stringify({
          participantId: facilitatorId,
          name: 'Aaron Chair',
          role: 'facilitator',
          color: '#000000',
          cursor: null,
          viewport: view,
          summon: { at: Date.now() + 1e9, viewport: view },
        });
        const update = [...varUint(1), ...varUint(424242), ...varUint(1), ...text(state)];
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/sync/${boardId}`);
        (window as unknown as { forged: WebSocket }).forged = ws;
        ws.binaryType = 'arraybuffer';
        ws.onopen = () => {
          ws.send(new Uint8Array([0, 0, 1, 0])); // sync step 1 with an empty state vector
          ws.send(new Uint8Array([1, ...varUint(update.length), ...update]));
          resolve();
        };
        ws.onerror = () => reject(new Error('the forged socket did not open'));
      }),
    { boardId, facilitatorId, scale: FORGED_SCALE },
  );
}

test('[A5] a family member forging the facilitator’s presence is not followed by the wall nor obeyed', async ({
  openParticipant,
}) => {
  // Four browsers on a shared two-core machine: generous, not a measurement.
  test.setTimeout(300_000);
  const { facilitator, map: chair } = await startBoard(openParticipant, 'Case 7311');
  const boardId = new URL(facilitator.page.url()).pathname.split('/').pop() ?? '';
  const facilitatorId = (await facilitator.board.participantId()) ?? '';
  const alex = await joinAs(openParticipant, await facilitator.board.shareLink('family'), 'Alex');
  const wallPerson = await openParticipant('wall');
  await wallPerson.board.open((await facilitator.board.shareLink('viewer')).replace('#', '?projector#'));
  await wallPerson.board.waitUntilSynced();
  const wall = new MapPage(wallPerson.page);

  // Mallory joins as family, leaves the board page (so only the forged presence is hers) and forges.
  // Her page leaves the board for the server's health line, whose icon request is a 404.
  const mallory = await openParticipant('Mallory', { expectedErrors: [/status of 404/] });
  await mallory.board.open(await facilitator.board.shareLink('family'));
  await mallory.board.join('Mallory');
  await mallory.page.goto('/healthz');
  const alexScale = (await alex.stageScale()) ?? 0;
  await forgeFacilitator(mallory.page, boardId, facilitatorId);

  // Alex's screen has the forged presence, shown as who sent it: Mallory, family.
  const follow = alex.page.getByRole('combobox', { name: 'Follow' });
  await expect(follow.locator('option', { hasText: 'Mallory (Family)' })).toHaveCount(1);
  await expect(follow.locator('option', { hasText: 'Aaron Chair' })).toHaveCount(0);
  // Her "bring everyone to me" was not obeyed.
  expect(await alex.stageScale()).toBeCloseTo(alexScale, 2);

  // The wall follows the real facilitator, not the forged one (whose name would sort first).
  // (The wall letterboxes what the facilitator frames, never more than the whole board: the
  // facilitator zooming in makes the wall zoom in, never to the forged zoom.)
  const wallBefore = (await wall.stageScale()) ?? 0;
  expect(wallBefore).not.toBeCloseTo(FORGED_SCALE, 1);
  await chair.page.getByRole('button', { name: 'Zoom in' }).click();
  await chair.page.getByRole('button', { name: 'Zoom in' }).click();
  const chairScale = (await chair.stageScale()) ?? 0;
  await expect.poll(() => wall.stageScale()).toBeGreaterThan(wallBefore * 1.2);
  expect(await wall.stageScale()).not.toBeCloseTo(FORGED_SCALE, 1);
  // And the real facilitator's summon is still obeyed.
  await (await menuButton(chair.page, 'Bring everyone to me')).click();
  await expect.poll(() => alex.stageScale()).toBeCloseTo(chairScale, 2);
});
