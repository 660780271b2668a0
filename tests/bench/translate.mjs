// Whole-document translation through APy: the built app in Chromium against the same engine
// called directly from Node with the same packing (GUIDE §4: app ≤ 1.1 × direct; first paragraph
// within one engine round trip + 50 ms; reopening a translated article sends no requests).
//
// A generated English article (10,000 paragraphs by default, fixed seed) is translated into
// Spanish by both sides, alternately: `runs` app runs, each between two direct runs:
//   direct  the texts sent from Node straight to APy with the app's packing and concurrency
//           (direct.mjs): the floor for any client of this engine;
//   app     the production build, the article given through the start page's file input, timed
//           inside the page until every segment is translated (app.mjs), then reloaded to check
//           that reopening sends no engine requests.

import { cpus } from 'node:os';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { SetupError, log, repoRoot, warn } from '../../.ci/lib/system.mjs';
import { runApp, writeArticleFile } from './app.mjs';
import { generateArticle } from './article.mjs';
import { startCpuMeter } from './cpu.mjs';
import { APY_LIMITS, packTexts, translateDirect } from './direct.mjs';
import { count, median, ms, row } from './report.mjs';
import { readerPreferences } from './setup.mjs';
import { summarizeTrace } from './trace.mjs';

/**
 * How busy the engine was kept: the median round trip of a request, and how long a request slot
 * stayed free before the next request went out (the i-th request could have left as soon as the
 * (i − concurrency)-th answer was in).
 */
function engineUse(timeline, concurrency = APY_LIMITS.maxConcurrency) {
  const sorted = [...timeline].sort((a, b) => a.sentMs - b.sentMs);
  const done = [];
  const gaps = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i >= concurrency) {
      const freed = done.sort((a, b) => a - b)[i - concurrency];
      gaps.push(Math.max(0, sorted[i].sentMs - freed));
    }
    done.push(sorted[i].doneMs);
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
  const busy = Math.round((100 * cpu.machineBusyMs) / (cpus().length * cpu.wallMs));
  return (
    `${label}: engine ${ms(cpu.engineMs)}, browser ${ms(cpu.browserMs)}, bench ${ms(cpu.benchMs)}, ` +
    `other ${ms(cpu.otherMs)} (machine busy ${busy}%)`
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

export async function measureTranslate(env) {
  const { opts } = env;
  const apyUrl = await env.apy();
  const { url: baseUrl, distDir } = await env.preview();
  const browser = await env.bareBrowser();

  const article = generateArticle({ paragraphs: opts.paragraphs, seed: opts.seed });
  // The app translates the title along with the paragraphs, so the direct side does too.
  const texts = [article.title, ...article.paragraphs];
  const plannedRequests = packTexts(texts, APY_LIMITS).length;
  const preferences = readerPreferences({ apyUrl, targetLanguage: 'es', view: 'bilingual' });
  // Long enough for a slow run of a long article, short enough that a stuck one ends.
  const timeoutMs = opts.timeoutMs ?? Math.max(120_000, opts.paragraphs * 30);
  log(
    `translate: ${article.paragraphs.length.toLocaleString('en')} paragraphs, ` +
      `${article.text.length.toLocaleString('en')} characters, ${opts.runs} app run(s) between ${opts.runs + 1} direct runs`,
  );

  const articleFile = writeArticleFile(article.text);
  const appRun = (extra = {}) =>
    runApp({
      browser,
      baseUrl,
      articleFile,
      total: article.paragraphs.length,
      preferences,
      timeoutMs,
      ...extra,
    });

  const directRuns = [];
  const appRuns = [];
  const runDirect = async (label) => {
    const meter = startCpuMeter();
    const direct = await translateDirect({ apyUrl, texts });
    directRuns.push({
      cpu: meter.stop(),
      totalMs: direct.totalMs,
      firstRoundTripMs: direct.firstRoundTripMs,
      requests: direct.requests,
      ...engineUse(direct.timeline),
      timeline: direct.timeline,
    });
    log(
      `translate ${label} direct: ${ms(direct.totalMs)} total, ` +
        `first round trip ${ms(direct.firstRoundTripMs)}, ${direct.requests} requests`,
    );
  };
  // Each app run sits between two direct runs and is compared with their mean: the engine's own
  // speed drifts by more than the app's overhead within minutes (the direct script alone took
  // 10.9, 10.4, 10.6, 9.4, 8.5 and 8.3 s for one 3,000-paragraph text in six runs back to back),
  // and a run compared with runs made minutes away measures that drift as much as the app.
  await runDirect(`run 0/${opts.runs}`);
  for (let i = 1; i <= opts.runs; i++) {
    let meter = null;
    let appCpu = null;
    const app = await appRun({
      beforeGive: () => {
        meter = startCpuMeter();
      },
      afterDone: () => {
        appCpu = meter.stop();
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
      `translate run ${i}/${opts.runs} app:    ${ms(app.totalMs)} total, first paragraph ${ms(app.firstMs)}, ` +
        `${app.requests} requests; reopen: ${app.reopen?.requests ?? '?'} requests`,
    );
    await runDirect(`run ${i}/${opts.runs}`);
  }
  // App run i against the mean of the direct runs just before and just after it.
  const pairRatios = appRuns.map((run, i) => {
    const around = (directRuns[i].totalMs + directRuns[i + 1].totalMs) / 2;
    return (run.totalMs - run.breakdown.renderedMs) / around;
  });

  let trace = null;
  if (opts.trace) {
    const resultsDir = join(repoRoot, 'test-results', 'bench');
    const path = join(resultsDir, 'trace.json');
    mkdirSync(resultsDir, { recursive: true });
    log('translate: extra app run with a Chromium performance trace…');
    const traced = await appRun({
      reopen: false,
      beforeGive: (page) => browser.startTracing(page, { path, screenshots: false }),
      afterDone: () => browser.stopTracing(),
    });
    trace = { path, totalMs: traced.totalMs, summary: summarizeTrace(path, { distDir }) };
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
  const ratio = median(pairRatios);
  const budgets = {
    total: { limit: 1.1, value: ratio },
    first: { limitMs: med.direct.firstRoundTripMs + 50, valueMs: med.app.firstMs },
    reopen: { requests: reopenRequests, pass: reopenRequests === 0 },
  };
  budgets.total.pass = budgets.total.value <= budgets.total.limit;
  budgets.first.pass = budgets.first.valueMs <= budgets.first.limitMs;

  const of = `median of ${opts.runs}`;
  const rows = [
    row(
      'requests to /translate, app / direct',
      `${count(med.app.requests)} / ${count(med.direct.requests)}`,
      `planned ${count(plannedRequests)}`,
    ),
    row('all translated, direct¹', ms(med.direct.totalMs), `median of ${directRuns.length}`),
    row('all translated, app¹', ms(med.app.totalMs), of),
    row('ratio app / direct²', ratio.toFixed(2), '≤ 1.10', budgets.total.pass),
    row(
      'first paragraph, app¹',
      ms(med.app.firstMs),
      `≤ ${ms(budgets.first.limitMs)} (round trip + 50)`,
      budgets.first.pass,
    ),
    row('reopen: /translate requests', String(reopenRequests), '= 0', budgets.reopen.pass),
  ];
  const notes = [
    `translate (${article.paragraphs.length.toLocaleString('en')} paragraphs, ${Math.round(article.text.length / 1000)} kB, en→es, ${of}):`,
    `  ¹ app times from the article on screen; from the file given: first ${ms(med.app.fromFileFirstMs)}, all ${ms(med.app.fromFileTotalMs)}.`,
    `  ² median over the app runs of each run against the mean of the direct runs before and after it: ` +
      `${pairRatios.map((r) => r.toFixed(2)).join(', ')}; ratio of the medians ${(med.app.totalMs / med.direct.totalMs).toFixed(2)}.`,
    `  Segments on screen ${ms(med.app.renderedMs)} after the file, first request sent at ${ms(med.app.firstRequestSentMs)};`,
    `  APy round trip per request ${ms(med.app.roundTripMedianMs)} (direct ${ms(med.direct.roundTripMedianMs)}); ` +
      `a freed request slot waited ${ms(med.app.slotWaitMedianMs)} for the app's next request (direct ${ms(med.direct.slotWaitMedianMs)});`,
    `  last segment shown ${ms(med.app.afterLastResponseMs)} after the last answer; main-thread long tasks ` +
      `${ms(med.app.longTaskMs)} in all, the longest ${ms(med.app.longestTaskMs)}; reopen translated in ${ms(med.app.reopenMs)}.`,
    `  CPU used while translating (medians) — ${describeCpu('app', med.app.cpu)};`,
    `  ${describeCpu('direct', med.direct.cpu)}.`,
    ...(trace ? [`  Trace: ${trace.path}`, ...trace.summary.map((line) => `    ${line}`)] : []),
  ];

  return {
    rows,
    notes,
    json: {
      options: { paragraphs: opts.paragraphs, runs: opts.runs, seed: opts.seed, apyUrl },
      article: {
        paragraphs: article.paragraphs.length,
        characters: article.text.length,
        texts: texts.length,
      },
      limits: APY_LIMITS,
      plannedRequests,
      median: { ...med, ratio, ratioOfMedians: med.app.totalMs / med.direct.totalMs },
      pairRatios,
      budgets,
      runs: { direct: directRuns, app: appRuns },
      trace: trace && { path: trace.path, totalMs: trace.totalMs, summary: trace.summary },
    },
  };
}
