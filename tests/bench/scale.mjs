// A 10,000-paragraph document (GUIDE §4: stays responsive, virtualized list, bounded DOM).
//
// 1. Time to readable: the generated document is given to the start page's file input in a fresh
//    context and timed inside the page, from the input's `change` to the frame after the article's
//    h1 and first body segment are in the DOM with their text (budget ≤ 1.5 s). With no target
//    language (original view), and in the bilingual view with Spanish as the target.
// 2. Scrolling: the document is translated through APy once, then each view (original,
//    translation, bilingual, review) is opened fresh and scrolled from top to bottom by
//    `window.scrollBy` steps, one per frame, as a fast reader's flick would. Sampled meanwhile:
//    the DOM's element count (in the page) and the JS heap (CDP Runtime.getHeapUsage, from Node);
//    long tasks come from a buffered PerformanceObserver. Budgets: < 3,000 elements, < 200 MB heap,
//    no long task over 200 ms.

import { SetupError, log, warn } from '../../.ci/lib/system.mjs';
import { generateArticle } from './article.mjs';
import { VIEWPORT } from './browser.mjs';
import { count, median, ms, row } from './report.mjs';
import { PREFERENCES_KEY, readerPreferences } from './setup.mjs';

export const BUDGETS = { readableMs: 1500, elements: 3000, heapBytes: 200e6, longTaskMs: 200 };

/**
 * Installed before the app's scripts. Notes when a file reaches the file input (`change`, in
 * the capture phase, before React sees it) and when the article becomes readable: an h1 and a
 * body segment with text in the DOM, then the next frame's paint. Keeps every long task.
 */
function installOpenProbe({ preferencesKey, preferences }) {
  // Once per context: later pages of a kept context choose their own view.
  const marker = 'interlinear-bench:preferences-given';
  if (preferences && localStorage.getItem(marker) === null) {
    localStorage.setItem(preferencesKey, JSON.stringify(preferences));
    localStorage.setItem(marker, '1');
  }
  const probe = { given: null, inDom: null, painted: null, title: null, longTasks: [] };
  Object.defineProperty(window, '__benchOpen', { value: probe });

  const readable = () => {
    const segment = document.querySelector('[data-segment]');
    const heading = document.querySelector('h1');
    return Boolean(segment?.textContent?.trim()) && Boolean(heading?.textContent?.trim());
  };
  const observer = new MutationObserver(() => {
    if (!readable()) return;
    observer.disconnect();
    probe.inDom = performance.now();
    probe.title = document.querySelector('h1')?.textContent?.trim() ?? null;
    // The frame that shows the rows runs its rAF callbacks, then paints; a task queued from the
    // callback runs after that paint.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        probe.painted = performance.now();
      };
      channel.port2.postMessage(null);
    });
  });

  window.addEventListener(
    'change',
    (event) => {
      if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'file') return;
      if (probe.given !== null) return;
      probe.given = performance.now();
      observer.observe(document, { subtree: true, childList: true, characterData: true });
    },
    true,
  );
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

const summarizeTasks = (tasks) => ({
  count: tasks.length,
  maxMs: tasks.reduce((max, task) => Math.max(max, task.duration), 0),
  totalMs: tasks.reduce((sum, task) => sum + task.duration, 0),
});

/**
 * Gives `text` to the start page's file input in a fresh context and waits until the article is
 * readable. Resolves with the time from the file given to the painted frame; with `keep`, the
 * context and page stay open for the caller (who closes the context).
 */
export async function openUntilReadable({
  browser,
  baseUrl,
  fileName,
  text,
  preferences,
  timeoutMs = 60_000,
  keep = false,
}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(installOpenProbe, {
      preferencesKey: PREFERENCES_KEY,
      preferences,
    });
    const page = await context.newPage();
    await page.goto(baseUrl);
    const input = page.locator('input[type=file]');
    await input.waitFor({ state: 'attached', timeout: 30_000 });
    // A reader choosing a file takes longer than the start page takes to settle.
    await page.waitForLoadState('networkidle');
    await input.setInputFiles({
      name: fileName,
      mimeType: 'text/plain',
      buffer: Buffer.from(text, 'utf8'),
    });
    await page
      .waitForFunction(() => window.__benchOpen.painted !== null, null, {
        polling: 100,
        timeout: timeoutMs,
      })
      .catch(async (error) => {
        const problem = await page
          .locator('[role=alert]')
          .first()
          .textContent({ timeout: 1000 })
          .catch(() => null);
        throw new SetupError(
          `The article was not readable within ${timeoutMs / 1000} s` +
            (problem ? ` (the page says: ${problem.trim()})` : ''),
          { cause: error },
        );
      });
    const probe = await page.evaluate(() => structuredClone(window.__benchOpen));
    const state = await page.evaluate(() => ({
      rows: document.querySelectorAll('[data-segment]').length,
      elements: document.getElementsByTagName('*').length,
    }));
    const tasks = probe.longTasks.filter(
      (task) => task.start + task.duration >= probe.given && task.start <= probe.painted,
    );
    const result = {
      readableMs: probe.painted - probe.given,
      inDomMs: probe.inDom - probe.given,
      title: probe.title,
      ...state,
      longTasks: summarizeTasks(tasks),
    };
    if (keep) return { ...result, context, page };
    await context.close();
    return result;
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * Installed before the app's scripts on each view's page: the view to show, no remembered
 * reading position (the scroll starts at the top), and a record of long tasks.
 */
function installViewProbe({ preferencesKey, view }) {
  const stored = JSON.parse(localStorage.getItem(preferencesKey) ?? '{"state":{},"version":1}');
  stored.state.view = view;
  localStorage.setItem(preferencesKey, JSON.stringify(stored));
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('interlinear:position:')) localStorage.removeItem(key);
  }
  const longTasks = [];
  Object.defineProperty(window, '__benchLongTasks', { value: longTasks });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // as above
  }
}

/**
 * Runs in the page: scrolls by `step` pixels a frame until the bottom stays reached (a
 * virtualized list may grow as rows are measured) or `limitMs` is up. Samples the element count
 * every `sampleMs`.
 */
async function scrollThrough({ step, limitMs, sampleMs }) {
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  window.scrollTo(0, 0);
  await frame();
  await frame();
  const root = document.documentElement;
  const samples = [];
  const started = performance.now();
  let lastSample = -Infinity;
  let steps = 0;
  let stillAtBottom = 0;
  let reachedBottom = false;
  const sample = (now) => {
    samples.push({
      t: now - started,
      y: window.scrollY,
      elements: document.getElementsByTagName('*').length,
    });
    lastSample = now;
  };
  sample(started);
  while (performance.now() - started < limitMs) {
    window.scrollBy(0, step);
    await frame();
    steps++;
    const now = performance.now();
    if (now - lastSample >= sampleMs) sample(now);
    const atBottom = window.scrollY + window.innerHeight >= root.scrollHeight - 2;
    if (atBottom) {
      reachedBottom = true;
      if (++stillAtBottom >= 10) break;
    } else {
      stillAtBottom = 0;
    }
  }
  const ended = performance.now();
  sample(ended);
  return {
    started,
    ended,
    steps,
    reachedBottom,
    scrollHeight: root.scrollHeight,
    finalY: window.scrollY,
    samples,
  };
}

/**
 * Runs in the page: resolves once the page has settled, i.e. frames come at least every 100 ms
 * and the element count has not changed for a second (a view that renders its rows a slice at a
 * time, or checks every row after opening, is still working before that). Gives up after
 * `limitMs`; resolves with how long it waited and whether it settled.
 */
async function settle({ limitMs }) {
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  const started = performance.now();
  let elements = -1;
  let stableSince = performance.now();
  while (performance.now() - started < limitMs) {
    const before = performance.now();
    await frame();
    const now = performance.now();
    const count = document.getElementsByTagName('*').length;
    if (count !== elements || now - before > 100) {
      elements = count;
      stableSince = now;
    } else if (now - stableSince >= 1000) {
      return { waitedMs: now - started, settled: true };
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  return { waitedMs: performance.now() - started, settled: false };
}

/**
 * A page whose main thread is stuck never runs an evaluated function's own time limit; this
 * one is kept from Node.
 */
function withDeadline(promise, timeoutMs, message) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new SetupError(`${message} (${timeoutMs / 1000} s)`)),
      timeoutMs,
    );
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Polls the page's JS heap through CDP until `until` settles; resolves with the samples. */
async function sampleHeap(cdp, until, everyMs = 200) {
  const samples = [];
  let done = false;
  until.finally(() => {
    done = true;
  });
  while (!done) {
    const { usedSize } = await cdp.send('Runtime.getHeapUsage').catch(() => ({}));
    if (typeof usedSize === 'number') samples.push(usedSize);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return samples;
}

/**
 * What can still be read from a page that did not get ready in time: its element count and JS
 * heap, each given a few seconds (a renderer stuck in one long task answers neither).
 */
async function snapshot(page, cdp) {
  const elements = await withDeadline(
    page.evaluate(() => document.getElementsByTagName('*').length),
    5_000,
    'no answer',
  ).catch(() => null);
  const heap = await withDeadline(cdp.send('Runtime.getHeapUsage'), 5_000, 'no answer').catch(
    () => null,
  );
  return { elements, heapBytes: heap?.usedSize ?? null };
}

/**
 * Opens the saved article `docId` in `view` on a new page of `context`, waits until it is ready
 * (first rows shown, then settled) within `opts.viewTimeoutMs`, and scrolls it. A view that is
 * not ready in time is reported with what it had built so far, and not scrolled.
 */
async function scrollView({ context, baseUrl, docId, view, opts }) {
  const page = await context.newPage();
  try {
    await page.addInitScript(installViewProbe, { preferencesKey: PREFERENCES_KEY, view });
    const cdp = await context.newCDPSession(page);
    const opened = Date.now();
    const left = () => Math.max(1000, opened + opts.viewTimeoutMs - Date.now());
    const progress = { firstRowsMs: null };
    // Playwright's own timeouts wait for a busy renderer to answer before they give up, so the
    // whole opening is also held to a deadline kept in Node.
    const open = async () => {
      await page.goto(`${baseUrl}?doc=${encodeURIComponent(docId)}`, { timeout: left() });
      await page.waitForFunction(
        () =>
          Boolean(document.querySelector('[data-segment]')?.textContent?.trim()) &&
          Boolean(document.querySelector('h1')?.textContent?.trim()),
        null,
        { polling: 100, timeout: left() },
      );
      progress.firstRowsMs = Date.now() - opened;
      await page.waitForLoadState('networkidle', { timeout: left() });
      return page.evaluate(settle, { limitMs: left() });
    };
    const settled = await withDeadline(
      open(),
      opts.viewTimeoutMs + 5_000,
      'not ready in time',
    ).catch((error) => ({ settled: false, error: error.message.split('\n')[0] }));
    const { firstRowsMs } = progress;
    if (!settled.settled) {
      const state = await snapshot(page, cdp);
      const waited = Date.now() - opened;
      warn(
        `scale: the ${view} view was not ready after ${ms(waited)} ` +
          `(first rows ${firstRowsMs === null ? 'not shown' : `after ${ms(firstRowsMs)}`}; ` +
          `${count(state.elements)} elements, heap ${state.heapBytes === null ? '—' : `${(state.heapBytes / 1e6).toFixed(0)} MB`}); not scrolled.`,
      );
      return {
        view,
        notReady: true,
        firstRowsMs,
        waitedMs: waited,
        ...state,
        detail: settled.error,
      };
    }
    const openWallMs = Date.now() - opened;
    const atRest = await page.evaluate(() => document.getElementsByTagName('*').length);
    const scrolling = withDeadline(
      page.evaluate(scrollThrough, {
        step: opts.scrollStep,
        limitMs: opts.scrollLimitMs,
        sampleMs: 100,
      }),
      opts.scrollLimitMs + 60_000,
      `the ${view} view stopped answering while scrolling`,
    );
    const [scroll, heap] = await Promise.all([scrolling, sampleHeap(cdp, scrolling)]);
    const longTasks = (await page.evaluate(() => window.__benchLongTasks)).filter(
      (task) => task.start + task.duration >= scroll.started && task.start <= scroll.ended,
    );
    const result = {
      view,
      firstRowsMs,
      openWallMs,
      settled: settled.settled,
      elementsAtRest: atRest,
      maxElements: Math.max(...scroll.samples.map((s) => s.elements)),
      maxHeapBytes: heap.length ? Math.max(...heap) : null,
      heapSamples: heap.length,
      longTasks: summarizeTasks(longTasks),
      longestTasks: longTasks
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 5)
        .map((task) => ({ startMs: task.start - scroll.started, durationMs: task.duration })),
      scrollMs: scroll.ended - scroll.started,
      steps: scroll.steps,
      stepPx: opts.scrollStep,
      reachedBottom: scroll.reachedBottom,
      scrollHeight: scroll.scrollHeight,
      finalY: scroll.finalY,
      elementSamples: scroll.samples.map((s) => [Math.round(s.t), Math.round(s.y), s.elements]),
    };
    log(
      `scale: ${view} view — first rows after ${ms(firstRowsMs)}, settled after ${ms(openWallMs)}; scrolled ${Math.round(scroll.finalY).toLocaleString('en')} px ` +
        `in ${ms(result.scrollMs)} (${scroll.steps} steps${scroll.reachedBottom ? '' : ', bottom NOT reached'}); ` +
        `max ${count(result.maxElements)} elements, heap ${(result.maxHeapBytes / 1e6).toFixed(0)} MB, ` +
        `${result.longTasks.count} long tasks (max ${ms(result.longTasks.maxMs)})`,
    );
    return result;
  } finally {
    await withDeadline(page.close(), 30_000, 'page not closed').catch(() => {});
  }
}

/** Waits until the document's status line counts every paragraph translated. */
async function waitTranslated(page, total, timeoutMs) {
  await page.waitForFunction(
    (expected) => {
      const status = document.querySelector('[data-translated]');
      return (
        status !== null &&
        Number(status.getAttribute('data-total')) === expected &&
        Number(status.getAttribute('data-translated')) >= expected
      );
    },
    total,
    { polling: 500, timeout: timeoutMs },
  );
}

export async function measureScale(env) {
  const { opts } = env;
  const { url: baseUrl } = await env.preview();
  const browser = await env.browser();
  const apyUrl = await env.apy();
  const article = generateArticle({ paragraphs: opts.scaleParagraphs, seed: opts.seed });
  const paragraphs = article.paragraphs.length;
  log(
    `scale: ${paragraphs.toLocaleString('en')} paragraphs, ${(article.text.length / 1e6).toFixed(2)} MB; ` +
      `${opts.openRuns} open(s) per view`,
  );

  // 1. Time to readable.
  const openViews = [
    { id: 'original', targetLanguage: null, view: 'original' },
    { id: 'bilingual', targetLanguage: 'es', view: 'bilingual' },
  ];
  const opens = {};
  for (const { id, targetLanguage, view } of openViews) {
    opens[id] = [];
    for (let i = 0; i < opts.openRuns; i++) {
      const result = await openUntilReadable({
        browser,
        baseUrl,
        fileName: 'long-document.txt',
        text: article.text,
        preferences: readerPreferences({ apyUrl, targetLanguage, view }),
      });
      if (result.title !== article.title) {
        warn(`scale: the h1 reads "${result.title}", not the document's title.`);
      }
      opens[id].push(result);
      log(
        `scale: open ${i + 1}/${opts.openRuns} (${id}) readable after ${ms(result.readableMs)} ` +
          `(${result.rows} rows, ${count(result.elements)} elements, longest task ${ms(result.longTasks.maxMs)})`,
      );
    }
  }
  const readable = Object.fromEntries(
    Object.entries(opens).map(([id, runs]) => [id, median(runs.map((r) => r.readableMs))]),
  );

  // 2. Translate once, then scroll each view.
  const views = [];
  const translateStarted = Date.now();
  const opened = await openUntilReadable({
    browser,
    baseUrl,
    fileName: 'long-document.txt',
    text: article.text,
    preferences: readerPreferences({ apyUrl, targetLanguage: 'es', view: 'bilingual' }),
    keep: true,
  });
  let translatedMs = null;
  try {
    await waitTranslated(opened.page, paragraphs, Math.max(120_000, paragraphs * 30));
    translatedMs = Date.now() - translateStarted;
    log(`scale: document translated through APy in ${ms(translatedMs)}`);
    const docId = new URL(opened.page.url()).searchParams.get('doc');
    if (!docId) throw new SetupError('The reader did not put the article in its address.');
    await opened.page.close();
    for (const view of opts.views) {
      views.push(
        await scrollView({ context: opened.context, baseUrl, docId, view, opts }).catch((error) => {
          warn(`scale: ${view} view failed: ${error.message}`);
          return { view, error: error.message };
        }),
      );
    }
  } finally {
    await withDeadline(opened.context.close(), 30_000, 'context not closed').catch(() => {});
  }

  const rows = [
    row(
      `open ${paragraphs.toLocaleString('en')} paragraphs → readable, original`,
      ms(readable.original),
      `≤ ${ms(BUDGETS.readableMs)}`,
      readable.original <= BUDGETS.readableMs,
    ),
    row('open → readable, bilingual view (es)', ms(readable.bilingual), 'info'),
  ];
  for (const v of views) {
    if (v.error) {
      rows.push(row(`scroll, ${v.view} view`, 'failed', '', false));
      continue;
    }
    if (v.notReady) {
      rows.push(
        row(
          `${v.view}: not ready to scroll after`,
          ms(v.waitedMs),
          v.firstRowsMs === null
            ? 'no rows shown by then'
            : `first rows after ${ms(v.firstRowsMs)}`,
          false,
        ),
        row(
          `${v.view}: DOM elements by then`,
          v.elements === null ? 'no answer (page busy)' : count(v.elements),
          `< ${count(BUDGETS.elements)}`,
          v.elements === null ? false : v.elements < BUDGETS.elements,
        ),
        row(
          `${v.view}: JS heap by then`,
          v.heapBytes === null ? 'no answer (page busy)' : `${(v.heapBytes / 1e6).toFixed(0)} MB`,
          `< ${BUDGETS.heapBytes / 1e6} MB`,
          v.heapBytes === null ? false : v.heapBytes < BUDGETS.heapBytes,
        ),
      );
      continue;
    }
    const bottom = v.reachedBottom ? '' : ' (bottom not reached)';
    rows.push(
      row(
        `scroll ${v.view}: max DOM elements${bottom}`,
        count(v.maxElements),
        `< ${count(BUDGETS.elements)}`,
        v.maxElements < BUDGETS.elements,
      ),
      row(
        `scroll ${v.view}: max JS heap`,
        `${(v.maxHeapBytes / 1e6).toFixed(0)} MB`,
        `< ${BUDGETS.heapBytes / 1e6} MB`,
        v.maxHeapBytes < BUDGETS.heapBytes,
      ),
      row(
        `scroll ${v.view}: long tasks (count, longest)`,
        `${v.longTasks.count}, ${ms(v.longTasks.maxMs)}`,
        `none > ${BUDGETS.longTaskMs} ms`,
        v.longTasks.maxMs <= BUDGETS.longTaskMs,
      ),
    );
  }
  const notes = [
    `scale (${paragraphs.toLocaleString('en')} paragraphs): readable after (median of ${opts.openRuns}) ` +
      `original ${ms(readable.original)}, bilingual ${ms(readable.bilingual)}; translated through APy in ${ms(translatedMs)}.`,
    ...views
      .filter((v) => !v.error && !v.notReady)
      .map(
        (v) =>
          `  ${v.view}: first rows after ${ms(v.firstRowsMs)}, settled after ${ms(v.openWallMs)} with ${count(v.elementsAtRest)} elements; ` +
          `${v.steps} steps of ${v.stepPx} px in ${ms(v.scrollMs)} over ${count(v.scrollHeight)} px; ` +
          `long tasks ${v.longTasks.count} (${ms(v.longTasks.totalMs)} in all)`,
      ),
  ];
  return {
    rows,
    notes,
    json: {
      budgets: BUDGETS,
      paragraphs,
      characters: article.text.length,
      readableMedianMs: readable,
      opens,
      translatedMs,
      views,
    },
  };
}
