import { seriousViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { addChild, shotOf, toolScreen, wordsIn } from './pages/childTool.js';
import { openView } from './pages/chrome.js';
import { SCREEN_SIZES } from './sizes.js';

// [CT8] A child's new worker: the worker hands the child's tool over, the new worker opens it, and
// the last worker sees it no more (the child chose "only my worker").

const WORRY = 'When Dad shouts I hide under my bed';

test('[CT8] the worker hands the child’s Three Houses over to the new worker', async ({
  openParticipant,
}, testInfo) => {
  test.setTimeout(240_000);
  const sam = await openParticipant('facilitator');
  await sam.landing.goto();
  await sam.landing.createBoard('Case 1503');
  const patLink = await sam.board.shareLink('practitioner', 'Pat');
  await addChild(sam.page, 'Jo', '9');
  const pat = await openParticipant('practitioner');
  await pat.board.open(patLink);
  await pat.board.join('Pat Worker');

  await openView(sam.page, 'Child’s voice');
  await sam.page.getByRole('button', { name: 'Three Houses', exact: true }).click();
  await wordsIn(sam.page, 'House of worries').fill(WORRY);
  const screen = toolScreen(sam.page);
  await screen.getByRole('button', { name: 'Who can see it' }).click();
  const form = screen.getByRole('form', { name: 'Hand over to the new worker' });
  await expect(form).toBeVisible();
  for (const [name, viewport] of SCREEN_SIZES) {
    await sam.page.setViewportSize(viewport);
    await form.scrollIntoViewIfNeeded();
    const button = form.getByRole('button', { name: 'Hand over' });
    const box = await button.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= viewport.width, `${name}: in sight`).toBe(true);
    expect(box && box.height >= 44, `${name}: 44 px high`).toBe(true);
    const overflow = await screen.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, `${name}: no sideways scrolling`).toBeLessThanOrEqual(0);
    await shotOf(sam.page, testInfo, `hand-over-${name}`);
  }
  await sam.page.setViewportSize({ width: 1400, height: 900 });
  expect(await seriousViolations(sam.page, testInfo, 'hand-over')).toEqual([]);

  // Pat is not chosen yet: nothing for Pat to open.
  await openView(pat.page, 'Child’s voice');
  await expect(pat.page.getByText('Jo has chosen not to share this with you.')).toBeVisible();

  await form.getByLabel('New worker').selectOption({ label: 'Pat Worker' });
  await form.getByRole('button', { name: 'Hand over' }).click();
  // Sam's open house closes calmly: the child chose only their worker, and that is Pat now.
  await expect(screen.getByText('Jo has chosen not to share this.')).toBeVisible();
  await expect(screen.getByRole('textbox')).toHaveCount(0);

  // Pat's list shows it to open (without a reload), with the child's words.
  await pat.page.getByRole('button', { name: 'Open Three Houses' }).click({ timeout: 15_000 });
  await expect(wordsIn(pat.page, 'House of worries')).toHaveValue(WORRY);

  // Pat leaves the board: the facilitator hands the house on to the next worker (Sam, here).
  await toolScreen(sam.page).getByRole('button', { name: 'Back to the children' }).click();
  const panel = await sam.board.openInvitePanel();
  await panel.getByRole('button', { name: 'Remove access for Pat Worker' }).click();
  await panel.getByRole('button', { name: 'Yes, remove access' }).click();
  await expect(panel.getByText('Access ended')).toBeVisible();
  await sam.board.closeInvitePanel();
  await sam.page.reload();
  await sam.board.waitUntilSynced();
  await openView(sam.page, 'Child’s voice');
  await expect(
    sam.page.getByText('Jo’s worker has left this board. Hand it over to their new worker:'),
  ).toBeVisible();
  await shotOf(sam.page, testInfo, 'hand-over-worker-left');
  const left = sam.page.getByRole('form', { name: 'Hand over to the new worker' });
  await left.getByLabel('New worker').selectOption({ label: 'Sam Chair' });
  await left.getByRole('button', { name: 'Hand over' }).click();
  await sam.page.getByRole('button', { name: 'Open Three Houses' }).click({ timeout: 15_000 });
  await expect(wordsIn(sam.page, 'House of worries')).toHaveValue(WORRY);
});
