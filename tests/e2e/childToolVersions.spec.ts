import { seriousViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { addChild, areaOf, shotOf, surfaceOf, toolScreen, wordsIn } from './pages/childTool.js';
import { openView } from './pages/chrome.js';
import { MeetingsPage } from './pages/MeetingsPage.js';
import { SCREEN_SIZES } from './sizes.js';

// Issue 14, SPEC [CT7]: a saved version keeps the child's tools; staff the child chose look at a
// tool as the version kept it, see that it changed since, and bring it back for everyone.

const THEN = 'When Dad shouts I hide under my bed with Biscuit';
const NOW = 'Nothing worries me';

test('[CT7] a version keeps the child’s Three Houses: read as it was, changed since, brought back live', async ({
  openParticipant,
}, testInfo) => {
  test.setTimeout(300_000);
  const worker = await openParticipant('facilitator');
  const { page } = worker;
  await worker.landing.goto();
  await worker.landing.createBoard('Case 1417');
  await addChild(page, 'Jo', '9');
  await openView(page, 'Child’s voice');
  await page.getByRole('button', { name: 'Three Houses', exact: true }).click();
  await wordsIn(page, 'House of worries').fill(THEN);
  // A stroke drawn with the mouse across the house of worries.
  const surface = surfaceOf(page, 'House of worries');
  const box = await surface.boundingBox();
  if (box === null) throw new Error('no drawing surface');
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.7, { steps: 8 });
  await page.mouse.up();
  await expect(surface).toHaveAccessibleName(/1 drawing/);
  await toolScreen(page).getByRole('button', { name: 'Back to the children' }).click();

  // A version saved now keeps the house as it is.
  const meetings = new MeetingsPage(page);
  await meetings.openMeetings();
  await page.getByLabel('Name for this version').fill('Before the review');
  await page.getByRole('button', { name: 'Save a version', exact: true }).click();
  await expect(page.getByText('Saved as version 1.')).toBeVisible();

  // Later the words change.
  await openView(page, 'Child’s voice');
  await page.getByRole('button', { name: 'Open Three Houses' }).click();
  await wordsIn(page, 'House of worries').fill(NOW);
  await toolScreen(page).getByRole('button', { name: 'Back to the children' }).click();

  // Version 1, read as the child's tools: it has changed since.
  await meetings.openMeetings();
  await page.getByRole('button', { name: 'Open version 1' }).click();
  const toggle = page.getByRole('group', { name: 'Show the version as' }).getByRole('button', {
    name: 'Child’s tools',
  });
  await toggle.click();
  await expect(page.getByRole('heading', { name: 'The child’s tools as version 1 kept them' })).toBeVisible();
  await expect(page.getByText('It has changed since version 1.')).toBeVisible();
  await page.getByRole('button', { name: 'Look at Three Houses' }).click();
  const screen = toolScreen(page);
  await expect(
    screen.getByRole('heading', { name: 'Three Houses of Jo, as version 1 kept it' }),
  ).toBeVisible();
  await expect(wordsIn(page, 'House of worries')).toHaveValue(THEN);
  await expect(wordsIn(page, 'House of worries')).toHaveAttribute('readonly', '');
  await expect(surfaceOf(page, 'House of worries')).toHaveAccessibleName(/1 drawing/);
  await expect(screen.getByText('Changed since version 1: House of worries.')).toBeVisible();
  expect(await seriousViolations(page, testInfo, 'kept-tool')).toEqual([]);

  // What people see, on a phone, a laptop and the wall: nothing wider than the screen, words ≥ 14 px.
  for (const [name, viewport] of SCREEN_SIZES) {
    await page.setViewportSize(viewport);
    const overflow = await screen.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, `${name}: no sideways scrolling`).toBeLessThanOrEqual(0);
    const restore = screen.getByRole('button', { name: 'Bring it back as it was' });
    const at = await restore.boundingBox();
    expect(at && at.x >= 0 && at.x + at.width <= viewport.width, `${name}: the button in sight`).toBe(true);
    const smallest = await screen.evaluate((el) =>
      Math.min(
        ...Array.from(el.querySelectorAll('p, button, textarea, h2, h3'))
          .filter(
            (node) => (node as HTMLElement).offsetParent !== null && (node.textContent ?? '').trim() !== '',
          )
          .map((node) => Number.parseFloat(getComputedStyle(node).fontSize)),
      ),
    );
    expect(smallest, `${name}: text at least 14 px`).toBeGreaterThanOrEqual(14);
    await shotOf(page, testInfo, `kept-tool-${name}`);
  }

  // Brought back, after a question: the live house is the version's again.
  await screen.getByRole('button', { name: 'Bring it back as it was' }).click();
  await screen.getByRole('button', { name: 'Yes, bring it back' }).click();
  await expect(screen.getByText('Three Houses of Jo is back as version 1 kept it.')).toBeVisible();
  await expect(screen.getByText('It is the same now as in version 1.')).toBeVisible();
  await expect(screen.getByRole('button', { name: 'Bring it back as it was' })).toHaveCount(0);
  await screen.getByRole('button', { name: 'Back to version 1' }).click();
  await expect(page.getByText('It is the same now as in version 1.')).toBeVisible();
  await shotOf(page, testInfo, 'kept-tools-list');

  await page.getByRole('button', { name: 'Back to the live board' }).click();
  await openView(page, 'Child’s voice');
  await page.getByRole('button', { name: 'Open Three Houses' }).click();
  await expect(wordsIn(page, 'House of worries')).toHaveValue(THEN);
  await expect(areaOf(page, 'House of worries')).toBeVisible();
});
