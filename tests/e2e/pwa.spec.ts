/**
 * The installable, offline reader: Chromium's own installability verdict, the service worker in
 * control, a translated and edited article read again with no network, and an article opened
 * offline that waits quietly and translates by itself when the network returns.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { apyUrl, expect, presetPreferences, test } from './helpers';

const ARTICLE = [
  'Night Trains Return to the Coast',
  'The first night train in ten years left the capital on Friday with 240 passengers.',
  'Tickets for the summer sold out within a week, the operator said.',
  'A second route to the mountains is planned for next year.',
].join('\n\n');

const OFFLINE_ARTICLE = [
  'A Library Opens Late',
  'The city library will stay open until midnight during the exam season.',
  'Students asked for quiet rooms and more power sockets.',
].join('\n\n');

test.use({ serviceWorkers: 'allow' });

async function serviceWorkerInControl(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
  }
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
}

test('Chromium finds nothing that stops installing; the manifest carries the Korean name, icons and share target', async ({
  page,
  baseURL,
}, testInfo) => {
  // Test contexts are incognito, where nothing installs: ask a real profile instead.
  const profile = mkdtempSync(join(tmpdir(), 'interlinear-profile-'));
  const installed = await chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    baseURL,
  });
  try {
    const tab = installed.pages()[0] ?? (await installed.newPage());
    await tab.goto('/');
    await serviceWorkerInControl(tab);
    const cdp = await installed.newCDPSession(tab);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await installed.close();
    rmSync(profile, { recursive: true, force: true });
  }

  const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as {
    name: string;
    icons: { sizes: string; purpose?: string }[];
    share_target: { method: string; params: Record<string, string> };
    display: string;
  };
  expect(manifest.name).toMatch(/[가-힣]/);
  expect(manifest.display).toBe('standalone');
  const sizes = manifest.icons.map((icon) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  expect(manifest.share_target).toMatchObject({
    method: 'GET',
    params: { title: 'title', text: 'text', url: 'url' },
  });
});

test('a translated, edited article reads in full offline from the library', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await serviceWorkerInControl(page);
  await page.goto(`/?${new URLSearchParams({ text: ARTICLE, to: 'es' }).toString()}`);
  await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(3);
  // An edit in the review view.
  await page.locator('label', { hasText: /^검토$/ }).click();
  const edited = 'El primer tren nocturno en diez años salió el viernes con 240 pasajeros.';
  await page.locator('textarea[data-review-target]').first().fill(edited);
  await expect(page.locator('[data-segment][data-status]').first()).toHaveAttribute(
    'data-status',
    'edited',
  );
  await page.waitForTimeout(600);

  await context.setOffline(true);
  await page.goto('/');
  await expect(page.locator('[data-offline]')).toBeVisible();
  await page.getByRole('link', { name: 'Night Trains Return to the Coast' }).click();
  await expect(page.locator('h1')).toHaveText('Night Trains Return to the Coast');
  await expect(page.locator('textarea[data-review-target]').first()).toHaveValue(edited);
  await page.locator('label', { hasText: /^원문·번역 대조$/ }).click();
  await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(3);
  await context.setOffline(false);
});

test('an article opened offline waits without spinners and translates by itself back online', async ({
  page,
  context,
}) => {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${apyUrl}/translate`)) requests.push(request.url());
  });
  // The engine's pair list is known from an earlier visit: the start page asks for it once the
  // reader reaches for the paste box.
  await page.goto('/');
  await serviceWorkerInControl(page);
  await page.locator('textarea[name="text"]').hover();
  await expect
    .poll(() =>
      page.evaluate(() =>
        Object.keys(localStorage).some((k) => k.startsWith('interlinear:pairs:')),
      ),
    )
    .toBe(true);

  await context.setOffline(true);
  await page.goto(`/?${new URLSearchParams({ text: OFFLINE_ARTICLE, to: 'es' }).toString()}`);
  await expect(page.locator('[data-offline]')).toBeVisible();
  const segments = page.locator('[data-segment]');
  await expect(segments).toHaveCount(2);
  await expect(segments.first()).toContainText('연결되면 번역합니다');
  await expect(page.locator('.status-line')).toContainText('연결되면 번역합니다');
  // Pending, not busy, no request attempted — for a while, not just at first glance.
  await page.waitForTimeout(1500);
  await expect(page.locator('[data-segment][data-state="pending"]')).toHaveCount(2);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  expect(requests).toEqual([]);

  await context.setOffline(false);
  await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(2, {
    timeout: 20_000,
  });
  await expect(page.locator('[data-offline]')).toHaveCount(0);
  expect(requests.length).toBeGreaterThan(0);
});

for (const uiLanguage of ['ko', 'en'] as const) {
  test(`${uiLanguage} UI: the library and the offline states, screenshots`, async ({
    page,
    context,
  }) => {
    await presetPreferences(context, { uiLanguage });
    await page.goto('/');
    await serviceWorkerInControl(page);
    await page.goto(`/?${new URLSearchParams({ text: ARTICLE, to: 'es' }).toString()}`);
    await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(3);
    await context.setOffline(true);
    await page.goto(`/?${new URLSearchParams({ text: OFFLINE_ARTICLE, to: 'es' }).toString()}`);
    await expect(page.locator('[data-segment][data-state="pending"]')).toHaveCount(2);
    await expect(page.locator('[data-offline]')).toBeVisible();
    await page.screenshot({
      path: join(
        import.meta.dirname,
        `../../test-results/screenshots/offline-reader-${uiLanguage}.png`,
      ),
      fullPage: true,
    });
    await page.getByRole('link', { name: 'Interlinear' }).first().click();
    await expect(
      page.getByRole('link', { name: 'Night Trains Return to the Coast' }),
    ).toBeVisible();
    await page.screenshot({
      path: join(
        import.meta.dirname,
        `../../test-results/screenshots/offline-library-${uiLanguage}.png`,
      ),
      fullPage: true,
    });
    await context.setOffline(false);
  });
}

test('sharing copies the link and the translated text where the Web Share API is missing, and never a key', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // As on desktop Linux and Firefox: no Web Share API, so the clipboard path is the one taken.
  await context.addInitScript(() => {
    Reflect.deleteProperty(Navigator.prototype, 'share');
  });
  await presetPreferences(context, {
    providerSettings: {
      deepl: { apiKey: 'SECRET-KEY-4711:fx', endpoint: 'https://proxy.example' },
    },
  });
  await page.goto(`/?${new URLSearchParams({ text: ARTICLE, to: 'es' }).toString()}`);
  await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(3);
  expect(await page.evaluate(() => typeof navigator.share)).toBe('undefined');
  await page.getByRole('button', { name: '이 기사를 공유합니다' }).click();
  await expect(page.getByRole('status').filter({ hasText: /복사/ })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const translation = await page
    .locator('[data-segment] .segment__target[lang="es"]')
    .first()
    .innerText();
  expect(copied).toContain('?text=');
  expect(copied).toContain(translation.trim());
  expect(copied).not.toContain('SECRET-KEY-4711');
});

test('a new version waits for the reader, and its reload keeps an edit made a moment before', async ({
  page,
}) => {
  const swPath = join(import.meta.dirname, '../../dist/sw.js');
  const original = readFileSync(swPath, 'utf8');
  try {
    await page.goto('/');
    await serviceWorkerInControl(page);
    await page.goto(
      `/?${new URLSearchParams({ text: ARTICLE, to: 'es', view: 'review' }).toString()}`,
    );
    const target = page.locator('textarea[data-review-target]').first();
    await expect(target).not.toHaveValue('', { timeout: 20_000 });

    // A new build is deployed: the worker script changes.
    writeFileSync(swPath, `${original}\n// next version ${Date.now()}\n`);
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const prompt = page.getByRole('status').filter({ hasText: '새 버전이 준비되었습니다' });
    await expect(prompt).toBeVisible();
    // Nothing reloads by itself.
    await page.waitForTimeout(1000);
    await expect(prompt).toBeVisible();

    // An edit, and the reload right after it (inside the edit's save delay).
    const edited = 'Editado justo antes de la nueva versión: 240 pasajeros.';
    await target.fill(edited);
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: '새로고침' }).click(),
    ]);
    await expect(page.locator('textarea[data-review-target]').first()).toHaveValue(edited);
    await expect(page.getByText('새 버전이 준비되었습니다')).toHaveCount(0);
  } finally {
    writeFileSync(swPath, original);
  }
});
