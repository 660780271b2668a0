/**
 * A 2,000-paragraph article in the review view, on the local Apertium engine: only the rows near
 * the screen are in the DOM, and the keyboard still reaches every row (Alt+↓ row by row, "confirm
 * and go to the next unconfirmed" to a row that was not rendered, undo of a change far away); an
 * edit far down survives a reload, and reopening comes back to it. Screenshots of the middle of
 * the review in both UI languages at desktop and phone widths check that the measured rows
 * neither overlap nor leave gaps.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectRowsStillWhenAboveChanges, presetPreferences, test } from './helpers';

const PARAGRAPHS = 2_000;
const TITLE = 'The Long Harbour Report';

const PLACES = ['harbour', 'old market', 'river bridge', 'north school', 'city library', 'museum'];
const PEOPLE = ['The council', 'A ferry captain', 'The mayor', 'Local traders', 'Our reporter'];
const ACTIONS = ['visited', 'described', 'repaired', 'opened', 'studied', 'photographed'];
const ENDINGS = [
  'before the summer festival.',
  'after a long winter.',
  'with the help of volunteers.',
  'while the rain kept falling.',
  'and the neighbours were pleased.',
];

/** Paragraphs of one to three sentences, every one different, so each has its own translation. */
function longArticle(): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < PARAGRAPHS; i++) {
    const sentences: string[] = [];
    for (let s = 0; s <= i % 3; s++) {
      const n = i * 3 + s;
      sentences.push(
        `${PEOPLE[n % PEOPLE.length] ?? ''} ${ACTIONS[(n >> 1) % ACTIONS.length] ?? ''} the ` +
          `${PLACES[(n >> 2) % PLACES.length] ?? ''} on day ${n + 1} ` +
          (ENDINGS[(n >> 3) % ENDINGS.length] ?? ''),
      );
    }
    paragraphs.push(sentences.join(' '));
  }
  return `${TITLE}\n\n${paragraphs.join('\n\n')}\n`;
}

const target = (page: Page, index: number) => page.locator(`[data-review-target="${index}"]`);

async function openLongReview(page: Page): Promise<void> {
  // `to` and `view` from the address, the article itself from a file: 2,000 paragraphs are too
  // long for an address.
  await page.goto('/?to=es&view=review');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'long-harbour-report.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(longArticle()),
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.locator('[data-review-summary]')).toContainText(String(PARAGRAPHS));
  await expect(target(page, 0)).toBeVisible();
}

const domSize = (page: Page) =>
  page.evaluate(() => ({
    rows: document.querySelectorAll('[data-segment]').length,
    elements: document.querySelectorAll('*').length,
  }));

const focusedRow = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-review-target') ?? null);

/** Whether the row's target is on screen (below the sticky toolbar counts). */
async function onScreen(page: Page, index: number): Promise<boolean> {
  return page.evaluate((i) => {
    const element = document.querySelector(`[data-review-target="${i}"]`);
    if (!element) return false;
    const rect = element.getBoundingClientRect();
    return rect.bottom > 0 && rect.top < window.innerHeight;
  }, index);
}

/** The first row whose target is well inside the screen, clear of the sticky toolbar. */
const rowWellOnScreen = (page: Page) =>
  page.evaluate(() => {
    for (const element of document.querySelectorAll('[data-review-target]')) {
      const rect = element.getBoundingClientRect();
      if (rect.top > 150 && rect.bottom < window.innerHeight)
        return Number(element.getAttribute('data-review-target'));
    }
    return null;
  });

test('a 2,000-paragraph review renders a window of rows and the keyboard reaches every row', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openLongReview(page);

  await test.step('the DOM holds a window of rows, not the document', async () => {
    const size = await domSize(page);
    expect(size.rows).toBeGreaterThan(3);
    expect(size.rows).toBeLessThan(100);
    expect(size.elements).toBeLessThan(3_000);
  });

  await test.step('a sentence and its counterpart light up together in a rendered row', async () => {
    // Row 1 has two sentences; its translation too, once it is there.
    await expect(page.locator('[data-segment="1"]')).toHaveAttribute('data-state', 'translated', {
      timeout: 60_000,
    });
    const row = page.locator('[data-segment="1"]');
    await row.locator('.review-row__source .sentence').nth(1).hover();
    await expect(row.locator('.review-target__backdrop .sentence').nth(1)).toHaveClass(
      /sentence--highlight/,
    );
    await expect(row.locator('.review-target__backdrop .sentence').nth(0)).not.toHaveClass(
      /sentence--highlight/,
    );
  });

  await test.step('Alt+↓ moves row by row past the first screen', async () => {
    await target(page, 0).focus();
    for (let i = 1; i <= 40; i++) {
      await page.keyboard.press('Alt+ArrowDown');
      await expect.poll(() => focusedRow(page)).toBe(String(i));
    }
    expect(await onScreen(page, 40)).toBe(true);
    // The first rows have left the DOM, and it stayed small.
    await expect(page.locator('[data-segment="0"]')).toHaveCount(0);
    expect((await domSize(page)).elements).toBeLessThan(3_000);
    await page.keyboard.press('Alt+ArrowUp');
    await expect(target(page, 39)).toBeFocused();
  });

  await test.step('a comment being typed stays while its row is scrolled far away', async () => {
    const row = page.locator('[data-segment="37"]');
    await row.locator('.comment-count').click();
    await row.getByLabel('이름').fill('Mina Park');
    await row.getByRole('button', { name: '이 이름으로 댓글 쓰기' }).click();
    const box = row.getByRole('textbox', { name: '댓글을 입력하세요' });
    await box.click();
    await page.keyboard.type('Check the day');
    await page.evaluate(() => window.scrollBy(0, 40_000));
    await expect(page.locator('[data-segment="36"]')).toHaveCount(0);
    await expect(page.locator('[data-segment="38"]')).toHaveCount(0);
    // The row being worked in is still there, its box focused, and typing goes on.
    await expect(box).toBeFocused();
    await page.keyboard.type(' numbers.');
    await expect(box).toHaveValue('Check the day numbers.');
    await page.keyboard.press('Control+Enter');
    await expect(row.locator('.comment-count')).toHaveText('댓글 1');
    await expect(row.locator('.comment')).toContainText('Check the day numbers.');
  });

  await test.step('Ctrl+Shift+Enter reaches a row that was not rendered', async () => {
    const last = PARAGRAPHS - 1;
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(target(page, last)).toBeVisible();
    await target(page, last).focus();
    await expect(page.locator('[data-segment="0"]')).toHaveCount(0);
    await page.keyboard.press('Control+Shift+Enter');
    // A row with QA findings asks first.
    const dialog = page.getByRole('dialog');
    if (await dialog.isVisible()) await page.keyboard.press('Enter');
    // Every row before it is unconfirmed: the search wraps to the first row, 1,999 rows away.
    await expect(target(page, 0)).toBeFocused();
    await expect.poll(() => onScreen(page, 0)).toBe(true);
    await expect(page.locator('[data-review-summary]')).toContainText('승인 1 ·');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(page.locator(`[data-segment="${last}"]`)).toHaveAttribute(
      'data-status',
      'approved',
    );
  });

  const far = await test.step('a far row is edited, undone and redone from elsewhere', async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.6));
    await expect.poll(() => rowWellOnScreen(page)).not.toBeNull();
    const index = (await rowWellOnScreen(page)) ?? -1;
    expect(index).toBeGreaterThan(900);
    const before = await target(page, index).inputValue();
    const edited = `Edición en la fila ${index + 1}, lejos del principio.`;
    await target(page, index).fill(edited);
    await expect(page.locator(`[data-segment="${index}"]`)).toHaveAttribute(
      'data-status',
      'edited',
    );

    // Back at the top, Ctrl+Z undoes that far edit and shows it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await target(page, 1).focus();
    await expect(page.locator(`[data-segment="${index}"]`)).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(target(page, index)).toBeFocused();
    await expect(target(page, index)).toHaveValue(before);
    await expect.poll(() => onScreen(page, index)).toBe(true);
    await page.keyboard.press('Control+y');
    await expect(target(page, index)).toHaveValue(edited);
    return { index, edited };
  });

  await test.step('the edit survives a reload, and the review reopens at it', async () => {
    // Saved within half a second of the last change.
    await page.waitForTimeout(800);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await expect(target(page, far.index)).toHaveValue(far.edited);
    await expect(page.locator(`[data-segment="${far.index}"]`)).toHaveAttribute(
      'data-status',
      'edited',
    );
    await expect.poll(() => onScreen(page, far.index)).toBe(true);
    const size = await domSize(page);
    expect(size.rows).toBeLessThan(100);
    expect(size.elements).toBeLessThan(3_000);
  });
});

test('a long review reopened at its end shows the rows there without waiting for the rest', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openLongReview(page);
  const last = PARAGRAPHS - 1;
  await expect(page.locator('[data-translated]')).toHaveAttribute(
    'data-translated',
    String(PARAGRAPHS),
    { timeout: 120_000 },
  );
  await page.keyboard.press('End');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(() => onScreen(page, last)).toBe(true);
  // The place is saved a moment after scrolling stops: the row in the middle of the screen.
  const savedRow = () =>
    page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) =>
        k.startsWith('interlinear:review-position:'),
      );
      return key ? Number(localStorage.getItem(key)) : -1;
    });
  await expect.poll(savedRow).toBeGreaterThan(1_900);
  const place = await savedRow();

  await page.reload();
  // The translations come from the browser's cache now, read for the document from the top
  // down; the rows on screen ask for theirs first. Noted at the moment the row the reader left
  // in the middle of the screen has its machine translation: how much of the document had been
  // read by then. (That row is what the reopened page centres; the very last row may sit just
  // below the fold, depending on the rows' heights.)
  const readThen = await page.waitForFunction(
    (index) => {
      const row = document.querySelector(`[data-segment="${index}"]`);
      if (row?.getAttribute('data-state') !== 'translated') return null;
      const status = document.querySelector('[data-translated]');
      return { translated: Number(status?.getAttribute('data-translated') ?? -1) };
    },
    place,
    { polling: 'raf', timeout: 60_000 },
  );
  const translated = (await readThen.jsonValue())?.translated ?? -1;
  expect(translated).toBeGreaterThanOrEqual(0);
  expect(translated).toBeLessThan(PARAGRAPHS / 2);
  expect(await onScreen(page, place)).toBe(true);
  // Rows not read yet are on their way, not without a machine translation.
  await expect(page.locator('[data-translated]')).toHaveAttribute(
    'data-translated',
    String(PARAGRAPHS),
    { timeout: 60_000 },
  );
  await expect(page.locator(`[data-segment="${last}"]`)).toHaveAttribute(
    'data-state',
    'translated',
  );
});

const screenshots = join(import.meta.dirname, '../../test-results/screenshots');

/** Rendered rows, in order, each ending where the next begins (the gap between rows aside). */
async function expectRowsTile(page: Page): Promise<void> {
  const rows = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.review [data-segment]')].map((row) => {
      const rect = row.getBoundingClientRect();
      return { index: Number(row.dataset.segment), top: rect.top, bottom: rect.bottom };
    }),
  );
  expect(rows.length).toBeGreaterThan(2);
  const gap = await page.evaluate(
    () => parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.5,
  );
  for (let i = 1; i < rows.length; i++) {
    const [above, below] = [rows[i - 1]!, rows[i]!];
    if (below.index !== above.index + 1) continue;
    expect(below.top - above.bottom, `rows ${above.index} and ${below.index}`).toBeCloseTo(gap, 0);
  }
}

/**
 * Scrolling up brings rows above into the DOM for the first time, measured as they come: what is
 * on screen moves by the distance scrolled and no more.
 */
async function expectSteadyScrollUp(page: Page): Promise<void> {
  const probe = () =>
    page.evaluate(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('.review [data-segment]')];
      const row = rows.find((element) => element.getBoundingClientRect().top > 100);
      return row
        ? { index: row.dataset.segment ?? '', top: row.getBoundingClientRect().top }
        : null;
    });
  for (let step = 0; step < 4; step++) {
    const before = await probe();
    expect(before).not.toBeNull();
    await page.mouse.wheel(0, -700);
    await expect
      .poll(() =>
        page.evaluate(
          (index) =>
            document.querySelector(`.review [data-segment="${index}"]`)?.getBoundingClientRect()
              .top ?? null,
          before!.index,
        ),
      )
      .toBeGreaterThan(before!.top + 600);
    // Let the rows that came in be measured, then compare.
    await page.waitForTimeout(200);
    const after = await page.evaluate(
      (index) =>
        document.querySelector(`.review [data-segment="${index}"]`)?.getBoundingClientRect().top ??
        null,
      before!.index,
    );
    expect(after! - before!.top, `row ${before!.index} after scrolling up 700px`).toBeCloseTo(
      700,
      0,
    );
  }
  await expectRowsTile(page);
}

test('the middle of a long review lays out cleanly in Korean and English, desktop and phone', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  mkdirSync(screenshots, { recursive: true });
  const context = await browser.newContext();
  const first = await context.newPage();
  await openLongReview(first);
  const address = first.url();
  await first.close();

  for (const uiLanguage of ['ko', 'en'] as const) {
    await presetPreferences(context, { uiLanguage });
    for (const device of ['desktop', 'phone'] as const) {
      const page = await context.newPage();
      await page.setViewportSize(
        device === 'phone' ? { width: 390, height: 844 } : { width: 1280, height: 900 },
      );
      await page.goto(address);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
      // The review reopens where the last page left it: rows of the middle, not the first.
      await expect(page.locator('[data-review-target]').first()).toBeAttached();
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      // The rows on screen have their machine translation before the picture is taken.
      await expect
        .poll(
          () =>
            page.evaluate(() =>
              [...document.querySelectorAll<HTMLElement>('.review [data-segment]')]
                .filter((row) => {
                  const rect = row.getBoundingClientRect();
                  return rect.bottom > 0 && rect.top < window.innerHeight;
                })
                .every((row) => row.dataset.state === 'translated'),
            ),
          { timeout: 180_000 },
        )
        .toBe(true);
      // The steadiness checks below scroll rows into view: every row has its translation first,
      // or one that arrives for a row on screen mid-step moves the rows below it, as it should.
      await expect(page.locator('[data-translated]')).toHaveAttribute(
        'data-translated',
        String(PARAGRAPHS),
        { timeout: 180_000 },
      );
      // Let measurement settle after the translations changed the rows' heights.
      await page.waitForTimeout(300);
      await expectRowsTile(page);
      await expectSteadyScrollUp(page);
      await expectRowsStillWhenAboveChanges(page);
      const root = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(root.width).toBeLessThanOrEqual(root.client + 1);
      await page.screenshot({
        path: join(screenshots, `review-long-${uiLanguage}-${device}.png`),
      });
      await page.close();
    }
  }
  await context.close();
});

/** The text under each range of a named highlight, in the page. */
const highlighted = (page: Page, name: string) =>
  page.evaluate(
    (name) => [...(CSS.highlights.get(name) ?? [])].map((range) => (range as Range).toString()),
    name,
  );

test('find in a long review reaches a row that is not rendered, in the source and in an edit', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  mkdirSync(screenshots, { recursive: true });
  for (const [uiLanguage, device, label] of [
    ['ko', 'desktop', '본문에서 찾을 말'],
    ['en', 'phone', 'Find in article'],
  ] as const) {
    const context = await browser.newContext();
    await presetPreferences(context, { uiLanguage });
    const page = await context.newPage();
    await page.setViewportSize(
      device === 'phone' ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    );
    await openLongReview(page);

    // An edit of the third row, with a word found nowhere else.
    const edited = target(page, 2);
    await expect(page.locator('[data-segment="2"]')).toHaveAttribute('data-state', 'translated', {
      timeout: 60_000,
    });
    await edited.click();
    await edited.press('Control+End');
    await edited.pressSequentially(' Zanzíbar');
    const value = await edited.inputValue();

    // Ctrl+F from the editor opens the review's find; "day 5400" is in row 1,799 only.
    await page.keyboard.press('Control+f');
    const field = page.getByRole('searchbox', { name: label });
    await expect(field).toBeFocused();
    await field.fill('day 5400');
    await expect(page.locator('.find-bar__count')).toHaveText('1 / 1');
    await expect.poll(() => onScreen(page, 1799), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => highlighted(page, 'find-current')).toEqual(['day 5400']);
    const size = await domSize(page);
    expect(size.rows).toBeLessThan(100);
    await page.screenshot({ path: join(screenshots, `review-find-${uiLanguage}-${device}.png`) });

    // The edit is searched as it stands now, and painted behind the editor without touching it.
    await field.fill('zanzibar');
    await expect(page.locator('.find-bar__count')).toHaveText('1 / 1');
    await expect.poll(() => onScreen(page, 2), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => highlighted(page, 'find-current')).toEqual(['Zanzíbar']);
    await expect(edited).toHaveValue(value);
    await page.screenshot({
      path: join(screenshots, `review-find-edit-${uiLanguage}-${device}.png`),
    });
    // Keys typed in the find field are the field's: Ctrl+Z undoes the query, not the edit.
    await field.press('Control+z');
    await expect(edited).toHaveValue(value);

    await field.press('Escape');
    await expect(page.getByRole('search')).toHaveCount(0);
    await expect(edited).toBeFocused();
    await context.close();
  }
});
