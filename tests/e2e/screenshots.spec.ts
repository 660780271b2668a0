/**
 * Screenshots of the views a reader sees, in Korean and English UI, at desktop and phone widths,
 * saved under test-results/screenshots for a person to look at. The checks here catch what a
 * screenshot would show: content wider than the page, text cut off in its box, and glyphs drawn as
 * missing-glyph boxes.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, fixtureText, presetPreferences, test } from './helpers';

const out = join(import.meta.dirname, '../../test-results/screenshots');
mkdirSync(out, { recursive: true });

async function expectCleanLayout(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      found.push(`page is ${root.scrollWidth}px wide in ${root.clientWidth}px`);
    for (const element of document.querySelectorAll<HTMLElement>(
      'button, label, legend, select, h1, h2, .notice, .status-line span, .byline, time',
    )) {
      const style = getComputedStyle(element);
      if (
        style.display === 'none' ||
        element.offsetParent === null ||
        element.closest('.visually-hidden')
      )
        continue;
      const rect = element.getBoundingClientRect();
      if (element.tagName === 'BUTTON' && (rect.left < -1 || rect.right > root.clientWidth + 1)) {
        found.push(`<button> "${element.innerText.slice(0, 40)}" reaches outside the page`);
      }
      if (element.scrollWidth > element.clientWidth + 1 && style.overflowX !== 'visible') {
        found.push(
          `text cut off in <${element.tagName.toLowerCase()}> "${element.innerText.slice(0, 40)}"`,
        );
      }
    }
    return found;
  });
  expect(problems).toEqual([]);
}

/** Draws text and a code point no font has; identical pixels mean the text fell back to boxes. */
async function expectGlyphs(page: Page, sample: string): Promise<void> {
  const tofu = await page.evaluate((text) => {
    const draw = (value: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 200;
      canvas.height = 40;
      const context = canvas.getContext('2d');
      if (!context) return '';
      context.font = `24px ${getComputedStyle(document.body).fontFamily}`;
      context.fillText(value, 4, 30);
      return canvas.toDataURL();
    };
    const missing = draw('\u{10FFFD}'.repeat(Array.from(text).length));
    return draw(text) === missing;
  }, sample);
  expect(tofu).toBe(false);
}

for (const uiLanguage of ['ko', 'en'] as const) {
  for (const [device, width, height] of [
    ['desktop', 1280, 900],
    ['phone', 390, 844],
  ] as const) {
    test(`${uiLanguage} UI on ${device}: start page and reader views`, async ({
      page,
      context,
    }) => {
      await page.setViewportSize({ width, height });
      await presetPreferences(context, { uiLanguage });
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', uiLanguage);
      // The browser offers installing the app: the header has one more button.
      await page.evaluate(() => {
        const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
          prompt: () => Promise.resolve(),
          userChoice: Promise.resolve({ outcome: 'dismissed' }),
        });
        window.dispatchEvent(offer);
      });
      await expect(
        page.getByRole('button', { name: uiLanguage === 'ko' ? '앱 설치' : 'Install app' }),
      ).toBeVisible();
      await expectGlyphs(page, '한국어 번역 중입니다');
      await expectCleanLayout(page);
      await page.screenshot({
        path: join(out, `start-${uiLanguage}-${device}.png`),
        fullPage: true,
      });

      const params = new URLSearchParams({
        text: fixtureText('articles/korean-cms-hardwrapped.txt'),
        to: 'es',
        view: 'bilingual',
      });
      await page.goto(`/?${params.toString()}`);
      await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(8);
      await expectCleanLayout(page);
      await page.screenshot({
        path: join(out, `reader-bilingual-${uiLanguage}-${device}.png`),
        fullPage: true,
      });

      await page
        .locator('label', { hasText: uiLanguage === 'ko' ? /^번역문$/ : /^Translation$/ })
        .click();
      await expect(page.locator('[data-segment] .segment__source').first()).toBeHidden();
      await expectCleanLayout(page);
      await page.screenshot({
        path: join(out, `reader-translation-${uiLanguage}-${device}.png`),
        fullPage: true,
      });

      await page
        .locator('label', { hasText: uiLanguage === 'ko' ? /^원문$/ : /^Original$/ })
        .click();
      await expect(page.locator('[data-segment] .segment__target').first()).toBeHidden();
      await expectCleanLayout(page);
      await page.screenshot({
        path: join(out, `reader-original-${uiLanguage}-${device}.png`),
        fullPage: true,
      });

      await page.locator('label', { hasText: uiLanguage === 'ko' ? /^검토$/ : /^Review$/ }).click();
      await expect(page.locator('[data-segment][data-status]')).toHaveCount(8);
      // One row shows its QA findings, diff and comments, as a reviewer would have it open.
      const row = page.locator('[data-segment][data-status]').nth(1);
      await row
        .locator('textarea[data-review-target]')
        .fill('Texto cambiado 2019 con  dos espacios');
      await row
        .getByRole('button', {
          name: uiLanguage === 'ko' ? '기계 번역과 비교' : 'Compare with the machine translation',
        })
        .click();
      await row.locator('.comment-count').click();
      await expect(row.locator('.qa-finding').first()).toBeVisible();
      await expectCleanLayout(page);
      await page.screenshot({
        path: join(out, `review-${uiLanguage}-${device}.png`),
        fullPage: true,
      });

      await page.getByRole('button', { name: uiLanguage === 'ko' ? '설정' : 'Settings' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectCleanLayout(page);
      await page.screenshot({ path: join(out, `settings-${uiLanguage}-${device}.png`) });
    });
  }
}

for (const uiLanguage of ['ko', 'en'] as const) {
  test(`${uiLanguage} UI: the settings form of every engine`, async ({ page, context }) => {
    await page.setViewportSize({ width: 1280, height: 1100 });
    await presetPreferences(context, { uiLanguage });
    await page.goto('/');
    await page.getByRole('button', { name: uiLanguage === 'ko' ? '설정' : 'Settings' }).click();
    const dialog = page.getByRole('dialog');
    // The dialog's code loads when it is first asked for.
    await expect(dialog.locator('select[name="provider"]')).toBeVisible();
    const ids = await dialog
      .locator('select[name="provider"] option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(ids).toEqual([
      'apertium',
      'libretranslate',
      'openai',
      'deepl',
      'google',
      'azure',
      'chrome',
      'pseudo',
    ]);
    for (const id of ids) {
      await dialog.locator('select[name="provider"]').selectOption(id);
      // Every label and hint is a real string in this language, not a key.
      const text = await dialog.innerText();
      expect(text).not.toMatch(/\b(settings|providers|reader)\.[a-zA-Z]/);
      if (uiLanguage === 'ko') expect(text).toMatch(/\p{Script=Hangul}/u);
      await expectCleanLayout(page);
      await dialog.screenshot({ path: join(out, `settings-${id}-${uiLanguage}.png`) });
    }
  });
}
