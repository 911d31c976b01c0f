import type { Page, TestInfo } from '@playwright/test';
import { seriousViolations } from './axe.js';
import { expect, type Participant, test } from './fixtures.js';
import { addChild, areaOf, shotOf, surfaceOf, toolScreen, wordsIn } from './pages/childTool.js';
import { openView } from './pages/chrome.js';
import { ScalesPage } from './pages/ScalesPage.js';
import { NOTHING, storedCopiesOf } from './storage.js';

// Issue 14: the child's own tools, done with a practitioner on a tablet, and shown only to those the
// child chooses (SPEC [CT1]–[CT6], [AC50]). Two devices live: the worker's tablet, the parent's laptop.

const WORRY = 'When Dad shouts I hide under my bed with Biscuit';
const DREAM = 'A dog of my own';

const shot = (person: Participant, testInfo: TestInfo, name: string) => shotOf(person.page, testInfo, name);

/** A finger drawn across the surface (real touch events through Chrome's input pipeline). */
async function drawWithFinger(
  page: Page,
  surface: import('@playwright/test').Locator,
  from: [number, number],
  to: [number, number],
) {
  await surface.scrollIntoViewIfNeeded();
  const box = await surface.boundingBox();
  if (box === null) throw new Error('no drawing surface');
  const cdp = await page.context().newCDPSession(page);
  const point = (fx: number, fy: number) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point(...from)] });
  for (let step = 1; step <= 8; step++) {
    const f = step / 8;
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [point(from[0] + (to[0] - from[0]) * f, from[1] + (to[1] - from[1]) * f)],
    });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Records what the page asks the browser to read aloud, without sound. */
async function listenToReadAloud(page: Page) {
  await page.evaluate(() => {
    const spoken: string[] = [];
    (window as unknown as { __spoken: string[] }).__spoken = spoken;
    window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      spoken.push(utterance.text);
    };
  });
}

test('[CT3] [AC50] a tablet session: the worker draws and writes with the child; the parent sees it live only once the child chooses', async ({
  openParticipant,
}, testInfo) => {
  test.setTimeout(300_000);
  const worker = await openParticipant('facilitator', {
    viewport: { width: 1024, height: 768 },
    touch: true,
  });
  await worker.landing.goto();
  await worker.landing.createBoard('Case 1414');
  const parentLink = await worker.board.shareLink('family');
  await addChild(worker.page, 'Jo', '9');
  const parent = await openParticipant('family');
  await parent.board.open(parentLink);
  await parent.board.join('Alex');

  await openView(worker.page, 'Child’s voice');
  expect(await seriousViolations(worker.page, testInfo, 'child-voice-list')).toEqual([]);
  // Starting a tool opens it.
  await worker.page.getByRole('button', { name: 'Three Houses', exact: true }).click();
  await expect(toolScreen(worker.page)).toBeVisible();
  await wordsIn(worker.page, 'House of worries').fill(WORRY);
  await wordsIn(worker.page, 'House of dreams').fill(DREAM);
  await drawWithFinger(worker.page, surfaceOf(worker.page, 'House of worries'), [0.2, 0.2], [0.8, 0.7]);
  await expect(surfaceOf(worker.page, 'House of worries')).toHaveAccessibleName(/1 drawing/);

  // Not chosen: the parent's list is empty and nothing of the house is on their device.
  await openView(parent.page, 'Child’s voice');
  await expect(parent.page.getByText('Nothing has been shared with you yet.')).toBeVisible();
  expect(await storedCopiesOf(parent.page, WORRY)).toEqual(NOTHING);

  // The child chooses "Everyone at the meeting".
  await toolScreen(worker.page).getByRole('button', { name: 'Who can see it' }).click();
  await toolScreen(worker.page).getByRole('radio', { name: 'Everyone at the meeting' }).check();
  await toolScreen(worker.page).getByRole('button', { name: 'Save who can see it' }).click();
  await expect(toolScreen(worker.page).getByText(/Saved\./)).toBeVisible();
  await toolScreen(worker.page).getByRole('button', { name: 'Close' }).click();

  // The parent's open list shows the house without a reload.
  await expect(parent.page.getByRole('button', { name: 'Open Three Houses' })).toBeVisible({
    timeout: 15_000,
  });
  await parent.page.getByRole('button', { name: 'Open Three Houses' }).click();
  await expect(wordsIn(parent.page, 'House of worries')).toHaveValue(WORRY);
  await expect(surfaceOf(parent.page, 'House of worries')).toHaveAccessibleName(/1 drawing/);
  await expect(parent.page.getByText('You can look and listen, but not change anything.')).toBeVisible();

  // Shown to everyone at the meeting, the child's words may go on the map, quoting the child.
  await areaOf(worker.page, 'House of worries')
    .getByRole('button', { name: 'Put Jo’s words on the map' })
    .click();
  await expect(areaOf(worker.page, 'House of worries').getByText('Jo’s words are on the map.')).toBeVisible();
  await expect
    .poll(async () =>
      Object.values((await parent.board.state())?.cards ?? {}).map((card) => [
        card.text,
        card.category,
        (card as { quote?: { area: string | null } | null }).quote?.area ?? null,
      ]),
    )
    .toContainEqual([WORRY, 'harm', 'worries']);

  // The worker draws in each house; the parent's laptop shows every stroke as it lands.
  for (const area of ['House of good things', 'House of dreams']) {
    await drawWithFinger(worker.page, surfaceOf(worker.page, area), [0.1, 0.6], [0.9, 0.2]);
    await expect(surfaceOf(parent.page, area)).toHaveAccessibleName(/1 drawing/);
  }
  await drawWithFinger(worker.page, surfaceOf(worker.page, 'House of worries'), [0.1, 0.4], [0.9, 0.4]);
  await expect(surfaceOf(parent.page, 'House of worries')).toHaveAccessibleName(/2 drawings/);

  // A picture, tapped in with a finger.
  await toolScreen(worker.page).getByRole('button', { name: 'Pictures' }).click();
  await toolScreen(worker.page).getByRole('button', { name: 'Picture: dog' }).click();
  await surfaceOf(worker.page, 'House of dreams').tap({ position: { x: 60, y: 40 } });
  await expect(surfaceOf(parent.page, 'House of dreams')).toHaveAccessibleName(/1 picture: dog/);

  // Read aloud says the house and the child's words.
  await listenToReadAloud(parent.page);
  await toolScreen(parent.page).getByRole('button', { name: 'Read aloud: House of worries' }).click();
  await expect
    .poll(() => parent.page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken))
    .toEqual([expect.stringContaining(WORRY)]);
  expect(
    (await parent.page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken))[0],
  ).toContain('House of worries');

  expect(await seriousViolations(worker.page, testInfo, 'three-houses-tablet')).toEqual([]);
  expect(await seriousViolations(parent.page, testInfo, 'three-houses-parent')).toEqual([]);
  await shot(worker, testInfo, 'three-houses-tablet');
  await shot(parent, testInfo, 'three-houses-laptop');
  // Even shown, the house is never stored on a device: not the parent's, not the worker's (the
  // dream is only in the house; the worry is on the map now, which is stored like the board).
  expect(await storedCopiesOf(parent.page, DREAM)).toEqual(NOTHING);
  expect(await storedCopiesOf(worker.page, DREAM)).toEqual(NOTHING);

  // The child changes their mind: the parent's open house closes at once, calmly.
  await toolScreen(worker.page).getByRole('button', { name: 'Who can see it' }).click();
  await toolScreen(worker.page).getByRole('radio', { name: 'Only my worker' }).check();
  await toolScreen(worker.page).getByRole('button', { name: 'Save who can see it' }).click();
  await expect(toolScreen(parent.page).getByText('Jo has chosen not to share this.')).toBeVisible();
  await expect(toolScreen(parent.page).getByRole('textbox')).toHaveCount(0);
  // The list asked again (the house is no longer in it), and the calm message stays until they go back.
  await parent.page.waitForResponse(
    (response) => response.url().endsWith('/child-tools') && response.request().method() === 'GET',
  );
  await expect(toolScreen(parent.page).getByText('Jo has chosen not to share this.')).toBeVisible();
  expect(await storedCopiesOf(parent.page, DREAM)).toEqual(NOTHING);
});

test('[CT5] [CT6] Words and Pictures: drafted by the worker, agreed by two parents on their own devices, left with the child', async ({
  openParticipant,
}, testInfo) => {
  test.setTimeout(300_000);
  const worker = await openParticipant('facilitator');
  await worker.landing.goto();
  await worker.landing.createBoard('Case 1415');
  const mumLink = await worker.board.shareLink('family', 'Mum');
  const dadLink = await worker.board.shareLink('family', 'Dad');
  await addChild(worker.page, 'Jo', '9');
  const mum = await openParticipant('family');
  await mum.board.open(mumLink);
  await mum.board.join('Mariam');
  const dad = await openParticipant('family');
  await dad.board.open(dadLink);
  await dad.board.join('Dan');

  await openView(worker.page, 'Child’s voice');
  await worker.page.getByRole('button', { name: 'Words and Pictures', exact: true }).click();
  const screen = toolScreen(worker.page);
  await wordsIn(worker.page, 'Who is worried').fill(
    'Your teacher and Sam are worried when there is shouting at home.',
  );
  await wordsIn(worker.page, 'What happens now').fill('Mum and Dad are going to a group on Tuesdays.');
  await expect(screen.getByText('A draft. Only Jo’s worker can see it.')).toBeVisible();
  await screen.getByRole('checkbox', { name: 'Mariam' }).check();
  await screen.getByRole('checkbox', { name: 'Dan' }).check();
  await screen.getByRole('button', { name: 'Share with the parents to agree' }).click();
  await expect(screen.getByText('Shared with the parents to agree.')).toBeVisible();

  for (const parent of [mum, dad]) {
    await openView(parent.page, 'Child’s voice');
    await parent.page.getByRole('button', { name: 'Open Words and Pictures' }).click();
    await expect(wordsIn(parent.page, 'What happens now')).toHaveValue(
      'Mum and Dad are going to a group on Tuesdays.',
    );
    await toolScreen(parent.page).getByRole('button', { name: 'I agree to this as it is' }).click();
    await expect(toolScreen(parent.page).getByText('You agreed to it as it is now.')).toBeVisible();
  }
  expect(await seriousViolations(mum.page, testInfo, 'words-pictures-parent')).toEqual([]);
  await shot(mum, testInfo, 'words-pictures-parent');

  // The worker's screen learns of both agreements by itself.
  await expect(screen.getByText('Mariam: agreed')).toBeVisible({ timeout: 20_000 });
  await expect(screen.getByText('Dan: agreed')).toBeVisible();
  await screen.getByRole('button', { name: 'Shared with Jo' }).click();
  await expect(screen.getByText('Shared with Jo.')).toBeVisible();
  await screen.getByRole('button', { name: 'Left with Jo' }).click();
  await expect(screen.getByText('Shared with Jo and left with them.')).toBeVisible();
  expect(await seriousViolations(worker.page, testInfo, 'words-pictures-worker')).toEqual([]);
  await shot(worker, testInfo, 'words-pictures-worker');

  // The PDF to leave with the child.
  const download = worker.page.waitForEvent('download');
  await screen.getByRole('button', { name: 'Print (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/words-pictures.*\.pdf$/);
});

test('the tool screen fits a phone, a laptop and a wall', async ({ openParticipant }, testInfo) => {
  test.setTimeout(240_000);
  const worker = await openParticipant('facilitator');
  await worker.landing.goto();
  await worker.landing.createBoard('Case 1416');
  await addChild(worker.page, 'Jo', '9');
  await openView(worker.page, 'Child’s voice');
  await worker.page.getByRole('button', { name: 'The Safety House', exact: true }).click();
  const screen = toolScreen(worker.page);
  await wordsIn(worker.page, 'Inside my Safety House').fill('Nana and Miss Evans');
  // The child's own number on the path, put on the board's scale as the child's, written down by the worker.
  const path = areaOf(worker.page, 'The path to my Safety House');
  await path.getByRole('radio', { name: '6', exact: true }).check();
  await expect(path.getByText('Jo chose 6.')).toBeVisible();
  await path.getByRole('button', { name: 'Put Jo’s score on the board' }).click();
  await expect(path.getByText('Jo’s score of 6 is on the board.')).toBeVisible();
  for (const [name, viewport] of [
    ['wall', { width: 1920, height: 1080 }],
    ['laptop', { width: 1400, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    await worker.page.setViewportSize(viewport);
    // Nothing of the tool wider than the screen; words at least 14 px; the drawing surface keeps its
    // 4:3 shape; every drawing tool in sight.
    const overflow = await screen.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, `${name}: no sideways scrolling`).toBeLessThanOrEqual(0);
    for (const button of await screen
      .getByRole('region', { name: 'Drawing tools' })
      .getByRole('button')
      .all()) {
      const box = await button.boundingBox();
      expect(
        box && box.x >= 0 && box.x + box.width <= viewport.width,
        `${name}: a drawing tool in sight`,
      ).toBe(true);
      expect(box && box.height >= 44, `${name}: a drawing tool 44 px high`).toBe(true);
    }
    const surface = screen.getByRole('img', { name: /^Drawing in / }).first();
    await expect(surface).toBeVisible();
    const box = await surface.boundingBox();
    expect(box && Math.abs(box.width / box.height - 4 / 3)).toBeLessThan(0.05);
    const smallest = await screen.evaluate((el) =>
      Math.min(
        ...Array.from(el.querySelectorAll('p, label, button, textarea, h2, h3, li'))
          .filter(
            (node) => (node as HTMLElement).offsetParent !== null && (node.textContent ?? '').trim() !== '',
          )
          .map((node) => Number.parseFloat(getComputedStyle(node).fontSize)),
      ),
    );
    expect(smallest, `${name}: text at least 14 px`).toBeGreaterThanOrEqual(14);
    await shot(worker, testInfo, `safety-house-${name}`);
  }
  expect(await seriousViolations(worker.page, testInfo, 'safety-house-phone')).toEqual([]);
  // On the board's scale, the child's number is there as Jo's, written down by the worker.
  await worker.page.setViewportSize({ width: 1400, height: 900 });
  await toolScreen(worker.page).getByRole('button', { name: 'Back to the children' }).click();
  const scales = new ScalesPage(worker.page);
  await scales.open();
  await expect(scales.scale('Overall')).toContainText('Jo: 6 (written down by Sam Chair)');
  // With the new view, every view's tab still shows whole in a laptop's top bar.
  const nav = worker.page.getByRole('navigation', { name: 'Choose what to show' });
  const row = await nav.boundingBox();
  for (const tab of await nav.getByRole('button').all()) {
    const box = await tab.boundingBox();
    expect(row && box && box.x >= row.x && box.x + box.width <= row.x + row.width + 1).toBe(true);
  }
});
