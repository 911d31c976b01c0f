import type { TestInfo } from '@playwright/test';
import { expect, type Participant, test } from './fixtures.js';
import { PlanPage } from './pages/PlanPage.js';

const RULE = 'Mia sleeps at Nan’s house when Dad has been drinking';

/** A facilitator creates a board through the start page and opens its safety plan. */
async function startBoard(
  openParticipant: (label: string) => Promise<Participant>,
  caseLabel: string,
): Promise<{ facilitator: Participant; plan: PlanPage }> {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard(caseLabel);
  const plan = new PlanPage(facilitator.page);
  await plan.open();
  return { facilitator, plan };
}

/** Saves what the person sees as a test artifact (kept in the output folder and the report). */
async function saveScreenshot(testInfo: TestInfo, person: Participant, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await person.page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('the facilitator and a network member build the safety plan together, live', async ({
  openParticipant,
}, testInfo) => {
  const { facilitator, plan } = await startBoard(openParticipant, 'Case 3107');
  const networkLink = await facilitator.board.shareLink('network');
  const viewerLink = await facilitator.board.shareLink('viewer');
  const familyLink = await facilitator.board.shareLink('family');

  const nan = await openParticipant('network');
  await nan.board.open(networkLink);
  await nan.board.join('Nan Rose');
  expect(await nan.board.role()).toBe('network');
  const nanPlan = new PlanPage(nan.page);
  await nanPlan.open();
  await expect(nan.page.getByText('No one has been added yet.')).toBeVisible();

  // The facilitator adds Nan to the network and a rule naming her.
  await plan.addMember({
    name: 'Nan Rose',
    relationship: 'Grandmother',
    contact: '07700 900123',
    agreedTo: 'Picks Mia up from school every day',
  });
  await plan.member('Nan Rose').getByRole('checkbox', { name: 'Has been told about the worries' }).check();
  const rule = await plan.addRule(RULE, ['Nan Rose']);
  await expect(rule.getByRole('checkbox', { name: 'Nan Rose' })).toBeChecked();

  // Nan's screen shows both as they are made.
  const seenMember = nanPlan.member('Nan Rose');
  await expect(nanPlan.field(seenMember, 'Relationship to the child')).toHaveValue('Grandmother');
  await expect(nanPlan.field(seenMember, 'How to reach them')).toHaveValue('07700 900123');
  await expect(nanPlan.field(seenMember, 'What they have agreed to do')).toHaveValue(
    'Picks Mia up from school every day',
  );
  // [AC13] Nan can edit the plan but not remove people or rules: the buttons are not offered to her.
  await expect(nan.page.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await expect(facilitator.page.getByRole('button', { name: 'Remove Nan Rose' })).toBeVisible();
  await expect(seenMember.getByRole('checkbox', { name: 'Has been told about the worries' })).toBeChecked();
  // The plan says in one line who knows the worries.
  await expect(nan.page.getByText('Told about the worries: Nan Rose (1 of 1).')).toBeVisible();
  const seenRule = nanPlan.rule(1);
  await expect(nanPlan.field(seenRule, 'What will happen')).toHaveValue(RULE);
  await expect(seenRule.getByRole('checkbox', { name: 'Nan Rose' })).toBeChecked();
  const state = await nanPlan.state();
  const [memberId] = Object.keys(state?.network ?? {});
  expect(Object.values(state?.rules ?? {}).map((r) => r.responsibleMemberIds)).toEqual([[memberId]]);

  // Both type into the same rule text at once, at either end; both edits survive everywhere.
  const mine = plan.field(rule, 'What will happen');
  const hers = nanPlan.field(seenRule, 'What will happen');
  await mine.focus();
  await mine.press('Control+End');
  await hers.focus();
  await hers.press('Control+Home');
  await Promise.all([mine.pressSequentially(', until Sunday'), hers.pressSequentially('Always: ')]);
  const together = `Always: ${RULE}, until Sunday`;
  await expect(mine).toHaveValue(together);
  await expect(hers).toHaveValue(together);
  await expect.poll(async () => Object.values((await plan.state())?.rules ?? {})[0]?.text).toBe(together);

  // Nan fills in the warning signs; the facilitator sets the bottom lines and the review date.
  await nanPlan
    .field(seenRule, 'Warning signs: what tells the network to act')
    .pressSequentially('Dad sounds drunk on the phone');
  await plan
    .field(facilitator.page.locator('body'), 'Bottom lines')
    .pressSequentially('Dad does not look after Mia alone');
  await plan.field(facilitator.page.locator('body'), 'Review date').fill('2030-03-14');
  await expect(plan.field(rule, 'Warning signs: what tells the network to act')).toHaveValue(
    'Dad sounds drunk on the phone',
  );
  await expect(nanPlan.field(nan.page.locator('body'), 'Bottom lines')).toHaveValue(
    'Dad does not look after Mia alone',
  );
  await expect(nanPlan.field(nan.page.locator('body'), 'Review date')).toHaveValue('2030-03-14');

  // A viewer (the wall screen) reads the plan but has nothing to change it with.
  const wall = await openParticipant('viewer');
  await wall.board.open(viewerLink);
  await wall.board.join('Wall screen');
  const wallPlan = new PlanPage(wall.page);
  await wallPlan.open();
  await expect(wall.page.getByText('You can read the plan but not change it.')).toBeVisible();
  await expect(wall.page.getByRole('heading', { name: 'Nan Rose', level: 4 })).toBeVisible();
  await expect(wall.page.getByText(together)).toBeVisible();
  await expect(wall.page.getByText('Dad sounds drunk on the phone')).toBeVisible();
  await expect(wall.page.getByRole('textbox')).toHaveCount(0);
  await expect(wall.page.getByRole('checkbox')).toHaveCount(0);
  await expect(wall.page.getByRole('button', { name: /^(Add a person|Add a rule|Remove)/ })).toHaveCount(0);

  // On a phone the plan is one column that fits the screen.
  const phone = await openParticipant('family on a phone', { viewport: { width: 390, height: 844 } });
  await phone.board.open(familyLink);
  await phone.board.join('Alex');
  const phonePlan = new PlanPage(phone.page);
  await phonePlan.open();
  const onPhone = phonePlan.member('Nan Rose');
  await expect(phonePlan.field(onPhone, 'Relationship to the child')).toHaveValue('Grandmother');
  const boxes = await Promise.all(
    ['Name', 'Relationship to the child', 'How to reach them'].map((label) =>
      phonePlan.field(onPhone, label).boundingBox(),
    ),
  );
  for (const box of boxes) {
    if (!box) throw new Error('a field is not drawn');
    expect(box.x).toBe(boxes[0]?.x);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await saveScreenshot(testInfo, phone, 'plan-phone');
  await phonePlan.rule(1).scrollIntoViewIfNeeded();
  await saveScreenshot(testInfo, phone, 'plan-phone-rule');
  await saveScreenshot(testInfo, facilitator, 'plan-desktop');
});

test('a person can be added, filled in and removed with the keyboard alone', async ({ openParticipant }) => {
  const { facilitator, plan } = await startBoard(openParticipant, 'Case 3108');
  const page = facilitator.page;
  await expect(page.getByRole('button', { name: 'Safety plan' })).toBeFocused();

  // From the view switcher, Tab reaches "Add a person"; Enter adds one and puts the caret in Name.
  await plan.tabTo('Add a person');
  await page.keyboard.press('Enter');
  await expect.poll(() => plan.focusedName()).toBe('Name');
  await page.keyboard.type('Uncle Joe');
  await page.keyboard.press('Tab');
  await expect.poll(() => plan.focusedName()).toBe('Relationship to the child');
  await page.keyboard.type('Uncle');

  // The rest of the person's details come next, in reading order, then the next "Add" button.
  const order: string[] = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    order.push(await plan.focusedName());
  }
  expect(order).toEqual([
    'How to reach them',
    'What they have agreed to do',
    'Has been told about the worries',
    'Remove Uncle Joe',
    'Add a person',
  ]);
  await expect
    .poll(async () => Object.values((await plan.state())?.network ?? {}))
    .toEqual([expect.objectContaining({ name: 'Uncle Joe', relationship: 'Uncle' })]);

  // Removing asks first: Escape keeps him and returns to the button; "Yes, remove" removes him.
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => plan.focusedName()).toBe('Remove Uncle Joe');
  await page.keyboard.press('Enter');
  await expect.poll(() => plan.focusedName()).toBe('Keep');
  await page.keyboard.press('Escape');
  await expect.poll(() => plan.focusedName()).toBe('Remove Uncle Joe');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => plan.focusedName()).toBe('Yes, remove');
  await page.keyboard.press('Enter');
  await expect(page.getByText('No one has been added yet.')).toBeVisible();
  expect(Object.keys((await plan.state())?.network ?? {})).toEqual([]);
});
