// Renders the app icons (public/icons/*.png) from the same drawing as favicon.svg, in headless
// Chromium: `node .ci/make-icons.mjs`. The maskable icon keeps the lines inside the central 80 %
// safe zone that launchers may crop to a circle.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const root = join(import.meta.dirname, '..', 'public', 'icons');
mkdirSync(root, { recursive: true });

const lines = (scale, offset) =>
  `<g transform="translate(${offset} ${offset}) scale(${scale})">` +
  '<path d="M14 20h36M14 30h24M14 40h36M14 50h20" stroke="#fff" stroke-width="4" stroke-linecap="round"/>' +
  '<path d="M14 25h30M14 45h26" stroke="#9cc3e6" stroke-width="2" stroke-linecap="round"/></g>';

const icons = [
  {
    file: 'icon-192.png',
    size: 192,
    svg: `<rect width="64" height="64" rx="12" fill="#1f4e79"/>${lines(1, 0)}`,
  },
  {
    file: 'icon-512.png',
    size: 512,
    svg: `<rect width="64" height="64" rx="12" fill="#1f4e79"/>${lines(1, 0)}`,
  },
  // Full bleed, drawing shrunk to the safe zone.
  {
    file: 'maskable-512.png',
    size: 512,
    svg: `<rect width="64" height="64" fill="#1f4e79"/>${lines(0.7, 9.6)}`,
  },
  {
    file: 'apple-touch-icon-180.png',
    size: 180,
    svg: `<rect width="64" height="64" fill="#1f4e79"/>${lines(0.8, 6.4)}`,
  },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const { file, size, svg } of icons) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="${size}" height="${size}">${svg}</svg></body></html>`,
  );
  await page.screenshot({ path: join(root, file), omitBackground: true });
}
await browser.close();
console.log(`Icons written to ${root}`);
