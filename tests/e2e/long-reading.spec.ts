/**
 * Reading a long (windowed) document in the middle: whatever happens above the list — the
 * progress line rewrapping or finishing — leaves the paragraphs on screen where they are, in the
 * translation and the side-by-side views, on the local Apertium engine.
 */
import type { Page } from '@playwright/test';
import { expect, expectRowsStillWhenAboveChanges, segments, test } from './helpers';

const PARAGRAPHS = 1_200;
const TITLE = 'Notes from the Ferry Office';

function longNotes(): string {
  const places = ['north pier', 'ticket hall', 'engine room', 'upper deck', 'harbour office'];
  const lines = [TITLE, ''];
  for (let index = 0; index < PARAGRAPHS; index++) {
    const place = places[index % places.length] ?? '';
    const more = index % 3 === 0 ? ' The crew wrote it down in the log before the evening.' : '';
    lines.push(
      `Entry ${index + 1}. A passenger asked about the ${place} on day ${index + 1}.${more}`,
    );
    lines.push('');
  }
  return lines.join('\n');
}

/** Every row on screen has its translation: the heights that matter have settled. */
const onScreenTranslated = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-segment]')]
      .filter((row) => {
        const rect = row.getBoundingClientRect();
        return rect.bottom > 0 && rect.top < window.innerHeight;
      })
      .every((row) => row.dataset.state === 'translated'),
  );

for (const view of ['translation', 'bilingual'] as const) {
  test(`in the ${view} view, a change above the list leaves the paragraphs on screen still`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto(`/?to=es&view=${view}`);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'ferry-notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(longNotes(), 'utf8'),
    });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await expect(segments(page).first()).toBeVisible();
    // Only a window of the document is rendered.
    expect(await segments(page).count()).toBeLessThan(200);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await expect.poll(() => onScreenTranslated(page), { timeout: 60_000 }).toBe(true);
    // The whole document translated: nothing else changes a row's height while the progress
    // line does (answers still arriving for rows at the top edge would move the rows below).
    const status = page.locator('.status-line');
    await expect
      .poll(
        async () =>
          (await status.getAttribute('data-translated')) === String(PARAGRAPHS) &&
          (await status.getAttribute('data-total')) === String(PARAGRAPHS),
        { timeout: 90_000 },
      )
      .toBe(true);
    await page.waitForTimeout(300);
    await expectRowsStillWhenAboveChanges(page);
  });
}
