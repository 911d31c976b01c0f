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

test('a pointer on a laptop shows on the same card, at the same spot, on a phone and on a 1920 screen', async ({
  openParticipant,
}, testInfo) => {
  test.setTimeout(240_000);
  const { facilitator, map: sam } = await startBoard(openParticipant, 'Case 7312');
  await sam.addCard('Harm', 'Mia was hit on the arm');
  await sam.addCard('Harm', 'Dad shouted at Mia at night and she could not sleep');
  await sam.addCard('Existing safety', 'Gran picks Mia up from school');
  // Each person gets their own invitation (a link is for one person).
  const open = async (name: string, viewport: { width: number; height: number }, touch: boolean) => {
    const link = await facilitator.board.shareLink('family', `Test ${name}`);
    const person = await openParticipant(name, { viewport, touch });
    await person.board.open(link);
    await person.board.join(name);
    return new MapPage(person.page);
  };
  const phone = await open('Alex', { width: 390, height: 844 }, true);
  const wide = await open('Jo', { width: 1920, height: 1080 }, false);
  await phone.expectTexts(await sam.texts());
  await wide.expectTexts(await sam.texts());
  const size = (m: MapPage) => m.page.evaluate(() => window.__kinmap?.boardSize() ?? null);
  const [samBoard, phoneBoard, wideBoard] = [await size(sam), await size(phone), await size(wide)];
  console.log(
    `board widths: laptop ${samBoard?.width}, 1920 ${wideBoard?.width}, phone ${phoneBoard?.width}`,
  );
  // The phone lays the board out one column at a time: raw board coordinates mean another place there.
  expect(phoneBoard?.stacked).toBe(true);
  expect(phoneBoard?.width).not.toBe(samBoard?.width);

  const card = await sam.cardWithText('Dad shouted at Mia at night and she could not sleep');
  if (!card) throw new Error('the card was not added');
  await sam.page.keyboard.press('Escape');
  const onCard = await sam.reveal(() => sam.cardRect(card.id));
  await sam.page.mouse.move(onCard.x + onCard.width * 0.25, onCard.y + onCard.height * 0.75, { steps: 4 });

  for (const [name, reader] of [
    ['phone', phone],
    ['1920', wide],
  ] as const) {
    await reader.expectPointerOn(card.id);
    const rect = await reader.cardRect(card.id);
    const [tip] = await reader.cursorPoints();
    if (!rect || !tip) throw new Error('no pointer');
    expect((tip.x - rect.x) / rect.width, `${name}: across the card`).toBeCloseTo(0.25, 1);
    expect((tip.y - rect.y) / rect.height, `${name}: down the card`).toBeCloseTo(0.75, 1);
    const path = testInfo.outputPath(`pointer-${name}.png`);
    await reader.page.screenshot({ path });
    await testInfo.attach(`pointer-${name}`, { path, contentType: 'image/png' });
  }
});
