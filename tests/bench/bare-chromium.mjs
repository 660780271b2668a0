// A Chromium driven over its DevTools pipe with nothing switched on but what a measurement needs.
//
// Playwright (like Puppeteer) enables the Network, Runtime and Console domains on every page it
// drives: each request the page sends then produces DevTools events, with its headers and body,
// in the browser and in the driving Node process. Measured here on a 3,000-paragraph translation
// through APy (about 120 requests), that costs ~0.5 s of CPU on the browser's side and ~0.15 s in
// the driver, on the same two cores the engine translates on, and a reader's browser pays none of
// it. The run that times the app against the direct script therefore uses this driver: pages get
// Page (load events) and a few single commands (evaluate, file input, device metrics), never a
// domain that reports requests. Everything the measurement reads comes from inside the page.
//
//   const browser = await launchBareChromium();
//   const page = await browser.newPage({ viewport });   // its own browser context (empty storage)
//   await page.addInitScript(fn, arg); await page.goto(url); await page.evaluate(fn, arg);
//   await page.setInputFiles('input[type=file]', path); await page.reload(); await page.close();
//   await browser.startTracing(page, { path }); …; await browser.stopTracing();
//   await browser.close();

import { writeFileSync } from 'node:fs';
import { SetupError, spawnGroup, stopGroup } from '../../.ci/lib/system.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.mjs';
import { tempDir } from './setup.mjs';

/**
 * Flags Playwright adds to every Chromium it launches that bear on timing, so that both drivers
 * run the page alike: no throttled timers or backgrounded renderer, no extensions, no shared
 * memory limits, scrollbars hidden (the viewport keeps its full width).
 */
const LIKE_PLAYWRIGHT = [
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-ipc-flooding-protection',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--disable-breakpad',
  '--disable-hang-monitor',
  '--hide-scrollbars',
  '--mute-audio',
];

/** Playwright's default trace categories for Chromium (browser.startTracing without options). */
const TRACE_CATEGORIES = [
  '-*',
  'devtools.timeline',
  'v8.execute',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'blink.console',
  'blink.user_timing',
  'latencyInfo',
  'disabled-by-default-devtools.timeline.stack',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.cpu_profiler.hires',
];

/** The DevTools protocol over Chromium's pipe: JSON messages ended by a NUL byte, both ways. */
function connect(child) {
  const out = child.stdio[3];
  const input = child.stdio[4];
  let nextId = 0;
  const pending = new Map();
  const listeners = new Set();
  let closed = null;
  let buffered = '';
  input.setEncoding('utf8');
  input.on('data', (chunk) => {
    buffered += chunk;
    let end;
    while ((end = buffered.indexOf('\0')) !== -1) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (!waiting) continue;
        if (message.error) {
          waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
        } else waiting.resolve(message.result);
      } else {
        for (const listener of listeners) listener(message);
      }
    }
  });
  const fail = (reason) => {
    closed ??= reason;
    for (const waiting of pending.values())
      waiting.reject(new Error(`${waiting.method}: ${reason}`));
    pending.clear();
  };
  input.on('close', () => fail('Chromium closed its DevTools pipe'));
  out.on('error', () => fail('Chromium closed its DevTools pipe'));

  return {
    send(method, params = {}, sessionId) {
      if (closed) return Promise.reject(new Error(`${method}: ${closed}`));
      const id = ++nextId;
      const message = { id, method, params };
      if (sessionId) message.sessionId = sessionId;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, method });
        out.write(`${JSON.stringify(message)}\0`);
      });
    },
    /** Resolves with the first event `method` (of `sessionId`) for which `accept` holds. */
    waitFor(method, { sessionId, accept = () => true, timeoutMs = 60_000 } = {}) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`No ${method} within ${timeoutMs / 1000} s.`));
        }, timeoutMs);
        const listener = (message) => {
          if (message.method !== method || message.sessionId !== sessionId) return;
          if (!accept(message.params)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(message.params);
        };
        listeners.add(listener);
      });
    },
  };
}

/** `fn(arg)` as an expression the page evaluates. */
const call = (fn, arg) => `(${fn})(${arg === undefined ? '' : JSON.stringify(arg)})`;

async function evaluateIn(cdp, sessionId, expression) {
  const { result, exceptionDetails } = await cdp.send(
    'Runtime.evaluate',
    { expression, awaitPromise: true, returnByValue: true },
    sessionId,
  );
  if (exceptionDetails) {
    const text = exceptionDetails.exception?.description ?? exceptionDetails.text;
    throw new Error(`In the page: ${text}`);
  }
  return result.value;
}

export async function launchBareChromium() {
  const profile = tempDir('interlinear-bench-bare-');
  const child = spawnGroup(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      ...LIKE_PLAYWRIGHT,
      '--headless=new',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const cdp = connect(child);
  const version = await Promise.race([
    cdp.send('Browser.getVersion'),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 30_000)),
  ]).catch(async (error) => {
    await stopGroup(child, { graceMs: 2000 });
    throw new SetupError(`Chromium did not answer on its DevTools pipe (${error.message}).`);
  });

  const newPage = async ({ viewport }) => {
    const { browserContextId } = await cdp.send('Target.createBrowserContext', {
      disposeOnDetach: true,
    });
    const { targetId } = await cdp.send('Target.createTarget', {
      url: 'about:blank',
      browserContextId,
    });
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
    const send = (method, params) => cdp.send(method, params, sessionId);
    await send('Page.enable');
    await send('Emulation.setDeviceMetricsOverride', {
      width: viewport.width,
      height: viewport.height,
      deviceScaleFactor: 1,
      mobile: false,
    });
    const loaded = () => cdp.waitFor('Page.loadEventFired', { sessionId });
    const page = {
      sessionId,
      async addInitScript(fn, arg) {
        await send('Page.addScriptToEvaluateOnNewDocument', { source: call(fn, arg) });
      },
      async goto(url) {
        const load = loaded();
        const { errorText } = await send('Page.navigate', { url });
        if (errorText) throw new SetupError(`Chromium could not open ${url}: ${errorText}`);
        await load;
      },
      async reload() {
        const load = loaded();
        await send('Page.reload', {});
        await load;
      },
      evaluate: (fn, arg) => evaluateIn(cdp, sessionId, call(fn, arg)),
      /** Waits in the page until `fn(arg)` is truthy (checked every `pollMs`); false on timeout. */
      waitUntil: (fn, arg, { pollMs = 100, timeoutMs = 60_000 } = {}) =>
        evaluateIn(
          cdp,
          sessionId,
          `new Promise((done) => {
            const test = ${fn};
            const until = performance.now() + ${timeoutMs};
            const check = () => {
              if (test(${JSON.stringify(arg ?? null)})) done(true);
              else if (performance.now() > until) done(false);
              else setTimeout(check, ${pollMs});
            };
            check();
          })`,
        ),
      /** Gives the file input matched by `selector` the file at `path`, as a reader picking it. */
      async setInputFiles(selector, path) {
        const { result } = await send('Runtime.evaluate', {
          expression: `document.querySelector(${JSON.stringify(selector)})`,
        });
        if (!result.objectId) throw new SetupError(`No ${selector} on the page.`);
        await send('DOM.setFileInputFiles', { files: [path], objectId: result.objectId });
      },
      async close() {
        await cdp.send('Target.disposeBrowserContext', { browserContextId }).catch(() => {});
      },
    };
    return page;
  };

  let tracePath = null;
  return {
    version: () => version.product.replace(/^HeadlessChrome\//, ''),
    newPage,
    /** A performance trace of the whole browser, written to `path` when stopped. */
    async startTracing(_page, { path }) {
      tracePath = path;
      await cdp.send('Tracing.start', {
        transferMode: 'ReturnAsStream',
        traceConfig: {
          includedCategories: TRACE_CATEGORIES.filter((c) => !c.startsWith('-')),
          excludedCategories: ['*'],
        },
      });
    },
    async stopTracing() {
      const complete = cdp.waitFor('Tracing.tracingComplete', { timeoutMs: 120_000 });
      await cdp.send('Tracing.end');
      const { stream } = await complete;
      const chunks = [];
      for (;;) {
        const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream });
        chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
        if (eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      writeFileSync(tracePath, chunks.join(''));
    },
    async close() {
      await cdp.send('Browser.close').catch(() => {});
      await stopGroup(child, { graceMs: 3000 });
    },
  };
}
