/**
 * Find in the article: a long document renders only the rows near the viewport, so the app's own
 * find has to reach paragraphs that are not in the DOM, bring them into view and highlight the
 * match (CSS Custom Highlight API); with a translation, the translation view's text is searched.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { apyUrl, expect, presetPreferences, segments, test } from './helpers';

const PARAGRAPHS = 2000;
const FAR = 1733;
const FAR_WORD = 'Zeppelinstraße';

const SUBJECTS = ['The council', 'A committee', 'The mayor', 'Local residents', 'The university'];
const VERBS = ['discussed', 'reviewed', 'approved', 'questioned', 'postponed'];
const OBJECTS = [
  'the budget',
  'a new library',
  'the tram line',
  'the harbour plan',
  'school meals',
];

/** A long plain-text report: every paragraph differs, and FAR_WORD occurs in one far paragraph. */
function longReport(): string {
  const paragraphs = ['Annual report of the city council', ''];
  for (let index = 0; index < PARAGRAPHS; index++) {
    const pick = <T>(list: T[], salt: number) => list[(index * 7 + salt) % list.length] as T;
    let text =
      `Item ${index + 1}. ${pick(SUBJECTS, 1)} ${pick(VERBS, 2)} ${pick(OBJECTS, 3)} ` +
      `on day ${(index % 28) + 1}, and ${pick(SUBJECTS, 4).toLowerCase()} ${pick(VERBS, 5)} it again.`;
    if (index === FAR) text += ` The meeting took place in the hall on ${FAR_WORD}.`;
    paragraphs.push(text, '');
  }
  return paragraphs.join('\n');
}

async function openLongReport(page: Page): Promise<void> {
  await page.goto('/');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'annual-report.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(longReport(), 'utf8'),
  });
  await expect(segments(page).first()).toBeVisible();
}

/** The text under each range of a named highlight, in the page. */
function highlighted(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    (name) => [...(CSS.highlights.get(name) ?? [])].map((range) => (range as Range).toString()),
    name,
  );
}

/** Whether the current match is on screen and below the find bar (not covered by it). */
function currentMatchClear(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const [range] = [...(CSS.highlights.get('find-current') ?? [])] as Range[];
    const bar = document.querySelector('.find-bar');
    if (!range || !bar) return false;
    const rect = range.getBoundingClientRect();
    const covered = Math.max(
      bar.getBoundingClientRect().bottom,
      getComputedStyle(document.querySelector('.toolbar') as Element).position === 'sticky'
        ? (document.querySelector('.toolbar') as Element).getBoundingClientRect().bottom
        : 0,
    );
    return rect.height > 0 && rect.top >= covered && rect.bottom <= window.innerHeight;
  });
}

test('Ctrl+F finds a word in a far paragraph that is not rendered, brings it into view and highlights it', async ({
  page,
}) => {
  await openLongReport(page);
  const far = page.locator(`[data-segment="${FAR}"]`);
  // The list is windowed: the far paragraph is not in the DOM, so the browser's find cannot see it.
  await expect(far).toHaveCount(0);

  await page.keyboard.press('Control+f');
  const field = page.getByRole('searchbox', { name: '본문에서 찾을 말' });
  await expect(field).toBeFocused();
  // Case and ß folded: "zeppelinstrasse" finds "Zeppelinstraße".
  await field.fill('zeppelinstrasse');
  const count = page.locator('.find-bar__count');
  await expect(count).toHaveText('1 / 1');
  await expect(page.getByRole('status').filter({ hasText: '결과 1개 중 1번째' })).toBeAttached();

  await field.press('Enter');
  await expect(far).toBeInViewport();
  await expect.poll(() => highlighted(page, 'find-current')).toEqual([FAR_WORD]);
  await expect.poll(() => currentMatchClear(page)).toBe(true);
  const axe = await new AxeBuilder({ page }).include('.toolbar').analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  // A word in every paragraph: the count is formatted, Enter moves on, Shift+Enter wraps back.
  await field.fill('item 1.');
  await expect(count).toHaveText(/^\d+ \/ 1$/);
  await field.fill('council');
  await expect(count).toHaveText(/^\d+ \/ [\d,]+$/);
  const total = Number((await count.innerText()).split('/')[1]?.replace(/\D/g, ''));
  expect(total).toBeGreaterThan(PARAGRAPHS / 5);
  expect(await count.innerText()).toContain(total.toLocaleString('ko'));
  await expect.poll(async () => (await highlighted(page, 'find-match')).length).toBeGreaterThan(0);

  await field.fill('qqqzzz');
  await expect(count).toHaveText('결과 없음');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: '다음 결과' })).toBeDisabled();

  await field.press('Escape');
  await expect(page.getByRole('search')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('find-current'))).toBe(false);
});

test('the toolbar button opens find; Esc gives focus back to it; the last query comes back', async ({
  page,
}) => {
  await openLongReport(page);
  const button = page.getByRole('button', { name: '본문에서 찾기' });
  await button.click();
  const field = page.getByRole('searchbox', { name: '본문에서 찾을 말' });
  await expect(field).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await field.fill(FAR_WORD);
  await expect(page.locator('.find-bar__count')).toHaveText('1 / 1');
  await field.press('Escape');
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.press('Control+f');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(FAR_WORD);
  // Selected, so typing replaces it.
  await page.keyboard.type('item 2000');
  await expect(field).toHaveValue('item 2000');
  await expect(page.locator('.find-bar__count')).toHaveText('1 / 1');
  await expect(page.locator(`[data-segment="${PARAGRAPHS - 1}"]`)).toBeInViewport();
});

test('in the translation view, find searches the Spanish translation from the real engine, and follows it as it arrives', async ({
  page,
}) => {
  // Hold the engine's answers until find is open, so the translation arrives while it is.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(`${apyUrl}/translate`, async (route) => {
    await held;
    await route.continue();
  });
  const text = [
    'The museum opens a new wing on Monday.',
    'Visitors can see the paintings for free in the gallery.',
    'The city council paid for the building last year.',
  ].join('\n\n');
  const params = new URLSearchParams({ text, title: 'Museum news', to: 'es', view: 'translation' });
  await page.goto(`/?${params.toString()}`);
  await expect(segments(page)).toHaveCount(3);

  await page.keyboard.press('Control+f');
  const field = page.getByRole('searchbox', { name: '본문에서 찾을 말' });
  const count = page.locator('.find-bar__count');
  // Accents folded: "GALERIA" will find "galería"; for now the paragraph shows its English.
  await field.fill('GALERIA');
  await expect(count).toHaveText('결과 없음');

  release();
  await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(3, {
    timeout: 30_000,
  });
  await expect(count).toHaveText('1 / 1');
  await expect.poll(() => highlighted(page, 'find-current')).toEqual(['galería']);
  await expect(page.locator('[data-segment="1"] [lang="es"]')).toContainText('galería');

  // The translation view hides the English of translated paragraphs: it is not searched there.
  await field.fill('gallery');
  await expect(count).toHaveText('결과 없음');
  // The side-by-side view shows both.
  await page.getByText('원문·번역 대조').click();
  await expect(count).toHaveText('1 / 1');
  await expect.poll(() => highlighted(page, 'find-current')).toEqual(['gallery']);
});

const shots = join(import.meta.dirname, '../../test-results/screenshots');

for (const [language, label] of [
  ['ko', '본문에서 찾을 말'],
  ['en', 'Find in article'],
] as const) {
  for (const [device, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 360, height: 740 }],
  ] as const) {
    test(`screenshot: find bar with matches, ${language} UI, ${device}`, async ({
      page,
      context,
    }) => {
      await presetPreferences(context, { uiLanguage: language });
      await page.setViewportSize(viewport);
      await openLongReport(page);
      await page.keyboard.press('Control+f');
      const field = page.getByRole('searchbox', { name: label });
      await field.fill('harbour plan');
      await expect(page.locator('.find-bar__count')).toHaveText(/^1 \/ [\d,]+$/);
      await field.press('Enter');
      await field.press('Enter');
      await expect(page.locator('.find-bar__count')).toHaveText(/^3 \/ [\d,]+$/);
      await expect.poll(() => currentMatchClear(page)).toBe(true);
      const width = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
        (document.querySelector('.find-bar') as Element).getBoundingClientRect().right,
      ]);
      expect(width[0]).toBeLessThanOrEqual((width[1] ?? 0) + 1);
      expect(width[2]).toBeLessThanOrEqual((width[1] ?? 0) + 1);
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, `find-${language}-${device}.png`) });
    });
  }
}

test('switching between the reading views and the review closes find; each has its own', async ({
  page,
}) => {
  const params = new URLSearchParams({
    text: 'The museum opens a new wing on Monday.\n\nVisitors can see the paintings for free.',
    title: 'Museum news',
    to: 'es',
  });
  await page.goto(`/?${params.toString()}`);
  await expect(segments(page)).toHaveCount(2);
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: '본문에서 찾을 말' })).toBeFocused();
  await page.getByText('검토', { exact: true }).click();
  await expect(page.locator('[data-review-target="1"]')).toBeVisible();
  await expect(page.getByRole('search')).toHaveCount(0);
  // The review's own find: Ctrl+F from the editor, over the source and the target.
  await page.locator('[data-review-target="1"]').focus();
  await page.keyboard.press('Control+f');
  const field = page.getByRole('searchbox', { name: '본문에서 찾을 말' });
  await expect(field).toBeFocused();
  await field.fill('paintings');
  await expect(page.locator('.find-bar__count')).toHaveText('1 / 1');
  expect(await highlighted(page, 'find-current')).toEqual(['paintings']);
  // Esc gives focus back to the editor it came from.
  await field.press('Escape');
  await expect(page.getByRole('search')).toHaveCount(0);
  await expect(page.locator('[data-review-target="1"]')).toBeFocused();
  // Back in a reading view, find stays closed until asked for.
  await page.locator('.toolbar__views').getByText('원문', { exact: true }).click();
  await expect(page.getByRole('button', { name: '본문에서 찾기' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(page.getByRole('search')).toHaveCount(0);
});
