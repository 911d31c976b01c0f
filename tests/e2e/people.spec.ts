import { seriousViolations } from './axe.js';
import { expect, type Participant, test } from './fixtures.js';
import { PlanPage } from './pages/PlanPage.js';
import { ScalesPage } from './pages/ScalesPage.js';

// Issue 14: the children of the case on the board, and scores written down by staff for someone
// in the room without a device ("written down by …", SPEC [AC46], [AC47], [PR9]).

const JO_REASON = 'I get scared when Dad shouts at night';
const GRANDAD_REASON = 'I am there every weekend now';

async function addPerson(plan: PlanPage, name: string, age: string, kind: 'child' | 'adult') {
  const form = plan.page.getByRole('form', { name: 'Add a child or someone without a device' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Age (years)').fill(age);
  await form
    .getByLabel('Who they are')
    .selectOption(kind === 'child' ? 'A child of the family' : 'Someone without a device');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
}

async function shot(person: Participant, testInfo: import('@playwright/test').TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await person.page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('[AC46] [AC47] staff add the children and write down a child’s score; the family sees it live', async ({
  openParticipant,
}, testInfo) => {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 1414');
  const familyLink = await facilitator.board.shareLink('family');
  const family = await openParticipant('family');
  await family.board.open(familyLink);
  await family.board.join('Alex');

  const plan = new PlanPage(facilitator.page);
  await plan.open();
  await addPerson(plan, 'Jo', '9', 'child');
  await addPerson(plan, 'Grandad', '', 'adult');
  await expect(plan.page.getByRole('heading', { name: 'Jo, child, 9', level: 4 })).toBeVisible();
  await expect(
    plan.page.getByRole('heading', { name: 'Grandad, scored without a device', level: 4 }),
  ).toBeVisible();
  expect(await seriousViolations(facilitator.page, testInfo, 'plan-people')).toEqual([]);
  await shot(facilitator, testInfo, 'plan-people-laptop');

  // The family reads the list; only staff keep it.
  const familyPlan = new PlanPage(family.page);
  await familyPlan.open();
  const familyList = family.page.getByRole('list', { name: 'The children' });
  await expect(familyList).toContainText('Jo, child, 9');
  await expect(familyList).toContainText('Grandad, scored without a device');
  await expect(
    family.page.getByRole('form', { name: 'Add a child or someone without a device' }),
  ).toHaveCount(0);

  // Revealed: the facilitator writes down Jo's score; the family's scaling view shows it at once.
  const chairScales = new ScalesPage(facilitator.page);
  const familyScales = new ScalesPage(family.page);
  await chairScales.open();
  await familyScales.open();
  await expect(familyScales.scale('Overall').getByRole('form')).toHaveCount(0);
  const record = chairScales
    .scale('Overall')
    .getByRole('form', { name: 'A score for someone without a device' });
  await record.getByLabel('Whose score').selectOption('Jo');
  await record.getByLabel('Jo’s score').selectOption('3');
  await record.getByLabel('Why, in Jo’s words').fill(JO_REASON);
  await record.getByRole('button', { name: 'Save Jo’s score' }).click();
  await expect(record.getByRole('status')).toHaveText('Jo’s score is saved.');
  // The facilitator's staff account (fixtures.ts).
  const chairName = 'Sam Chair';
  await expect(familyScales.scale('Overall')).toContainText(`Jo: 3 (written down by ${chairName})`);
  await expect(familyScales.scale('Overall')).toContainText(JO_REASON);
  expect(await seriousViolations(facilitator.page, testInfo, 'scaling-record')).toEqual([]);
  await shot(facilitator, testInfo, 'scaling-record-laptop');

  // Private: Grandad's score goes to the server only until the reveal.
  await chairScales.scale('Overall').getByRole('button', { name: 'Collect privately' }).click();
  await expect(familyScales.scale('Overall')).toContainText('Collecting scores privately');
  await record.getByLabel('Whose score').selectOption('Grandad');
  await record.getByLabel('Grandad’s score').selectOption('8');
  await record.getByLabel('Why, in Grandad’s words').fill(GRANDAD_REASON);
  await record.getByRole('button', { name: 'Save Grandad’s score' }).click();
  await expect(record.getByRole('status')).toContainText('Grandad’s score is saved privately.');
  await expect(familyScales.scale('Overall')).toContainText('1 of 3 has scored');
  expect((await family.page.locator('body').textContent()) ?? '').not.toContain(GRANDAD_REASON);
  expect(JSON.stringify(await family.board.state())).not.toContain(GRANDAD_REASON);

  await chairScales.scale('Overall').getByRole('button', { name: 'Reveal all' }).click();
  await expect(familyScales.scale('Overall')).toContainText(`Grandad: 8 (written down by ${chairName})`);
  await expect(familyScales.scale('Overall')).toContainText(GRANDAD_REASON);

  // [AC48] Jo joins on the family's device: staff link the two, and Jo makes the score theirs.
  await record.getByLabel('Whose score').selectOption('Jo');
  await record.getByLabel('Jo’s score').selectOption('5');
  await record.getByLabel('Why, in Jo’s words').fill(JO_REASON);
  await record.getByRole('button', { name: 'Save Jo’s score' }).click();
  await expect(familyScales.scale('Overall')).toContainText(`Jo: 5 (written down by ${chairName})`);
  await plan.open();
  await plan.page.getByLabel('Has Jo joined on a device of their own?').selectOption({ label: 'Alex' });
  await familyScales.open();
  await familyScales.scale('Overall').getByRole('button', { name: 'This is my score: make it mine' }).click();
  await chairScales.open();
  await expect(chairScales.scale('Overall')).toContainText('Alex (Family): 5');
  await expect(chairScales.scale('Overall')).not.toContainText('Jo: 5');
});

for (const [name, viewport, touch] of [
  ['phone', { width: 390, height: 844 }, true],
  ['wall', { width: 1920, height: 1080 }, false],
] as const) {
  test(`the children and the written-down score read and fit on a ${name}`, async ({
    openParticipant,
  }, testInfo) => {
    const facilitator = await openParticipant('facilitator', { viewport, touch });
    await facilitator.landing.goto();
    await facilitator.landing.createBoard('Case 1415');
    const plan = new PlanPage(facilitator.page);
    await plan.open();
    await addPerson(plan, 'Jo', '9', 'child');
    const item = plan.page.getByRole('heading', { name: 'Jo, child, 9', level: 4 });
    await expect(item).toBeVisible();
    // Nothing of the section is wider than the screen, and its text is at least 14 px.
    const section = plan.page.getByRole('region', { name: 'The children' });
    const box = await section.boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(viewport.width);
    const size = await item.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(14);
    for (const field of await section.locator('input, select, button').all()) {
      const fieldBox = await field.boundingBox();
      if (fieldBox === null) continue;
      expect(fieldBox.x + fieldBox.width).toBeLessThanOrEqual(viewport.width);
      if (touch) expect(fieldBox.height).toBeGreaterThanOrEqual(44);
    }
    await shot(facilitator, testInfo, `plan-people-${name}`);
    const scales = new ScalesPage(facilitator.page);
    await scales.open();
    await expect(
      scales.scale('Overall').getByRole('form', { name: 'A score for someone without a device' }),
    ).toBeVisible();
    await shot(facilitator, testInfo, `scaling-record-${name}`);
  });
}
