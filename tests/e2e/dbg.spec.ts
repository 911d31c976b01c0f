import { test } from './fixtures.js';
import { startBoard } from './mapBoard.js';

test('dbg', async ({ openParticipant }) => {
  const { map } = await startBoard(openParticipant, 'Case 7199');
  const page = map.page;
  page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
  const count = () => page.evaluate(() => document.querySelectorAll('.selection-toolbar').length);
  await map.addCard('Harm', 'one');
  console.log('after 1', await count());
  await page.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'Existing safety' });
  console.log('after select', await count());
  await page.getByRole('button', { name: 'Add card' }).click();
  console.log('after add', await count(), await page.evaluate(() => [...document.querySelectorAll('.selection-toolbar')].map((e) => `${e.parentElement?.className} ${(e as HTMLElement).style.cssText} ${Object.keys(e).join(',')}`)));
  await map.editor.pressSequentially('two');
  await map.editor.press('Escape');
  await page.waitForTimeout(300);
  console.log('after 2', await count(), await page.evaluate(() => [document.querySelectorAll('.map-view').length, document.querySelectorAll('.board-scroll').length, document.querySelectorAll('.map-bar').length]));
  console.log(await page.evaluate(() => [...document.querySelector('.map-view')!.children].map((e) => e.className || e.tagName).join(' | ')));
});
