import { expect, test } from './helpers';
// A browser asking for English still gets the Korean UI by default: it is the product's default.
test.use({ locale: 'en-US' });

test('a fresh browser shows the Korean UI; English is one click away and survives a reload', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('읽을 글을 여세요');
  await expect(page.getByRole('button', { name: '설정' })).toBeVisible();

  const koreanText = await page.locator('body').innerText();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open something to read');

  // Every visible UI string changed: no Hangul is left except the Korean switcher label itself.
  const englishText = await page.locator('body').innerText();
  const hangulLines = englishText.split('\n').filter((line) => /\p{Script=Hangul}/u.test(line));
  expect(hangulLines).toEqual(['한국어']);
  expect(koreanText).not.toEqual(englishText);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open something to read');

  // And back, through the settings form's control.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.locator('select[name="uiLanguage"]').selectOption('ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('heading', { name: '설정' })).toBeVisible();
});
