// Chromium for the bench, always Debian's /usr/bin/chromium with the same flags as the e2e
// configuration: a Playwright-driven browser for the in-page measurements, and a bare one with a
// DevTools port for Lighthouse. Both are stopped by the bench's clean-up, interrupts included.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SetupError,
  findFreePort,
  spawnGroup,
  stopGroup,
  waitForHttp,
} from '../../.ci/lib/system.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The viewport every in-page measurement uses (a laptop screen). */
export const VIEWPORT = { width: 1280, height: 900 };

export async function launchBrowser() {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    // The bench's own handlers close the browser along with everything else; Playwright's would
    // exit the process before the preview server, APy and temporary files are cleaned up.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/**
 * A headless Chromium listening for DevTools on a free port, with a throwaway profile. `stop()`
 * ends its whole process group and removes the profile.
 */
export async function launchDebuggableChromium({ firstPort = 9322 } = {}) {
  const port = await findFreePort(firstPort);
  const profile = mkdtempSync(join(tmpdir(), 'interlinear-bench-chromium-'));
  const child = spawnGroup(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      '--headless=new',
      `--remote-debugging-port=${port}`,
      '--remote-debugging-address=127.0.0.1',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  );
  let stopping = null;
  const stop = () =>
    (stopping ??= stopGroup(child, { graceMs: 3000 }).finally(() =>
      rmSync(profile, { recursive: true, force: true }),
    ));
  const up = await waitForHttp(`http://127.0.0.1:${port}/json/version`, 30_000, {
    stillHopeful: () => child.exitCode === null && child.signalCode === null,
  });
  if (!up) {
    await stop();
    throw new SetupError(`Chromium did not open its DevTools port ${port}.`);
  }
  return { port, stop };
}
