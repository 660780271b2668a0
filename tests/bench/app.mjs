// One measured run of the built app in Chromium: a fresh browser context (so the translation
// cache in IndexedDB is empty), the article given through the start page's file input, and
// timestamps taken inside the page, so the driver adds no work and no latency to what is measured.
// The browser is the bare one (bare-chromium.mjs): no DevTools domain that reports requests is
// on, so engine requests are counted from the page's own resource timings. A reload of the same
// tab afterwards checks that a reopened article costs no engine requests.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError } from '../../.ci/lib/system.mjs';
import { VIEWPORT } from './browser.mjs';
import { tempDir } from './setup.mjs';

const PREFERENCES_KEY = 'interlinear:preferences';

/**
 * Installed in every document before the app's own scripts. Records, in the page's clock
 * (performance.now()): when a file reached the file input (`change`, captured before React sees
 * it), when the first segment was rendered, when the first and the last segment became
 * translated; plus the engine requests' resource timings and the long tasks in between.
 * A MutationObserver only reads the records it is handed, so it adds next to nothing to the
 * main thread it is measuring.
 */
function installProbe({ total, preferencesKey, preferences }) {
  localStorage.setItem(preferencesKey, JSON.stringify(preferences));

  const probe = {
    given: null,
    rendered: null,
    first: null,
    last: null,
    translated: 0,
    segments: 0,
    documentTotal: null,
    requests: [],
    longTasks: [],
  };
  Object.defineProperty(window, '__interlinearBench', { value: probe });
  const translated = new Set();
  const rendered = new Set();

  const see = (element, now) => {
    // The document's own count (the status line), which also covers rows a long document does not
    // render: the run is complete when every paragraph is translated, rendered or not.
    const done = element.getAttribute('data-translated');
    if (done !== null) {
      probe.documentTotal = Number(element.getAttribute('data-total'));
      if (Number(done) >= total && Number(element.getAttribute('data-total')) === total)
        probe.last ??= now;
      return;
    }
    const id = element.getAttribute('data-segment');
    if (id === null) return;
    if (!rendered.has(id)) {
      rendered.add(id);
      probe.segments = rendered.size;
      probe.rendered ??= now;
    }
    if (element.getAttribute('data-state') !== 'translated' || translated.has(id)) return;
    translated.add(id);
    probe.translated = translated.size;
    probe.first ??= now;
    probe.translated = Math.max(probe.translated, translated.size);
  };

  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      if (record.type === 'attributes') {
        see(record.target, now);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        if (node.hasAttribute('data-segment') || node.hasAttribute('data-translated'))
          see(node, now);
        for (const inner of node.querySelectorAll('[data-segment], [data-translated]'))
          see(inner, now);
      }
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-state', 'data-segment', 'data-translated'],
  });

  window.addEventListener(
    'change',
    (event) => {
      if (event.target instanceof HTMLInputElement && event.target.type === 'file') {
        probe.given ??= performance.now();
      }
    },
    true,
  );

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!/\/translate(?:\?|$)/.test(entry.name)) continue;
      probe.requests.push({ start: entry.startTime, end: entry.responseEnd });
    }
  }).observe({ type: 'resource', buffered: true });

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Long-task timing is a diagnostic; its absence must not break the run.
  }
}

const readProbe = (page) => page.evaluate(() => structuredClone(window.__interlinearBench));

const isDone = () => window.__interlinearBench.last !== null;

/**
 * Resolves once the page has gone `quietMs` without a new resource finishing (the start page
 * loads its configuration, the engine's pairs and the samples list after it renders).
 */
function settled(quietMs) {
  return new Promise((done) => {
    let last = performance.now();
    const observer = new PerformanceObserver(() => {
      last = performance.now();
    });
    observer.observe({ type: 'resource' });
    const check = () => {
      if (document.readyState === 'complete' && performance.now() - last >= quietMs) {
        observer.disconnect();
        done(true);
      } else setTimeout(check, 50);
    };
    check();
  });
}

/** Writes the article where the file input can be given it (once for all of a part's runs). */
export function writeArticleFile(articleText) {
  const file = join(tempDir('interlinear-bench-article-'), 'article.txt');
  writeFileSync(file, articleText, 'utf8');
  return file;
}

/**
 * Opens the article in a fresh context and waits until every segment is translated; then reloads
 * the tab and counts engine requests for the reopen. Times are milliseconds from the file given.
 */
export async function runApp({
  browser,
  baseUrl,
  articleFile,
  total,
  preferences,
  timeoutMs = 120_000,
  reopen = true,
  beforeGive,
  afterDone,
}) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.addInitScript(installProbe, {
      total,
      preferencesKey: PREFERENCES_KEY,
      preferences,
    });
    await page.goto(baseUrl);
    const hasInput = await page.waitUntil(() => document.querySelector('input[type=file]'), null, {
      timeoutMs: 30_000,
    });
    if (!hasInput) throw new SetupError('The start page shows no file input.');
    // Let the start page finish its own loading (config, engine pairs, samples) first: a reader
    // choosing a file takes longer than that.
    await page.evaluate(settled, 500);
    await beforeGive?.(page);

    await page.setInputFiles('input[type=file]', articleFile);
    if (!(await page.waitUntil(isDone, null, { timeoutMs }))) {
      const probe = await readProbe(page).catch(() => null);
      // A plain message: the stack of a timeout says nothing about why the app stalled.
      throw new SetupError(
        `Not all ${total} segments were translated within ${timeoutMs / 1000} s ` +
          `(${probe?.translated ?? '?'} translated, ${probe?.segments ?? '?'} rendered).`,
      );
    }
    await afterDone?.(page);
    const probe = await readProbe(page);
    // Long documents render only the rows near the viewport: compare those, by their index.
    const sources = await page.evaluate(() =>
      [...document.querySelectorAll('[data-segment]')].map((node) => ({
        index: Number(node.getAttribute('data-segment')),
        text: node.querySelector('.segment__source')?.textContent?.trim() ?? '',
      })),
    );
    const given = probe.given ?? 0;
    const relative = (t) => (t === null ? null : t - given);
    const result = {
      firstMs: relative(probe.first),
      totalMs: relative(probe.last),
      renderedMs: relative(probe.rendered),
      segments: probe.documentTotal ?? probe.segments,
      renderedSegments: probe.segments,
      requests: probe.requests.length,
      timeline: probe.requests
        .map((r) => ({ sentMs: relative(r.start), doneMs: relative(r.end) }))
        .sort((a, b) => a.sentMs - b.sentMs),
      longTasks: probe.longTasks
        .filter((task) => task.start >= given && task.start <= probe.last)
        .map((task) => ({ startMs: relative(task.start), durationMs: task.duration })),
      sources,
      reopen: null,
    };

    if (reopen) {
      const reloadStarted = Date.now();
      await page.reload();
      const reopenTimeoutMs = Math.max(60_000, timeoutMs / 2);
      if (!(await page.waitUntil(isDone, null, { timeoutMs: reopenTimeoutMs }))) {
        throw new SetupError(
          `The reopened article was not all translated within ${reopenTimeoutMs / 1000} s.`,
        );
      }
      const allTranslatedMs = (await readProbe(page)).last;
      // Anything the app would still send would leave right after the reader settles.
      await new Promise((done) => setTimeout(done, 500));
      const reopened = await readProbe(page);
      result.reopen = {
        requests: reopened.requests.length,
        allTranslatedMs,
        wallMs: Date.now() - reloadStarted,
      };
    }
    return result;
  } finally {
    await page.close();
  }
}
