// One measured run of the built app in Chromium: a fresh browser context (so the translation
// cache in IndexedDB is empty), the article given through the start page's file input, and
// timestamps taken inside the page, so Playwright's polling costs the app nothing and adds no
// latency to what is measured. A reload of the same tab afterwards checks that a reopened article
// costs no engine requests.

import { SetupError } from '../../.ci/lib/system.mjs';

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

/** Counts (and describes) the page's requests to APy's /translate. */
function watchEngineRequests(page, apyUrl) {
  const target = `${apyUrl.replace(/\/+$/, '')}/translate`;
  const seen = [];
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().startsWith(target)) return;
    const q = new URLSearchParams(request.postData() ?? '').get('q') ?? '';
    seen.push({ texts: (q.match(/<p>/g) ?? []).length, bytes: q.length });
  });
  return seen;
}

/**
 * Opens the article in a fresh context and waits until every segment is translated; then reloads
 * the tab and counts engine requests for the reopen. Times are milliseconds from the file given.
 */
export async function runApp({
  browser,
  baseUrl,
  apyUrl,
  articleText,
  total,
  preferences,
  timeoutMs = 120_000,
  reopen = true,
  beforeGive,
  afterDone,
}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(installProbe, {
      total,
      preferencesKey: PREFERENCES_KEY,
      preferences,
    });
    const page = await context.newPage();
    const engineRequests = watchEngineRequests(page, apyUrl);
    await page.goto(baseUrl);
    const input = page.locator('input[type=file]');
    await input.waitFor({ state: 'attached', timeout: 30_000 });
    // Let the start page finish its own loading (config, engine pairs, samples) first: a reader
    // choosing a file takes longer than that.
    await page.waitForLoadState('networkidle');
    await beforeGive?.(page);

    await input.setInputFiles({
      name: 'article.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(articleText, 'utf8'),
    });
    await page
      .waitForFunction(() => window.__interlinearBench.last !== null, null, {
        polling: 100,
        timeout: timeoutMs,
      })
      .catch(async (error) => {
        const probe = await readProbe(page).catch(() => null);
        // A plain message: the stack of a timeout says nothing about why the app stalled.
        throw new SetupError(
          `Not all ${total} segments were translated within ${timeoutMs / 1000} s ` +
            `(${probe?.translated ?? '?'} translated, ${probe?.segments ?? '?'} rendered).`,
          { cause: error },
        );
      });
    await afterDone?.(page);
    const probe = await readProbe(page);
    // Long documents render only the rows near the viewport: compare those, by their index.
    const sources = await page.$$eval('[data-segment]', (nodes) =>
      nodes.map((node) => ({
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
      requests: engineRequests.length,
      requestSizes: engineRequests,
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
      const before = engineRequests.length;
      const reloadStarted = Date.now();
      await page.reload();
      await page.waitForFunction(() => window.__interlinearBench.last !== null, null, {
        polling: 100,
        timeout: Math.max(60_000, timeoutMs / 2),
      });
      const reopened = await readProbe(page);
      // Anything the app would still send would leave right after the reader settles.
      await page.waitForTimeout(500);
      result.reopen = {
        requests: engineRequests.length - before,
        allTranslatedMs: reopened.last,
        wallMs: Date.now() - reloadStarted,
      };
    }
    return result;
  } finally {
    await context.close();
  }
}
