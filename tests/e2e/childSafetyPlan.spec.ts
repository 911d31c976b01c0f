import { seriousViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { addChild, shotOf, toolScreen, wordsIn } from './pages/childTool.js';
import { PlanPage } from './pages/PlanPage.js';
import { SCREEN_SIZES } from './sizes.js';

// Issue 15: the safety plan for the child — how the child will know, written for them from the
// plan's rules, opened from the safety plan and printed in large type.

const KNOW = 'Nain will come every evening to read your story';

test('the safety plan for the child starts from the rules’ “how the child will know” and opens from the plan', async ({
  openParticipant,
}, testInfo) => {
  test.setTimeout(240_000);
  const worker = await openParticipant('facilitator');
  const { page } = worker;
  await worker.landing.goto();
  await worker.landing.createBoard('Case 1501');
  await addChild(page, 'Jo', '7');
  const plan = new PlanPage(page);
  const rule = await plan.addRule('Dad does not drink when he looks after Jo', []);
  await plan.field(rule, 'How the child will know').fill(KNOW);
  await expect
    .poll(async () => Object.values((await plan.state())?.rules ?? {}).map((r) => r.howChildWillKnow))
    .toEqual([KNOW]);

  const section = page.getByRole('region', { name: 'How each child will know' });
  await expect(section).toBeVisible();
  for (const [name, viewport] of SCREEN_SIZES) {
    await page.setViewportSize(viewport);
    await section.scrollIntoViewIfNeeded();
    const start = section.getByRole('button', { name: 'Write Jo’s safety plan' });
    const box = await start.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= viewport.width, `${name}: the button in sight`).toBe(
      true,
    );
    expect(box && box.height >= 44, `${name}: the button 44 px high`).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name}: no sideways scrolling`).toBeLessThanOrEqual(0);
    await shotOf(page, testInfo, `plan-for-child-${name}`);
  }
  await page.setViewportSize({ width: 1400, height: 900 });
  expect(await seriousViolations(page, testInfo, 'plan-for-child')).toEqual([]);

  // Written from the plan: the child's voice view opens with it, the rule's words already in it.
  await section.getByRole('button', { name: 'Write Jo’s safety plan' }).click();
  await expect(toolScreen(page).getByRole('heading', { name: 'My safety plan for Jo' })).toBeVisible();
  await expect(wordsIn(page, 'What will be different')).toHaveValue(KNOW);
  await wordsIn(page, 'If I am worried, I can tell').fill('Miss Evans at school, or Nain');
  await shotOf(page, testInfo, 'plan-for-child-tool');
  await toolScreen(page).getByRole('button', { name: 'Back to the children' }).click();

  // Back in the plan, it opens again and prints for the child.
  await plan.open();
  await expect(section.getByRole('button', { name: 'Open Jo’s safety plan' })).toBeVisible();
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Print (PDF)' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
});
