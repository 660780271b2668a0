/**
 * The provider layer end to end: a LibreTranslate-compatible server (real translations from APy
 * behind it) with injected faults, fallback and second-opinion engines, on-screen-first
 * scheduling, the built-in and pseudo engines, and the settings' connection test.
 */
import type { Page, Request } from '@playwright/test';
import {
  startLibreTranslateServer,
  type LibreTranslateServer,
} from '../servers/libretranslate-server.mjs';
import { apyUrl, expect, presetPreferences, segments, test } from './helpers';

let lt: LibreTranslateServer;

test.beforeEach(async () => {
  lt = await startLibreTranslateServer({ apyUrl });
});

test.afterEach(async () => {
  await lt.close();
});

const article = (
  count: number,
  words = 'the harbour office said the ferry timetable would change',
) =>
  Array.from(
    { length: count },
    (_, i) => `Paragraph ${i + 1}: ${words} after the storm season.`,
  ).join('\n\n');

/** Points config.json at the LibreTranslate server, as a deployment would. */
async function deployLibreTranslate(page: Page, extra: Record<string, unknown> = {}) {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        defaultProvider: 'libretranslate',
        providers: { libretranslate: { endpoint: lt.url, ...extra } },
        defaultTargetLanguage: 'es',
      }),
    }),
  );
}

const open = (page: Page, text: string) =>
  page.goto(`/?${new URLSearchParams({ text }).toString()}`);

test('a 60-paragraph article through LibreTranslate: few requests, through a first 429, none left translating', async ({
  page,
}) => {
  lt.setFaults({ rateLimitFirst: 1 });
  await deployLibreTranslate(page);
  await open(page, article(60));
  await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(60, {
    timeout: 20_000,
  });
  await expect(
    page.locator('[data-segment][data-state="translating"], [aria-busy="true"]'),
  ).toHaveCount(0);
  await expect(segments(page).first().locator('.segment__target[lang="es"]')).toContainText(
    'Párrafo 1',
  );
  const calls = lt.requests.map((request) => request.status);
  expect(calls[0]).toBe(429);
  expect(calls.filter((status) => status === 200).length).toBeLessThan(10);
  expect(lt.requests.length).toBeLessThan(60 / 4);

  // Reopening costs nothing.
  const before = lt.requests.length;
  await page.reload();
  await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(60);
  expect(lt.requests.length).toBe(before);
});

test('an answer with the wrong number of translations fails those segments; nothing misaligned is shown or cached', async ({
  page,
}) => {
  lt.setFaults({ wrongCount: true });
  await deployLibreTranslate(page);
  await open(page, article(12));
  await expect(page.locator('[data-segment][data-state="error"]')).toHaveCount(12);
  await expect(page.locator('.segment__target')).toHaveCount(0);
  await expect(segments(page).first()).toContainText('번역 엔진의 응답이 올바르지 않습니다.');

  lt.setFaults({});
  const before = lt.requests.length;
  await page.reload();
  // Nothing was cached: the engine is asked again, and now answers properly.
  await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(12);
  expect(lt.requests.length).toBeGreaterThan(before);
});

test('a bad key stops after a handful of requests with one clear message, and the key is in no URL', async ({
  page,
}) => {
  const key = 'sk-interlinear-test-key-4711';
  lt.setFaults({ badKey: true });
  await deployLibreTranslate(page, { apiKey: key });
  const urls: string[] = [];
  page.on('request', (request: Request) => urls.push(request.url()));
  await open(page, article(80));
  const banner = page.getByRole('alert').filter({ hasText: 'LibreTranslate' });
  await expect(banner).toHaveCount(1);
  await expect(banner).toContainText('인증 키가 올바르지 않습니다.');
  await expect(page.locator('[data-segment][data-state="error"]')).toHaveCount(80);
  await expect(page.locator('[data-segment][data-state="error"]').first()).toHaveText(
    /번역되지 않음/,
  );
  await page.waitForTimeout(1500);
  expect(lt.requests.length).toBeLessThanOrEqual(3);
  expect(lt.requests.every((request) => request.apiKey)).toBe(true);
  expect(urls.filter((url) => url.includes(key))).toEqual([]);
  expect(await page.content()).not.toContain(key);
});

test('a fallback engine translates what the main engine cannot, and says so', async ({
  page,
  context,
}) => {
  lt.setFaults({ wrongCount: true });
  await deployLibreTranslate(page);
  await presetPreferences(context, { fallbackProviderId: 'apertium' });
  await open(page, article(6));
  await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(6);
  await expect(segments(page).first().locator('.segment__origin')).toHaveText(
    '보조 엔진(Apertium)의 번역',
  );
});

test('a second opinion from another configured engine, on demand', async ({ page, context }) => {
  await presetPreferences(context, {
    targetLanguage: 'es',
    providerSettings: { libretranslate: { endpoint: lt.url } },
  });
  await open(page, 'The museum will open a new wing next spring, the city council said on Monday.');
  const segment = segments(page).first();
  await expect(segment).toHaveAttribute('data-state', 'translated');
  expect(lt.requests).toHaveLength(0);
  await segment.hover();
  await segment.getByRole('button', { name: '다른 엔진 번역 보기' }).click();
  await segment.getByRole('button', { name: 'LibreTranslate' }).click();
  const opinion = segment.locator('[data-second-opinion="libretranslate"]');
  await expect(opinion).toContainText('LibreTranslate 번역');
  await expect(opinion.locator('[lang="es"]')).toContainText(/museo/i);
  expect(lt.requests).toHaveLength(1);
});

test('what is on screen translates first, then the rest in reading order without scrolling', async ({
  page,
}) => {
  const bodies: string[] = [];
  await page.route(`${apyUrl}/translate`, async (route) => {
    bodies.push(new URLSearchParams(route.request().postData() ?? '').get('q') ?? '');
    await route.continue();
  });
  await open(page, article(400));
  await expect(segments(page).first()).toBeVisible();
  // A long document renders the rows near the viewport; go three quarters down.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.75));
  await expect
    .poll(async () => Number(await segments(page).first().getAttribute('data-segment')))
    .toBeGreaterThan(200);
  const onScreen = await segments(page).evaluateAll((nodes) =>
    nodes
      .filter((node) => {
        const rect = node.getBoundingClientRect();
        return rect.bottom > 0 && rect.top < window.innerHeight;
      })
      .map((node) => Number(node.getAttribute('data-segment')) + 1),
  );
  await page.locator('select[name="targetLanguage"]').selectOption('es');
  await expect(page.locator('.status-line')).toHaveAttribute('data-translated', '400', {
    timeout: 30_000,
  });
  // The first request led with the paragraphs on screen (and the rows just around them), not the
  // top of the article.
  const first = Number(/^<p>Paragraph (\d+):/.exec(bodies[0] ?? '')?.[1]);
  expect(first).toBeGreaterThan(Math.min(...onScreen) - 20);
  for (const paragraph of onScreen) expect(bodies[0]).toContain(`Paragraph ${paragraph}:`);
  // Then reading order from the top, without any scrolling.
  expect(bodies.slice(1).findIndex((body) => body.includes('Paragraph 1:'))).toBeLessThan(2);
});

test('a reload halfway through a long translation keeps every paragraph already translated', async ({
  page,
}) => {
  let phase: 'first' | 'reopen' = 'first';
  const sent = { first: 0, reopen: 0 };
  await page.route(`${apyUrl}/translate`, async (route) => {
    const q = new URLSearchParams(route.request().postData() ?? '').get('q') ?? '';
    sent[phase] += (q.match(/<p>/g) ?? []).length;
    // A slower engine, so the reload surely lands halfway.
    if (phase === 'first') await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await page.goto(`/?${new URLSearchParams({ text: article(400), to: 'es' }).toString()}`);
  const status = page.locator('.status-line[data-translated]');
  await expect
    .poll(async () => Number(await status.getAttribute('data-translated')), {
      timeout: 30_000,
      intervals: [100],
    })
    .toBeGreaterThan(150);
  const before = Number(await status.getAttribute('data-translated'));
  expect(before).toBeLessThan(400);
  phase = 'reopen';
  await page.reload();
  await expect(page.locator('.status-line')).toHaveAttribute('data-translated', '400', {
    timeout: 30_000,
  });
  // What was shown translated before the reload came from the cache; only the rest went out.
  expect(sent.reopen).toBeGreaterThan(0);
  expect(sent.reopen).toBeLessThanOrEqual(400 - before);
});

test('retranslating a segment goes past the cache to the engine', async ({ page }) => {
  let requests = 0;
  await page.route(`${apyUrl}/translate`, async (route) => {
    requests++;
    await route.continue();
  });
  await page.goto(
    `/?${new URLSearchParams({ text: 'The museum opens a new wing.', to: 'es' }).toString()}`,
  );
  const segment = segments(page).first();
  await expect(segment).toHaveAttribute('data-state', 'translated');
  const before = requests;
  await page.reload();
  await expect(segments(page).first()).toHaveAttribute('data-state', 'translated');
  expect(requests).toBe(before);
  await segments(page).first().hover();
  await segments(page).first().getByRole('button', { name: '다시 번역' }).click();
  await expect.poll(() => requests).toBe(before + 1);
  await expect(segments(page).first()).toHaveAttribute('data-state', 'translated');
});

test('the settings tell a bad key, an unreachable engine and a working one apart', async ({
  page,
}) => {
  await lt.close();
  lt = await startLibreTranslateServer({ apyUrl, apiKey: 'right-key' });
  await page.goto('/');
  await page.getByRole('button', { name: '설정' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('select[name="provider"]').selectOption('libretranslate');
  await dialog.locator('input[name="endpoint"]').fill(lt.url);
  await dialog.locator('input[name="apiKey"]').fill('wrong-key');
  await dialog.getByRole('button', { name: '연결 확인' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'API 키를 받아들이지 않았습니다. 키가 맞는지 확인해 주세요.',
  );

  await dialog.locator('input[name="apiKey"]').fill('right-key');
  await dialog.getByRole('button', { name: '연결 확인' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: '연결되었습니다' })).toBeVisible();

  await dialog.locator('input[name="endpoint"]').fill('http://127.0.0.1:9');
  await dialog.getByRole('button', { name: '연결 확인' }).click();
  await expect(dialog.getByRole('alert')).toContainText('엔진에 연결할 수 없습니다.');

  // Forgetting keys empties the key field and what is stored.
  await dialog.locator('input[name="endpoint"]').fill(lt.url);
  await dialog.getByRole('button', { name: '저장', exact: true }).click();
  expect(await page.evaluate(() => localStorage.getItem('interlinear:preferences'))).toContain(
    'right-key',
  );
  await page.getByRole('button', { name: '설정' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '저장한 API 키 모두 지우기' }).click();
  await expect(page.getByRole('dialog').locator('input[name="apiKey"]')).toHaveValue('');
  expect(await page.evaluate(() => localStorage.getItem('interlinear:preferences'))).not.toContain(
    'right-key',
  );
});

test('the translation cache size is shown and can be cleared', async ({ page }) => {
  await page.goto(`/?${new URLSearchParams({ text: article(5), to: 'es' }).toString()}`);
  await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(5);
  await page.getByRole('button', { name: '설정' }).click();
  const usage = page.locator('.settings__cache');
  await expect(usage).toContainText('번역 캐시: 5개 항목');
  await page.getByRole('button', { name: '번역 캐시 비우기' }).click();
  await expect(usage).toContainText('번역 캐시: 0개 항목');
});

test('the pseudo engine is labelled as a layout test and stretches text', async ({
  page,
  context,
}) => {
  await presetPreferences(context, { providerId: 'pseudo', targetLanguage: 'en-XA' });
  await open(page, 'The city will add two night bus routes.');
  const target = segments(page).first().locator('.segment__target');
  await expect(target).toHaveText(/^\[.*\]$/);
  await expect(page.locator('.toolbar__engine')).toContainText('레이아웃 테스트용');
});

test("Chrome's built-in translator asks for a model download instead of spinning", async ({
  page,
  context,
}) => {
  await presetPreferences(context, { providerId: 'chrome', targetLanguage: 'es' });
  await open(page, 'The city will add two night bus routes.');
  await expect(page.getByRole('button', { name: '모델 내려받기' })).toBeVisible();
  await expect(segments(page).first()).toHaveAttribute('data-state', 'pending');
  await expect(page.locator('.spinner')).toHaveCount(0);
});
