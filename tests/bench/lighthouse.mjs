// Lighthouse 12 on the start page: default settings (mobile emulation, simulated throttling), the
// budgets being performance ≥ 95, accessibility 100, best practices ≥ 95; the desktop preset as
// information. Each run gets a fresh headless Chromium with a DevTools port (the same binary and
// flags as the rest of the bench), stopped as soon as the run ends. A single run's performance
// score moves by several points here (total blocking time alone ranged 100–400 ms over five runs
// of one build), so the mobile preset runs `--lighthouse-runs` times and the median run is
// reported, chosen by Lighthouse's own `computeMedianRun` (closest to the median FCP and TTI), with
// every run's score beside it. Failing audits are listed by id and title so they can be looked up
// and fixed.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log, repoRoot } from '../../.ci/lib/system.mjs';
import { launchDebuggableChromium } from './browser.mjs';
import { row } from './report.mjs';
import { atCleanup } from './setup.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const BUDGETS = { performance: 95, accessibility: 100, 'best-practices': 95 };
const LABELS = {
  performance: 'performance',
  accessibility: 'accessibility',
  'best-practices': 'best practices',
  seo: 'SEO',
};
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

/** Audits of the category that lose points: scored below 0.9 (or failed, for pass/fail ones). */
function failingAudits(lhr, categoryId) {
  const category = lhr.categories[categoryId];
  return category.auditRefs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit && audit.score !== null)
    .filter(({ audit }) =>
      audit.scoreDisplayMode === 'binary' ? audit.score < 1 : audit.score < 0.9,
    )
    .map(({ ref, audit }) => ({
      id: audit.id,
      title: audit.title,
      score: audit.score,
      weight: ref.weight,
      displayValue: audit.displayValue ?? null,
    }));
}

async function runLighthouse(url, preset) {
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const chromium = await launchDebuggableChromium();
  const stop = atCleanup(chromium.stop);
  try {
    const result = await lighthouse(
      url,
      { port: chromium.port, logLevel: 'error', output: 'json', onlyCategories: CATEGORIES },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result?.lhr) throw new Error('Lighthouse returned no report.');
    return result.lhr;
  } finally {
    await stop();
  }
}

function summarize(lhr) {
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => [
      id,
      lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100),
    ]),
  );
  const failing = Object.fromEntries(CATEGORIES.map((id) => [id, failingAudits(lhr, id)]));
  const metrics = Object.fromEntries(
    METRICS.map((id) => [
      id,
      {
        value: lhr.audits[id]?.numericValue ?? null,
        display: lhr.audits[id]?.displayValue ?? null,
      },
    ]),
  );
  return {
    scores,
    failing,
    metrics,
    lighthouseVersion: lhr.lighthouseVersion,
    userAgent: lhr.environment?.hostUserAgent ?? null,
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    formFactor: lhr.configSettings?.formFactor ?? null,
    throttlingMethod: lhr.configSettings?.throttlingMethod ?? null,
    runWarnings: lhr.runWarnings ?? [],
    runtimeError: lhr.runtimeError ?? null,
  };
}

export async function measureLighthouse(env) {
  const { opts } = env;
  const { url } = await env.preview();
  // The start page asks the configured engine for its language pairs: with no engine it would
  // log errors a real deployment does not have.
  await env.apy();
  const presets = opts.desktop ? ['mobile', 'desktop'] : ['mobile'];
  const reports = {};
  const resultsDir = join(repoRoot, 'test-results', 'bench');
  mkdirSync(resultsDir, { recursive: true });
  const { computeMedianRun } = await import('lighthouse/core/lib/median-run.js');
  const performanceRuns = {};
  for (const preset of presets) {
    const runs = [];
    const count = preset === 'mobile' ? opts.lighthouseRuns : 1;
    for (let i = 0; i < count; i++) {
      const started = Date.now();
      const lhr = await runLighthouse(url, preset);
      runs.push(lhr);
      const scores = summarize(lhr).scores;
      log(
        `lighthouse ${preset}${count > 1 ? ` ${i + 1}/${count}` : ''}: ` +
          `${CATEGORIES.map((id) => `${LABELS[id]} ${scores[id]}`).join(', ')} ` +
          `(${Math.round((Date.now() - started) / 1000)} s)`,
      );
    }
    const lhr = runs.length === 1 ? runs[0] : computeMedianRun(runs);
    // The full report of the run shown, for the audit details the summary leaves out.
    writeFileSync(join(resultsDir, `lighthouse-${preset}.json`), JSON.stringify(lhr));
    reports[preset] = summarize(lhr);
    performanceRuns[preset] = runs.map((run) => summarize(run).scores.performance);
  }

  const rows = [];
  for (const preset of presets) {
    const { scores, metrics } = reports[preset];
    for (const id of CATEGORIES) {
      const budget = preset === 'mobile' ? BUDGETS[id] : undefined;
      const budgetText = budget === undefined ? 'info' : budget === 100 ? '= 100' : `≥ ${budget}`;
      rows.push(
        row(
          `${preset}: ${LABELS[id]}`,
          scores[id] === null ? '—' : String(scores[id]),
          budgetText,
          budget === undefined || scores[id] === null ? null : scores[id] >= budget,
        ),
      );
    }
    rows.push(
      row(
        `${preset}: FCP / LCP / TBT / CLS`,
        [
          'first-contentful-paint',
          'largest-contentful-paint',
          'total-blocking-time',
          'cumulative-layout-shift',
        ]
          .map((id) => metrics[id].display ?? '—')
          .join(' / '),
        'info',
      ),
    );
  }
  const notes = presets.flatMap((preset) => {
    const { failing, runWarnings, benchmarkIndex } = reports[preset];
    const runs = performanceRuns[preset];
    const lines = [
      `lighthouse ${preset} (benchmark index ${benchmarkIndex ?? '—'})` +
        (runs.length > 1
          ? `: median of ${runs.length} runs, performance per run ${runs.join(', ')}`
          : '') +
        ':',
    ];
    for (const id of CATEGORIES) {
      const weighted = failing[id].filter((audit) => audit.weight > 0);
      const diagnostics = failing[id].filter((audit) => audit.weight === 0);
      for (const audit of weighted) {
        lines.push(
          `  [${LABELS[id]}] ${audit.id}: ${audit.title}` +
            `${audit.displayValue ? ` (${audit.displayValue})` : ''} — score ${audit.score}, weight ${audit.weight}`,
        );
      }
      if (diagnostics.length > 0) {
        lines.push(
          `  [${LABELS[id]}] unweighted, flagged: ${diagnostics.map((audit) => audit.id).join(', ')}`,
        );
      }
    }
    if (lines.length === 1) lines.push('  no audit loses points');
    for (const warning of runWarnings) lines.push(`  warning: ${warning}`);
    return lines;
  });
  return {
    rows,
    notes,
    json: {
      budgets: BUDGETS,
      url,
      reports,
      performanceRuns,
      files: presets.map((preset) => `test-results/bench/lighthouse-${preset}.json`),
    },
  };
}
