import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { PlanPage } from './PlanPage.js';

/** The child's tools in the browser (issue 14): a child of the case, and the parts of an open tool. */

/** Adds a child of the case in the plan's "people" form; their heading shows once it is saved. */
export async function addChild(page: Page, name: string, age: string): Promise<void> {
  const plan = new PlanPage(page);
  await plan.open();
  const form = page.getByRole('form', { name: 'Add a child or someone without a device' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Age (years)').fill(age);
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('heading', { name: `${name}, child, ${age}`, level: 4 })).toBeVisible();
}

/** The open tool: a modal dialog above the board. */
export const toolScreen = (page: Page): Locator => page.getByRole('dialog');
/** One part of the open tool ("House of worries"): its words, drawing and buttons. */
export const areaOf = (page: Page, area: string): Locator =>
  toolScreen(page).getByRole('region', { name: area, exact: true });
export const wordsIn = (page: Page, area: string): Locator => areaOf(page, area).getByRole('textbox');
export const surfaceOf = (page: Page, area: string): Locator =>
  toolScreen(page).getByRole('img', { name: new RegExp(`^Drawing in ${area}:`) });

/** A screenshot of what the page shows now, attached to the test's report. */
export async function shotOf(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
