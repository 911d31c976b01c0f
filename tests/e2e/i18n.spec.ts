import { expect, test } from './fixtures.js';

test('the page is in English and left to right unless another language is asked for', async ({
  openParticipant,
}) => {
  const visitor = await openParticipant('visitor');
  await visitor.page.goto('/');
  await expect(visitor.page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(
    visitor.page.getByText('Family members and network members: open the personal link you were sent.'),
  ).toBeVisible();
  await expect(visitor.page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(visitor.page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('?lang=en-XA shows every word in pseudo-English, so words left out of the catalogue stand out', async ({
  openParticipant,
}) => {
  const tester = await openParticipant('tester');
  await tester.page.goto('/?lang=en-XA');
  await expect(tester.page.locator('html')).toHaveAttribute('lang', 'en-XA');
  await expect(tester.page.getByRole('button', { name: '[Šîĝñ îñ]' })).toBeVisible();
  await expect(tester.page.getByLabel('[Éɱàîļ]')).toBeVisible();
});

test('a language the board does not have yet falls back to English', async ({ openParticipant }) => {
  const visitor = await openParticipant('visitor');
  await visitor.page.goto('/?lang=ar');
  await expect(visitor.page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(
    visitor.page.getByText('Family members and network members: open the personal link you were sent.'),
  ).toBeVisible();
  await expect(visitor.page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(visitor.page.locator('html')).toHaveAttribute('dir', 'ltr');
});
