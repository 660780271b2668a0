/**
 * Shared pieces for the end-to-end specs: fixture paths, a private APy server a test may stop and
 * start, and the reader's stored preferences.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

export const fixtures = join(import.meta.dirname, '../fixtures');
const DEFAULT_APY_URL = 'http://localhost:2737';
export const apyUrl = process.env.APY_URL ?? DEFAULT_APY_URL;

export function fixtureText(relative: string): string {
  return readFileSync(join(fixtures, relative), 'utf8');
}

let presetCount = 0;

/**
 * Presets the reader's stored choices, as a returning reader would have them. Applied once per
 * tab (a reload keeps whatever the test changed since), merged into what is already stored.
 */
export async function presetPreferences(
  context: BrowserContext,
  state: Record<string, unknown>,
): Promise<void> {
  const marker = `interlinear-test-preset-${presetCount++}`;
  await context.addInitScript(
    ({ value, marker }) => {
      // about:blank (a new page before its first navigation) has no storage of its own.
      if (location.protocol === 'about:') return;
      if (sessionStorage.getItem(marker)) return;
      sessionStorage.setItem(marker, '1');
      const key = 'interlinear:preferences';
      const stored = JSON.parse(localStorage.getItem(key) ?? '{"state":{},"version":1}') as {
        state: Record<string, unknown>;
      };
      const providerSettings = {
        ...(stored.state.providerSettings as object | undefined),
        ...(value.providerSettings as object | undefined),
      };
      localStorage.setItem(
        key,
        JSON.stringify({ state: { ...stored.state, ...value, providerSettings }, version: 1 }),
      );
    },
    { value: state, marker },
  );
}

/**
 * The specs' `test`: when `npm test` runs against an APy somewhere other than the app's
 * config.json default, every page starts with that engine address in its settings.
 */
export const test = base.extend<{ engineAddress: undefined }>({
  engineAddress: [
    async ({ context }, use) => {
      if (apyUrl !== DEFAULT_APY_URL) {
        await presetPreferences(context, { providerSettings: { apertium: { endpoint: apyUrl } } });
      }
      await use(undefined);
    },
    { auto: true },
  ],
});

export { expect };

export interface ApyServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts a private APy on `port`, for tests that take the engine away mid-translation. */
export async function startApy(port: number): Promise<ApyServer> {
  const child: ChildProcess = spawn(
    'apertium-apy',
    ['-p', String(port), '/usr/share/apertium/modes'],
    {
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
      stdio: 'ignore',
      detached: true,
    },
  );
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/listPairs`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`apertium-apy exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('apertium-apy did not start within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // APy starts a pair's pipeline on its first request; start it now so tests time the app, not that.
  await fetch(`${url}/translate`, {
    method: 'POST',
    body: new URLSearchParams({ langpair: 'eng|spa', q: 'warm up' }),
  });
  let stopping: Promise<void> | null = null;
  return {
    url,
    stop: () => {
      stopping ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          resolve();
        }
      });
      return stopping;
    },
  };
}

/** Every segment element of the open article. */
export const segments = (page: Page) => page.locator('[data-segment]');

/**
 * With the reader in the middle of a long (windowed) document, content above the list changes
 * height — here the progress line gains and then loses 31 px, as it does when its text wraps
 * anew or the "complete" line replaces the translating one: the rows on screen stay put.
 */
export async function expectRowsStillWhenAboveChanges(page: Page): Promise<void> {
  const probe = () =>
    page.evaluate(() => {
      const row = [...document.querySelectorAll<HTMLElement>('[data-segment]')].find(
        (element) => element.getBoundingClientRect().top > 100,
      );
      return row
        ? { index: row.dataset.segment ?? '', top: row.getBoundingClientRect().top }
        : null;
    });
  const topOf = (index: string) =>
    page.evaluate(
      (index) =>
        document.querySelector(`[data-segment="${index}"]`)?.getBoundingClientRect().top ?? null,
      index,
    );
  const before = await probe();
  expect(before).not.toBeNull();
  for (const padding of ['31px', '']) {
    await page.evaluate((padding) => {
      (document.querySelector('.status-line') as HTMLElement).style.paddingTop = padding;
    }, padding);
    // The correction lands before the next frame is painted; give a frame or two.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    expect(
      await topOf(before!.index),
      `row ${before!.index}, progress line ${padding || 'back'}`,
    ).toBeCloseTo(before!.top, 0);
  }
}
