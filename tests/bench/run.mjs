// `npm run bench`: the budgets of GUIDE §4, measured on the production build (`vite preview` of a
// copy of dist/) in Debian's Chromium, each reported beside its budget. One module per part:
//
//   first-load  initial JavaScript of the start page and of the reader route   (first-load.mjs)
//   scale       a 10,000-paragraph document: time to readable, scrolling it in
//               every view (DOM size, JS heap, long tasks)                      (scale.mjs)
//   translate   translating a long document through APy, app against direct    (translate.mjs)
//   lighthouse  Lighthouse 12 on the start page, mobile and desktop presets    (lighthouse.mjs)
//   reflow      plain-text reconstruction of 1 to 5 MB hard-wrapped text        (reflow.mjs)
//
// The bench reports, it does not gate: it exits 0 whether budgets pass or not, and non-zero only
// when the run itself breaks (build failure, no engine, a page that never gets there). A part that
// breaks is reported as broken and the others still run. Everything goes to
// test-results/bench/latest.json; `npm run bench -- --help` lists the options.

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  SetupError,
  ensureApy,
  ensureNpmDeps,
  ensurePackages,
  formatDuration,
  log,
  repoRoot,
  signalChildren,
  warn,
} from '../../.ci/lib/system.mjs';
import { launchBareChromium } from './bare-chromium.mjs';
import { CHROMIUM_PATH, launchBrowser, VIEWPORT } from './browser.mjs';
import { measureFirstLoad } from './first-load.mjs';
import { measureLighthouse } from './lighthouse.mjs';
import { measureReflow } from './reflow.mjs';
import { markdownTable, summaryTable } from './report.mjs';
import { measureScale } from './scale.mjs';
import { atCleanup, cleanup, ensureBuild, startPreview, warmApy } from './setup.mjs';
import { measureTranslate } from './translate.mjs';

const SEED = 20261123;
const RESULTS_DIR = join(repoRoot, 'test-results', 'bench');

const PARTS = [
  { id: 'first-load', title: 'First load', measure: measureFirstLoad },
  { id: 'scale', title: 'Large document', measure: measureScale },
  { id: 'translate', title: 'Translation through APy', measure: measureTranslate },
  { id: 'lighthouse', title: 'Lighthouse (start page)', measure: measureLighthouse },
  { id: 'reflow', title: 'Plain-text reconstruction', measure: measureReflow },
];

const HELP = `Usage: npm run bench [-- options]

Measures the production build against the budgets in the design guide and prints a table
(measurement, value, budget, ✔/✘); everything is written to test-results/bench/latest.json.
The bench reports and never gates: it exits 0 unless the run itself breaks.

Parts (all by default, in this order):
  first-load   initial JavaScript (gzip) of the start page; the reader route as information
  scale        a 10,000-paragraph document: open until readable (original and bilingual view),
               then translated, scrolled top to bottom in the original, translation, bilingual
               and review views (DOM elements, JS heap, long tasks)
  translate    translating a document through APy: the app against a direct script (ratio)
  lighthouse   Lighthouse on the start page, mobile (default settings) and desktop presets
  reflow       plain-text reconstruction of 1, 2.5 and 5 MB of hard-wrapped text (Node), and
               opening the 5 MB file in the app

Options:
  --only <parts>             comma-separated parts to run, e.g. --only first-load,lighthouse
  --skip <parts>             comma-separated parts to leave out
  --quick                    a short run (about 3 minutes): translate 1,000 paragraphs once,
                             a 3,000-paragraph large document opened once, mobile Lighthouse only
  --paragraphs <n>           translate: paragraphs in the document (default 10000)
  --runs <n>                 translate: app runs, each between two direct runs (default 3)
  --timeout <s>              translate: seconds an app run may take (default 30 ms a paragraph,
                             at least 120)
  --trace                    translate: one more app run with a Chromium trace, summarised
  --scale-paragraphs <n>     scale: paragraphs in the large document (default 10000)
  --open-runs <n>            scale: opens per view for the time to readable (default 3)
  --scroll-step <px>         scale: pixels scrolled per frame (default 1500)
  --scroll-limit <s>         scale: longest a view's scroll may take (default 60)
  --view-timeout <s>         scale: longest a view may take to show its rows and settle before
                             it is reported as not ready and not scrolled (default 90)
  --views <list>             scale: views to scroll (default original,translation,bilingual,review)
  --lighthouse-runs <n>      lighthouse: mobile runs, the median run reported (default 3)
  --no-desktop               lighthouse: skip the desktop preset
  --reflow-runs <n>          reflow: timed runs per size, median reported (default 5)
  --no-build                 use dist/ as it is (default: rebuild when sources are newer)
  -h, --help                 this text

Environment: APY_PORT (default 2737; an APy already answering there is reused, otherwise one is
started and stopped again), CHROMIUM_PATH (default /usr/bin/chromium), INTERLINEAR_NO_APT=1.
`;

function options() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      skip: { type: 'string' },
      quick: { type: 'boolean', default: false },
      paragraphs: { type: 'string' },
      runs: { type: 'string' },
      timeout: { type: 'string' },
      trace: { type: 'boolean', default: false },
      'scale-paragraphs': { type: 'string' },
      'open-runs': { type: 'string' },
      'scroll-step': { type: 'string', default: '1500' },
      'view-timeout': { type: 'string', default: '90' },
      'scroll-limit': { type: 'string', default: '60' },
      views: { type: 'string', default: 'original,translation,bilingual,review' },
      'no-desktop': { type: 'boolean', default: false },
      'lighthouse-runs': { type: 'string' },
      'reflow-runs': { type: 'string', default: '5' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const quick = values.quick;
  const positive = (name, fallback) => {
    const raw = values[name] ?? fallback;
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      throw new SetupError(`--${name} must be a positive whole number.`);
    }
    return value;
  };
  const list = (name) =>
    values[name]
      ?.split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  const known = PARTS.map((part) => part.id);
  for (const name of ['only', 'skip']) {
    const unknown = (list(name) ?? []).filter((id) => !known.includes(id));
    if (unknown.length) {
      throw new SetupError(`--${name}: unknown part ${unknown.join(', ')} (${known.join(', ')}).`);
    }
  }
  const only = list('only') ?? known;
  const skip = list('skip') ?? [];
  const views = list('views');
  const badView = views.find(
    (view) => !['original', 'translation', 'bilingual', 'review'].includes(view),
  );
  if (badView) throw new SetupError(`--views: unknown view ${badView}.`);
  const port = Number(process.env.APY_PORT || 2737);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SetupError(`APY_PORT=${process.env.APY_PORT} is not a valid TCP port.`);
  }
  const timeout = positive('timeout');
  return {
    parts: known.filter((id) => only.includes(id) && !skip.includes(id)),
    quick,
    seed: SEED,
    paragraphs: positive('paragraphs', quick ? 1000 : 10_000),
    runs: positive('runs', quick ? 1 : 3),
    timeoutMs: timeout === undefined ? undefined : timeout * 1000,
    trace: values.trace,
    scaleParagraphs: positive('scale-paragraphs', quick ? 3000 : 10_000),
    openRuns: positive('open-runs', quick ? 1 : 3),
    scrollStep: positive('scroll-step'),
    viewTimeoutMs: positive('view-timeout') * 1000,
    scrollLimitMs: positive('scroll-limit') * 1000,
    views,
    desktop: !values['no-desktop'] && !quick,
    lighthouseRuns: positive('lighthouse-runs', quick ? 1 : 3),
    reflowRuns: positive('reflow-runs', quick ? 3 : 5),
    build: !values['no-build'],
    apyPort: port,
  };
}

/** Resolves once, on first use: a part that needs no browser or engine starts neither. */
function lazy(start) {
  let started = null;
  return () => (started ??= start());
}

function createEnv(opts) {
  const env = { opts };
  env.preview = lazy(() => startPreview());
  env.apy = lazy(async () => {
    const apy = await ensureApy({ port: opts.apyPort });
    atCleanup(() => apy.stop());
    await warmApy(apy.url);
    return apy.url;
  });
  env.browser = lazy(async () => {
    const browser = await launchBrowser();
    atCleanup(() => browser.close());
    // A throwaway page first: the browser's first renderer and network stack start here, not in
    // the first measured page.
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto((await env.preview()).url, { waitUntil: 'networkidle' });
    await context.close();
    return browser;
  });
  // The app against the direct script runs in a browser no DevTools domain reports requests from
  // (bare-chromium.mjs): what it costs to watch them is the driver's, not the app's.
  env.bareBrowser = lazy(async () => {
    const browser = await launchBareChromium();
    atCleanup(() => browser.close());
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto((await env.preview()).url);
    await page.close();
    return browser;
  });
  return env;
}

async function main() {
  const started = Date.now();
  const loadBefore = loadavg();
  const opts = options();
  if (opts.parts.length === 0) throw new SetupError('No part left to run.');

  await ensureNpmDeps();
  await ensurePackages(['chromium', 'fonts-noto-cjk', 'apertium-apy', 'apertium-eng-spa']);
  await ensureBuild({ build: opts.build });

  const env = createEnv(opts);
  const results = [];
  let broken = false;
  for (const part of PARTS.filter((p) => opts.parts.includes(p.id))) {
    const partStarted = Date.now();
    log(`── ${part.id} ──`);
    try {
      const result = await part.measure(env);
      results.push({ ...part, ...result, wallMs: Date.now() - partStarted });
      for (const line of result.notes ?? []) console.log(line);
    } catch (error) {
      if (interrupted) throw error;
      broken = true;
      const message = error instanceof SetupError ? error.message : (error.stack ?? error);
      warn(`${part.id} broke: ${message}`);
      results.push({
        ...part,
        rows: [
          {
            measurement: 'did not complete',
            value: String(error.message),
            budget: '',
            pass: false,
          },
        ],
        error: String(error.stack ?? error),
        wallMs: Date.now() - partStarted,
      });
    }
    log(`${part.id} took ${formatDuration(Date.now() - partStarted)}`);
  }

  let chromium = null;
  if (opts.parts.some((id) => id !== 'reflow')) {
    chromium = (await env.browser().catch(() => null))?.version() ?? null;
  }
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    chromiumPath: CHROMIUM_PATH,
    // Other work on the machine moves every timing here: the 1-minute load before and after.
    loadAverage: { before: loadBefore[0], after: loadavg()[0] },
  };
  const wallMs = Date.now() - started;
  console.log(
    [
      '',
      `  \x1b[1mInterlinear bench\x1b[0m — ${machine.cpus} cores, Node ${machine.node.slice(1)}` +
        `${chromium ? `, Chromium ${chromium}` : ''}; load ${machine.loadAverage.before.toFixed(1)} → ` +
        `${machine.loadAverage.after.toFixed(1)}; ${formatDuration(wallMs)}`,
      '',
      summaryTable(results),
      '',
    ].join('\n'),
  );

  mkdirSync(RESULTS_DIR, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine,
    options: opts,
    parts: Object.fromEntries(
      results.map((r) => [
        r.id,
        { title: r.title, rows: r.rows, wallMs: r.wallMs, error: r.error, ...r.json },
      ]),
    ),
    markdown: markdownTable(results),
    wallMs,
  };
  writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  log(`Results written to test-results/bench/latest.json (${formatDuration(wallMs)}).`);
  return broken;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) {
      signalChildren('SIGKILL');
      process.exit(130);
    }
    interrupted = true;
    log(`${signal}: stopping…`);
    void cleanup().then(() => process.exit(130));
  });
}

main().then(
  async (broken) => {
    await cleanup();
    process.exit(broken ? 1 : 0);
  },
  async (error) => {
    // An interrupted run fails in whatever it was waiting for; that is no news.
    if (interrupted) return;
    if (error instanceof SetupError) console.error(`\x1b[31m[interlinear]\x1b[0m ${error.message}`);
    else console.error(error);
    await cleanup();
    process.exit(1);
  },
);
