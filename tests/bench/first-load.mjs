// Initial JavaScript (GUIDE §4: ≤ 110 kB gzip): every script the start page loads, with no
// interaction, until the network has been idle for a while (the entry, its modulepreloads and
// whatever the app imports on its own at startup), each body gzipped at level 9 and summed, in
// kB of 1,000 bytes as Vite prints them. Fresh context, HTTP cache off, service workers blocked,
// so nothing is served from a previous visit. The reader route (a short article with a target
// language) is measured the same way, as information, and the largest chunks are broken down by
// source through their source maps.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { log } from '../../.ci/lib/system.mjs';
import { generateArticle } from './article.mjs';
import { VIEWPORT } from './browser.mjs';
import { kB, row } from './report.mjs';
import { PREFERENCES_KEY, readerPreferences } from './setup.mjs';
import { breakDownChunk } from './source-map.mjs';

export const INITIAL_JS_BUDGET = 110_000;

/** Quiet this long after Playwright's networkidle before the page counts as settled. */
const SETTLE_MS = 1500;

function isJavaScript(response) {
  const type = response.headers()['content-type'] ?? '';
  return (
    /javascript|ecmascript/.test(type) || /\.m?js(\?|$)/.test(new URL(response.url()).pathname)
  );
}

/**
 * Opens `url` and returns every JavaScript response the page received until the network was
 * idle and no new script had arrived for SETTLE_MS.
 */
async function collectScripts(browser, url, { preferences = null, ready = null } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  try {
    if (preferences) {
      await context.addInitScript(
        ({ key, value }) => localStorage.setItem(key, JSON.stringify(value)),
        { key: PREFERENCES_KEY, value: preferences },
      );
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const pending = [];
    let lastScriptAt = Date.now();
    page.on('response', (response) => {
      if (!isJavaScript(response) || response.status() !== 200) return;
      lastScriptAt = Date.now();
      pending.push(
        response
          .body()
          .then((body) => ({ url: response.url(), body }))
          .catch(() => null),
      );
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    if (ready) await page.waitForSelector(ready, { timeout: 30_000 });
    while (Date.now() - lastScriptAt < SETTLE_MS) {
      await page.waitForTimeout(250);
      await page.waitForLoadState('networkidle');
    }
    const scripts = (await Promise.all(pending)).filter(Boolean);
    return scripts.map(({ url: scriptUrl, body }) => ({
      file: new URL(scriptUrl).pathname.replace(/^\//, ''),
      bytes: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
    }));
  } finally {
    await context.close();
  }
}

const total = (files) => files.reduce((sum, file) => sum + file.gzip, 0);

export async function measureFirstLoad(env) {
  const { url: baseUrl, distDir } = await env.preview();
  const browser = await env.browser();

  const start = (await collectScripts(browser, baseUrl)).sort((a, b) => b.gzip - a.gzip);
  const startGzip = total(start);
  log(`first-load: start page ${start.length} scripts, ${kB(startGzip)} gzip`);

  const article = generateArticle({ paragraphs: 6, seed: 7 });
  const readerUrl = `${baseUrl}?${new URLSearchParams({
    text: article.text,
    to: 'es',
  })}`;
  // The reader route translates: it needs the engine, and its address if not the default.
  const apyUrl = await env.apy();
  const reader = (
    await collectScripts(browser, readerUrl, {
      preferences: readerPreferences({ apyUrl, targetLanguage: null, view: 'bilingual' }),
      // The route has done its work when a segment is translated.
      ready: '[data-segment][data-state=translated]',
    })
  ).sort((a, b) => b.gzip - a.gzip);
  const readerGzip = total(reader);
  log(`first-load: reader route ${reader.length} scripts, ${kB(readerGzip)} gzip`);

  // The chunks that weigh most on either route, broken down by where their code came from.
  const largest = [...new Map([...start, ...reader].map((file) => [file.file, file])).values()]
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 3);
  const breakdown = largest.map((file) => {
    const path = join(distDir, file.file);
    const code = existsSync(path) ? readFileSync(path, 'utf8') : null;
    const parts = code ? breakDownChunk(code, `${path}.map`) : null;
    return { file: file.file, gzip: file.gzip, bytes: file.bytes, parts };
  });

  const startFiles = new Set(start.map((file) => file.file));
  const notes = [
    `first-load — start page scripts (gzip level 9): ${start.map((f) => `${f.file.replace(/^assets\//, '')} ${kB(f.gzip)}`).join(', ')}`,
    `  reader route adds: ${
      reader
        .filter((f) => !startFiles.has(f.file))
        .map((f) => `${f.file.replace(/^assets\//, '')} ${kB(f.gzip)}`)
        .join(', ') || 'nothing'
    }`,
    ...breakdown.flatMap(({ file, gzip, bytes, parts }) => [
      `  ${file}: ${kB(bytes)} raw, ${kB(gzip)} gzip${parts ? ', by source (raw / gzip alone):' : ' (no source map)'}`,
      ...(parts ?? [])
        .slice(0, 10)
        .map((p) => `    ${kB(p.bytes).padStart(9)} ${kB(p.gzipAlone).padStart(9)}  ${p.group}`),
    ]),
  ];

  return {
    rows: [
      row(
        'initial JS, start page (gzip)',
        `${kB(startGzip)} in ${start.length} files`,
        `≤ ${kB(INITIAL_JS_BUDGET)}`,
        startGzip <= INITIAL_JS_BUDGET,
      ),
      row('JS, reader route (gzip)', `${kB(readerGzip)} in ${reader.length} files`, 'info'),
      row(
        'largest chunk (gzip)',
        largest[0] ? `${kB(largest[0].gzip)} ${largest[0].file.replace(/^assets\//, '')}` : '—',
        'info',
      ),
    ],
    notes,
    json: {
      budgetBytes: INITIAL_JS_BUDGET,
      start: { gzipBytes: startGzip, files: start },
      reader: { gzipBytes: readerGzip, files: reader, article: { paragraphs: 6 } },
      largest: breakdown.map(({ file, gzip, bytes, parts }) => ({
        file,
        gzip,
        bytes,
        bySource: parts?.slice(0, 25) ?? null,
      })),
    },
  };
}
