// `npm run bench`: how long the built app takes to translate a long article through Apertium APy,
// next to what APy itself needs for the same work.
//
// A 1,000-paragraph English article (about 155 KB, generated from a fixed seed) is translated into
// Spanish twice over, alternately, N times each:
//   direct  the same texts sent from Node straight to APy with the app's packing and concurrency
//           (tests/bench/direct.mjs): the floor for any client of this engine;
//   app     the production build (`vite preview` of dist/) in Chromium, the article given through
//           the start page's file input, timed inside the page until every segment is translated.
// Medians are compared against two budgets: all translated within 1.1 × direct, and the first
// paragraph within the direct first round trip + 50 ms. After each app run the tab is reloaded to
// check that reopening the article sends no engine requests.
//
// The bench reports, it does not gate: it exits 0 whether budgets pass or not, and non-zero only
// when the run itself breaks (build failure, no engine, segments that never all translate).
// Results go to test-results/bench/latest.json.
//
// Usage:  npm run bench [-- --paragraphs 1000] [--runs 3] [--no-build] [--trace]
// Environment: APY_PORT (default 2737; an APy already answering there is reused),
// CHROMIUM_PATH (default /usr/bin/chromium), INTERLINEAR_NO_APT=1.

import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  SetupError,
  ensureApy,
  ensureNpmDeps,
  ensurePackages,
  findFreePort,
  localBin,
  log,
  repoRoot,
  run,
  signalChildren,
  spawnGroup,
  stopGroup,
  waitForHttp,
  warn,
} from '../../.ci/lib/system.mjs';
import { runApp } from './app.mjs';
import { generateArticle } from './article.mjs';
import { APY_LIMITS, packTexts, translateDirect } from './direct.mjs';
import { cpuBetween, cpuSnapshot } from './cpu.mjs';
import { summarizeTrace } from './trace.mjs';

const SEED = 20261123;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const RESULTS_DIR = join(repoRoot, 'test-results', 'bench');

function options() {
  const { values } = parseArgs({
    options: {
      paragraphs: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '3' },
      'no-build': { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '120' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'Usage: npm run bench [-- --paragraphs 1000] [--runs 3] [--timeout 120] [--no-build] [--trace]',
    );
    process.exit(0);
  }
  const positive = (name) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 1) {
      throw new SetupError(`--${name} must be a positive whole number.`);
    }
    return value;
  };
  const port = Number(process.env.APY_PORT || 2737);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SetupError(`APY_PORT=${process.env.APY_PORT} is not a valid TCP port.`);
  }
  return {
    paragraphs: positive('paragraphs'),
    runs: positive('runs'),
    timeoutMs: positive('timeout') * 1000,
    build: !values['no-build'],
    trace: values.trace,
    apyPort: port,
  };
}

// ---------------------------------------------------------------------------------------------
// Setup: the same staleness rule as `npm start` (dist/index.html older than any build input).
// ---------------------------------------------------------------------------------------------

const BUILD_INPUTS = [
  'src',
  'locales',
  'public',
  'index.html',
  'vite.config.ts',
  'package-lock.json',
];

function newestMtime(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function staleBuildReason() {
  let built;
  try {
    built = statSync(join(repoRoot, 'dist', 'index.html')).mtimeMs;
  } catch {
    return 'dist/ has not been built yet';
  }
  const newest = Math.max(...BUILD_INPUTS.map((input) => newestMtime(join(repoRoot, input))));
  return newest > built ? 'sources changed since the last build' : null;
}

const resources = { apy: null, preview: null, browser: null, snapshot: null, distDir: null };
let cleaning = null;

function cleanup() {
  cleaning ??= (async () => {
    await resources.browser?.close().catch(() => {});
    await Promise.all([resources.preview && stopGroup(resources.preview), resources.apy?.stop()]);
    if (resources.snapshot) rmSync(resources.snapshot, { recursive: true, force: true });
  })();
  return cleaning;
}

/**
 * Serves a copy of dist/: a build started meanwhile (`npm test` rebuilds dist/) would otherwise
 * swap files under the running bench.
 */
async function startPreview() {
  resources.snapshot = mkdtempSync(join(tmpdir(), 'interlinear-bench-'));
  const outDir = join(resources.snapshot, 'dist');
  cpSync(join(repoRoot, 'dist'), outDir, { recursive: true });
  resources.distDir = outDir;
  const port = await findFreePort(4417);
  const args = ['preview', '--outDir', outDir, '--host', '127.0.0.1'];
  const child = spawnGroup(
    process.execPath,
    [localBin('vite'), ...args, '--port', String(port), '--strictPort'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  resources.preview = child;
  const url = `http://127.0.0.1:${port}/`;
  const up = await waitForHttp(url, 30_000, {
    stillHopeful: () => child.exitCode === null && child.signalCode === null,
  });
  if (!up) throw new SetupError(`vite preview did not start serving on port ${port}.`);
  return url;
}

async function warmApy(apyUrl) {
  // APy starts a pair's pipeline on its first request; neither side should pay for that.
  const response = await fetch(`${apyUrl}/translate`, {
    method: 'POST',
    body: new URLSearchParams({ langpair: 'eng|spa', q: '<p>Warm up.</p>', format: 'html' }),
  });
  if (!response.ok)
    throw new SetupError(`APy did not translate a warm-up text (${response.status}).`);
  await response.text();
}

// ---------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------

function median(values) {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ms = (value) => (value === null ? '—' : `${Math.round(value).toLocaleString('en')} ms`);
const verdict = (pass) => (pass ? '\x1b[32mPASS\x1b[0m' : '\x1b[31mFAIL\x1b[0m');

function table(rows) {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map((row) => stripColour(row[column] ?? '').length)),
  );
  return rows
    .map((row, index) => {
      const line = row
        .map((cell, column) => cell + ' '.repeat(widths[column] - stripColour(cell).length))
        .join('  ');
      return index === 0 ? `  \x1b[1m${line}\x1b[0m` : `  ${line}`;
    })
    .join('\n');
}

function stripColour(text) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/**
 * How busy the engine was kept: the median round trip of a request, and how long a request slot
 * stayed free before the next request went out (the i-th request could have left as soon as the
 * (i − concurrency)-th answer was in).
 */
function engineUse(timeline, concurrency = APY_LIMITS.maxConcurrency) {
  const sorted = [...timeline].sort((a, b) => a.sentMs - b.sentMs);
  const gaps = [];
  for (let i = concurrency; i < sorted.length; i++) {
    const freed = sorted
      .slice(0, i)
      .map((r) => r.doneMs)
      .sort((a, b) => a - b)[i - concurrency];
    gaps.push(Math.max(0, sorted[i].sentMs - freed));
  }
  return {
    roundTripMedianMs: median(sorted.map((r) => r.doneMs - r.sentMs)),
    slotWaitMedianMs: median(gaps),
    slotWaitTotalMs: gaps.reduce((sum, gap) => sum + gap, 0),
  };
}

/** Per-kind medians of the runs' CPU figures (null off Linux). */
function medianCpu(figures) {
  const present = figures.filter(Boolean);
  if (present.length === 0) return null;
  return Object.fromEntries(
    Object.keys(present[0]).map((key) => [key, median(present.map((f) => f[key]))]),
  );
}

/** CPU line for the report: what each kind of process used while the work ran. */
function describeCpu(label, cpu) {
  if (!cpu) return `${label}: not measured`;
  return (
    `${label}: engine ${ms(cpu.engineMs)}, browser ${ms(cpu.browserMs)}, bench ${ms(cpu.benchMs)}, ` +
    `other ${ms(cpu.otherMs)} (machine busy ${Math.round((100 * cpu.machineBusyMs) / (cpus().length * cpu.wallMs))}%)`
  );
}

/** Where the app's time went in one run, from its in-page timestamps. */
function describeRun(run) {
  const timeline = run.timeline;
  const lastDone = timeline.length ? Math.max(...timeline.map((r) => r.doneMs)) : null;
  return {
    renderedMs: run.renderedMs,
    firstRequestSentMs: timeline[0]?.sentMs ?? null,
    firstRequestRoundTripMs: timeline[0] ? timeline[0].doneMs - timeline[0].sentMs : null,
    lastResponseMs: lastDone,
    afterLastResponseMs: lastDone === null ? null : run.totalMs - lastDone,
    ...engineUse(timeline),
    longTasks: run.longTasks.length,
    longTaskMs: run.longTasks.reduce((sum, task) => sum + task.durationMs, 0),
    longestTaskMs: run.longTasks.reduce((max, task) => Math.max(max, task.durationMs), 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const opts = options();

  await ensureNpmDeps();
  await ensurePackages(['chromium', 'fonts-noto-cjk', 'apertium-apy', 'apertium-eng-spa']);

  const reason = opts.build ? staleBuildReason() : null;
  if (reason) {
    log(`Building the app (${reason})…`);
    const build = await run(process.execPath, [localBin('vite'), 'build', '--logLevel', 'warn']);
    if (build.code !== 0) throw new SetupError('`vite build` failed (see output above).');
  } else if (opts.build) {
    log('dist/ is up to date.');
  }

  resources.apy = await ensureApy({ port: opts.apyPort });
  const apyUrl = resources.apy.url;
  await warmApy(apyUrl);
  const baseUrl = await startPreview();

  const { chromium } = await import('@playwright/test');
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  resources.browser = await chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    // Our own handlers close the browser along with everything else; Playwright's would exit the
    // process before the preview server, APy and the dist/ copy are cleaned up.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const browserVersion = resources.browser.version();

  const article = generateArticle({ paragraphs: opts.paragraphs, seed: SEED });
  // The app translates the title along with the paragraphs, so the direct side does too.
  const texts = [article.title, ...article.paragraphs];
  const plannedRequests = packTexts(texts, APY_LIMITS).length;
  const preferences = {
    state: {
      targetLanguage: 'es',
      view: 'bilingual',
      ...(apyUrl === 'http://localhost:2737'
        ? {}
        : { providerSettings: { apertium: { endpoint: apyUrl } } }),
    },
    version: 1,
  };
  log(
    `Article: ${article.paragraphs.length} paragraphs, ${article.text.length.toLocaleString('en')} characters; ` +
      `app at ${baseUrl}, APy at ${apyUrl}, Chromium ${browserVersion}`,
  );

  // A throwaway page first: the browser's first renderer and network stack start here, not in
  // the first measured run.
  {
    const context = await resources.browser.newContext();
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.waitForLoadState('networkidle');
    await context.close();
  }

  const appRun = (extra = {}) =>
    runApp({
      browser: resources.browser,
      baseUrl,
      apyUrl,
      articleText: article.text,
      total: article.paragraphs.length,
      preferences,
      timeoutMs: opts.timeoutMs,
      ...extra,
    });

  const directRuns = [];
  const appRuns = [];
  // Alternating keeps both sides under the same background load as it drifts.
  for (let i = 1; i <= opts.runs; i++) {
    const directCpuBefore = cpuSnapshot();
    const direct = await translateDirect({ apyUrl, texts });
    const directCpu = cpuBetween(directCpuBefore, cpuSnapshot());
    directRuns.push({
      cpu: directCpu,
      totalMs: direct.totalMs,
      firstRoundTripMs: direct.firstRoundTripMs,
      requests: direct.requests,
      ...engineUse(direct.timeline),
      timeline: direct.timeline,
    });
    log(
      `run ${i}/${opts.runs} direct: ${ms(direct.totalMs)} total, first round trip ${ms(direct.firstRoundTripMs)}, ${direct.requests} requests`,
    );
    let appCpuBefore = null;
    let appCpu = null;
    const app = await appRun({
      beforeGive: () => {
        appCpuBefore = cpuSnapshot();
      },
      afterDone: () => {
        appCpu = cpuBetween(appCpuBefore, cpuSnapshot());
      },
    });
    app.cpu = appCpu;
    if (app.segments !== article.paragraphs.length) {
      throw new SetupError(
        `The app shows ${app.segments} segments for ${article.paragraphs.length}.`,
      );
    }
    const mismatched = app.sources.find(({ index, text }) => text !== article.paragraphs[index]);
    if (mismatched) {
      warn(
        `Segment ${mismatched.index} differs from the generated paragraph; the direct side's input is not the app's.`,
      );
    }
    delete app.sources;
    appRuns.push({ ...app, breakdown: describeRun(app) });
    log(
      `run ${i}/${opts.runs} app:    ${ms(app.totalMs)} total, first paragraph ${ms(app.firstMs)}, ` +
        `${app.requests} requests; reopen: ${app.reopen?.requests ?? '?'} requests`,
    );
  }

  let trace = null;
  if (opts.trace) {
    const path = join(RESULTS_DIR, 'trace.json');
    mkdirSync(RESULTS_DIR, { recursive: true });
    log('Extra app run with a Chromium performance trace…');
    const traced = await appRun({
      reopen: false,
      beforeGive: (page) => resources.browser.startTracing(page, { path, screenshots: false }),
      afterDone: () => resources.browser.stopTracing(),
    });
    trace = {
      path,
      totalMs: traced.totalMs,
      summary: summarizeTrace(path, { distDir: resources.distDir }),
    };
  }

  const med = {
    direct: {
      totalMs: median(directRuns.map((r) => r.totalMs)),
      firstRoundTripMs: median(directRuns.map((r) => r.firstRoundTripMs)),
      requests: median(directRuns.map((r) => r.requests)),
      roundTripMedianMs: median(directRuns.map((r) => r.roundTripMedianMs)),
      slotWaitMedianMs: median(directRuns.map((r) => r.slotWaitMedianMs)),
      cpu: medianCpu(directRuns.map((r) => r.cpu)),
    },
    app: {
      // Timed from the moment the article is on screen: reading and parsing the file (the direct
      // script starts with its paragraphs in hand) is reported beside, not counted.
      totalMs: median(appRuns.map((r) => r.totalMs - r.breakdown.renderedMs)),
      firstMs: median(appRuns.map((r) => r.firstMs - r.breakdown.renderedMs)),
      fromFileTotalMs: median(appRuns.map((r) => r.totalMs)),
      fromFileFirstMs: median(appRuns.map((r) => r.firstMs)),
      requests: median(appRuns.map((r) => r.requests)),
      renderedMs: median(appRuns.map((r) => r.breakdown.renderedMs)),
      firstRequestSentMs: median(appRuns.map((r) => r.breakdown.firstRequestSentMs)),
      afterLastResponseMs: median(appRuns.map((r) => r.breakdown.afterLastResponseMs)),
      roundTripMedianMs: median(appRuns.map((r) => r.breakdown.roundTripMedianMs)),
      slotWaitMedianMs: median(appRuns.map((r) => r.breakdown.slotWaitMedianMs)),
      longTaskMs: median(appRuns.map((r) => r.breakdown.longTaskMs)),
      longestTaskMs: median(appRuns.map((r) => r.breakdown.longestTaskMs)),
      reopenMs: median(appRuns.map((r) => r.reopen?.allTranslatedMs ?? null)),
      cpu: medianCpu(appRuns.map((r) => r.cpu)),
    },
  };
  const reopenRequests = Math.max(...appRuns.map((r) => r.reopen?.requests ?? Infinity));
  const ratio = med.app.totalMs / med.direct.totalMs;
  const budgets = {
    total: {
      limitMs: 1.1 * med.direct.totalMs,
      valueMs: med.app.totalMs,
      pass: med.app.totalMs <= 1.1 * med.direct.totalMs,
    },
    first: {
      limitMs: med.direct.firstRoundTripMs + 50,
      valueMs: med.app.firstMs,
      pass: med.app.firstMs <= med.direct.firstRoundTripMs + 50,
    },
    reopen: { requests: reopenRequests, pass: reopenRequests === 0 },
  };

  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: browserVersion,
  };
  console.log(
    [
      '',
      `  \x1b[1mInterlinear bench\x1b[0m — ${article.paragraphs.length} paragraphs (${Math.round(article.text.length / 1000)} KB) en→es, ` +
        `median of ${opts.runs}; ${machine.cpus} cores, Node ${machine.node.slice(1)}, Chromium ${machine.chromium}`,
      '',
      table([
        ['', 'app', 'direct', 'budget', ''],
        [
          'requests to /translate',
          String(med.app.requests),
          `${med.direct.requests} (planned ${plannedRequests})`,
          '',
          '',
        ],
        [
          'first translated paragraph¹',
          ms(med.app.firstMs),
          `${ms(med.direct.firstRoundTripMs)} (first round trip)`,
          `≤ ${ms(budgets.first.limitMs)}`,
          verdict(budgets.first.pass),
        ],
        [
          'all paragraphs translated¹',
          ms(med.app.totalMs),
          ms(med.direct.totalMs),
          `≤ ${ms(budgets.total.limitMs)}`,
          verdict(budgets.total.pass),
        ],
        ['ratio app / direct', ratio.toFixed(2), '', '≤ 1.10', ''],
        [
          'reopen: /translate requests',
          String(reopenRequests),
          '',
          '= 0',
          verdict(budgets.reopen.pass),
        ],
      ]),
      '',
      `  ¹ app times from the article on screen; from the file given: first ${ms(med.app.fromFileFirstMs)}, all ${ms(med.app.fromFileTotalMs)}.`,
      `  Where the app's time goes (medians): segments on screen ${ms(med.app.renderedMs)} after the file, ` +
        `first request sent at ${ms(med.app.firstRequestSentMs)};`,
      `  APy round trip per request ${ms(med.app.roundTripMedianMs)} (direct ${ms(med.direct.roundTripMedianMs)}); ` +
        `a freed request slot waited ${ms(med.app.slotWaitMedianMs)} for the app's next request (direct ${ms(med.direct.slotWaitMedianMs)});`,
      `  last segment shown ${ms(med.app.afterLastResponseMs)} after the last answer; main-thread long tasks ` +
        `${ms(med.app.longTaskMs)} in all, the longest ${ms(med.app.longestTaskMs)}; reopen translated in ${ms(med.app.reopenMs)}.`,
      `  CPU used while translating (medians) — ${describeCpu('app', med.app.cpu)};`,
      `  ${describeCpu('direct', med.direct.cpu)}.`,
      trace
        ? `  Trace: ${trace.path}\n${trace.summary.map((line) => `    ${line}`).join('\n')}`
        : null,
      '',
    ]
      .filter((line) => line !== null)
      .join('\n'),
  );

  mkdirSync(RESULTS_DIR, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine,
    options: { paragraphs: opts.paragraphs, runs: opts.runs, seed: SEED, apyUrl },
    article: {
      paragraphs: article.paragraphs.length,
      characters: article.text.length,
      texts: texts.length,
    },
    limits: APY_LIMITS,
    median: { ...med, ratio },
    budgets,
    runs: { direct: directRuns, app: appRuns },
    trace: trace && { path: trace.path, totalMs: trace.totalMs, summary: trace.summary },
    wallMs: Date.now() - started,
  };
  writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  log(
    `Results written to test-results/bench/latest.json (${Math.round((Date.now() - started) / 1000)} s).`,
  );
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
  async () => {
    await cleanup();
    process.exit(0);
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
