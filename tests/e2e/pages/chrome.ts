import type { Locator, Page } from '@playwright/test';

/** The top bar's menu button (a phone has a second one in its bottom bar). */
function menuToggle(page: Page): Locator {
  return page.locator('.board-header').getByRole('button', { name: 'Menu', exact: true });
}

/** Opens the top bar's menu unless it is open. */
export async function openMenu(page: Page): Promise<void> {
  const toggle = menuToggle(page);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** A button in the top bar's menu (the menu is opened first). */
export async function menuButton(page: Page, name: string): Promise<Locator> {
  await openMenu(page);
  return page.locator('#board-menu').getByRole('button', { name, exact: true });
}

/** Opens one of the board's views ("Map", "Scaling", …): in the top bar, or in the menu on a phone. */
export async function openView(page: Page, name: string): Promise<void> {
  const tabs = page.getByRole('navigation', { name: 'Choose what to show' });
  if (!(await tabs.isVisible())) await openMenu(page);
  await tabs.getByRole('button', { name, exact: true }).click();
}
