import { expect, presetPreferences, segments, startApy, test, type ApyServer } from './helpers';

// This spec owns its engine: it stops and restarts a private APy, so the shared one is untouched.
const port = 2791;
let apy: ApyServer | null = null;

test.afterEach(async () => {
  await apy?.stop();
  apy = null;
});

test('stopping the engine mid-translation turns segments into errors with retry; restarting and retrying completes them', async ({
  page,
  context,
}) => {
  apy = await startApy(port);
  await presetPreferences(context, {
    providerSettings: { apertium: { endpoint: apy.url } },
    view: 'bilingual',
  });
  const paragraphs = Array.from(
    { length: 120 },
    (_, i) =>
      `Paragraph ${i + 1}: the harbour office said the ferry timetable would change after the storm season.`,
  );

  // Let the first request through, then take the engine away while the rest are in flight.
  let firstDone: () => void = () => undefined;
  const first = new Promise<void>((resolve) => {
    firstDone = resolve;
  });
  let seen = 0;
  page.on('requestfinished', (request) => {
    if (request.url() === `${apy?.url ?? ''}/translate`) firstDone();
  });
  await page.route(`${apy.url}/translate`, async (route) => {
    if (seen++ === 0) {
      await route.continue();
      return;
    }
    await first;
    await apy?.stop();
    await route.continue().catch(() => undefined);
  });

  await page.goto(
    `/?${new URLSearchParams({ text: paragraphs.join('\n\n'), to: 'es' }).toString()}`,
  );
  await expect(page.locator('[data-segment][data-state="translated"]').first()).toBeVisible();
  await expect(page.locator('[data-segment][data-state="error"]').first()).toBeVisible();
  await expect(
    page.locator('[data-segment][data-state="translating"], [data-segment][data-state="pending"]'),
  ).toHaveCount(0);
  const failed = await page.locator('[data-segment][data-state="error"]').count();
  expect(failed).toBeGreaterThan(0);
  await expect(page.locator('[data-segment][data-state="error"]').first()).toContainText(
    '번역 엔진에 연결할 수 없습니다.',
  );
  await expect(
    page
      .locator('[data-segment][data-state="error"]')
      .first()
      .getByRole('button', { name: '다시 시도' }),
  ).toBeVisible();
  await expect(page.locator('.status-line__failed')).toContainText(
    `${failed}개 문단을 번역하지 못했습니다.`,
  );

  await page.unroute(`${apy.url}/translate`);
  apy = await startApy(port);

  // One segment by its own retry control …
  const one = page.locator('[data-segment][data-state="error"]').first();
  const index = await one.getAttribute('data-segment');
  await one.getByRole('button', { name: '다시 시도' }).click();
  await expect(page.locator(`[data-segment="${index}"]`)).toHaveAttribute(
    'data-state',
    'translated',
  );
  // … and the rest at once.
  await page.getByRole('button', { name: '실패한 문단 다시 번역' }).click();
  await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(
    paragraphs.length,
  );
  await expect(segments(page).locator('.segment__target[lang="es"]')).toHaveCount(
    paragraphs.length,
  );
});

test('an engine that is down says so and reconnects on request', async ({ page, context }) => {
  await presetPreferences(context, {
    providerSettings: { apertium: { endpoint: `http://localhost:${port}` } },
  });
  await page.goto(
    `/?${new URLSearchParams({ text: 'The museum opens a new wing next spring.', to: 'es' }).toString()}`,
  );
  await expect(page.getByRole('alert')).toContainText(
    `번역 엔진(Apertium, http://localhost:${port})에 연결할 수 없습니다.`,
  );
  await expect(segments(page).first()).toHaveAttribute('data-state', 'pending');
  await expect(page.locator('.spinner')).toHaveCount(0);

  apy = await startApy(port);
  await page.getByRole('button', { name: '다시 연결' }).click();
  await expect(segments(page).first()).toHaveAttribute('data-state', 'translated');
});
