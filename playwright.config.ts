// End-to-end tests run against the production build (`vite preview` of dist/) in Debian's
// Chromium; Playwright's own browser downloads are never used. `npm test` builds dist/ and makes
// sure an APy server is answering before it runs these.
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4317);
const baseURL = `http://127.0.0.1:${port}/`;

// Tests read the engine URL from here; Playwright's workers inherit this environment.
process.env.APY_URL ??= 'http://localhost:2737';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Two cores: more workers only fight over them.
  workers: 2,
  // A flaky test gets fixed, not retried.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  // Two cores shared by two workers, their browsers and the engine: give assertions room.
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    // Specs that stand in for config.json or an engine with page.route need the page's own
    // requests: a service worker would fetch past the route. pwa.spec.ts lets it run.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    // The local binary rather than npx: nothing may be fetched from the network here.
    // Articles arrive as `?text=…` in the address: allow long ones, as `npm start` does.
    command: `node --max-http-header-size=4194304 node_modules/.bin/vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
