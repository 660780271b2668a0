/** The library on the start page: saved articles listed, searched, and deleted after a question. */
import { expect, test } from './helpers';

const article = (title: string, body: string) =>
  `${title}\n\n${body}\n\n${body} Again, with more words.`;

test('saved articles are listed, found by search, and deleted only after confirming', async ({
  page,
}) => {
  for (const [title, body] of [
    [
      'Ferries Run Late in Winter',
      'The harbour office said the ferries would run late all winter.',
    ],
    ['A Museum Opens Its Roof', 'The museum opened its roof garden to visitors on Sunday.'],
  ] as const) {
    await page.goto(`/?${new URLSearchParams({ text: article(title, body) }).toString()}`);
    await expect(page.locator('h1')).toHaveText(title);
  }
  // One of them translated: the list says how far, per language.
  await page.goto(
    `/?${new URLSearchParams({ text: article('A Museum Opens Its Roof', 'The museum opened its roof garden to visitors on Sunday.'), to: 'es' }).toString()}`,
  );
  await expect(page.locator('.status-line')).toHaveAttribute('data-translated', '2');
  await page.waitForTimeout(1500);
  await page.goto('/');
  const items = page.locator('[data-library-item]');
  await expect(items).toHaveCount(2);
  await expect(page.locator('[data-library-progress="es"]')).toHaveText('영어 → 스페인어 2/2 번역');
  await expect(page.locator('[data-storage-estimate]')).toBeVisible();

  await page.getByRole('searchbox', { name: '저장한 글 검색' }).fill('roof garden');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('A Museum Opens Its Roof');
  await page.getByRole('searchbox', { name: '저장한 글 검색' }).fill('');

  await page.getByRole('button', { name: '삭제: Ferries Run Late in Winter' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('삭제한 글은 다시 복구할 수 없습니다');
  await dialog.getByRole('button', { name: '취소' }).click();
  await expect(items).toHaveCount(2);

  await page.getByRole('button', { name: '삭제: Ferries Run Late in Winter' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '삭제' }).click();
  await expect(items).toHaveCount(1);
  await page.reload();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('A Museum Opens Its Roof');
});

test('the library in another tab follows articles opened and deleted here', async ({ context }) => {
  const library = await context.newPage();
  await library.goto('/');
  const items = library.locator('[data-library-item]');
  await expect(items).toHaveCount(0);
  const reader = await context.newPage();
  await reader.goto(
    `/?${new URLSearchParams({ text: article('Bridges Closed for Repairs', 'Two bridges close for repairs this month, the city said.') }).toString()}`,
  );
  await expect(reader.locator('h1')).toHaveText('Bridges Closed for Repairs');
  await expect(items).toHaveCount(1);
  await reader.goto('/');
  await reader.getByRole('button', { name: '삭제: Bridges Closed for Repairs' }).click();
  await reader.getByRole('dialog').getByRole('button', { name: '삭제' }).click();
  await expect(items).toHaveCount(0);
});

for (const count of [40, 400]) {
  test(`reopening an article returns to where the reader was (${count} paragraphs)`, async ({
    page,
  }) => {
    const text = [
      'A Long Report on the Harbour',
      ...Array.from(
        { length: count },
        (_, i) => `Paragraph ${i + 1}: the harbour office published its figures for the year.`,
      ),
    ].join('\n\n');
    await page.goto(`/?${new URLSearchParams({ text }).toString()}`);
    await expect(page.locator('h1')).toHaveText('A Long Report on the Harbour');
    // Most of the way down, then the paragraph at the top of the screen is the one to come back to.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.7));
    await page.waitForTimeout(300);
    const mark = await page.locator('.segments [data-segment]').evaluateAll((rows) => {
      const top = rows.find((row) => row.getBoundingClientRect().top > 150);
      return Number(top?.getAttribute('data-segment'));
    });
    expect(mark).toBeGreaterThan(count / 2);
    await page
      .locator(`[data-segment="${mark}"]`)
      .evaluate((row) => row.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(800);

    // Reopened from the library: a new navigation, which the browser's own scroll restoring skips.
    await page.goto('/');
    await page.getByRole('link', { name: 'A Long Report on the Harbour' }).click();
    await expect(page.locator('h1')).toHaveText('A Long Report on the Harbour');
    const row = page.locator(`[data-segment="${mark}"]`);
    await expect(row).toBeInViewport();
    await expect(page.locator('[data-segment="0"]')).not.toBeInViewport();
  });
}
