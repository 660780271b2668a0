// Plain-text reconstruction speed: the app's own pipeline from file bytes to an article
// (src/domain/article: decodeArticleBytes, then ingestText, which is what opening a .txt file
// runs), bundled for Node with rolldown and timed on hard-wrapped English text of 1, 2.5 and
// 5 MB. Budget: 5 MB well under a second (≤ 500 ms of CPU time), and time growing in step with
// the size (an exponent near 1; quadratic work shows as 2). Then the same 5 MB file is opened in
// the built app through the file input, as information: that adds hashing, language detection,
// storage and the first render.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { log, repoRoot } from '../../.ci/lib/system.mjs';
import { generateWrappedText } from './article.mjs';
import { MB, median, ms, row } from './report.mjs';
import { openUntilReadable } from './scale.mjs';
import { tempDir } from './setup.mjs';

const SIZES = [1e6, 2.5e6, 5e6];
const BUDGET_MS = 500;
/** Time growing as size^k: k ≤ this still reads as linear on a noisy machine. */
const GROWTH_BUDGET = 1.3;

/** The article pipeline as an ES module for Node, built from the TypeScript sources. */
async function bundlePipeline() {
  const { rolldown } = await import('rolldown');
  const outDir = tempDir('interlinear-bench-reflow-');
  const bundle = await rolldown({
    input: {
      ingest: join(repoRoot, 'src/domain/article/ingest.ts'),
      decode: join(repoRoot, 'src/domain/article/decode.ts'),
    },
    platform: 'node',
    logLevel: 'silent',
  });
  await bundle.write({ dir: outDir, format: 'esm', entryFileNames: '[name].mjs' });
  await bundle.close();
  const [ingest, decode] = await Promise.all([
    import(pathToFileURL(join(outDir, 'ingest.mjs')).href),
    import(pathToFileURL(join(outDir, 'decode.mjs')).href),
  ]);
  return { ...ingest, ...decode };
}

/**
 * Median time of `runs` file opens after one untimed warm-up (the JIT's first pass): wall time,
 * and the process's CPU time beside it, which other work on a shared machine inflates far less.
 */
async function timeOpen(pipeline, bytes, runs) {
  const once = async () => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const decoded = pipeline.decodeArticleBytes(bytes);
    if (!decoded.ok) throw new Error(`The pipeline refused the text: ${decoded.reason}`);
    const draft = await pipeline.ingestText(decoded.text, { format: 'text' });
    const wall = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    return { ms: wall, cpuMs: (user + system) / 1000, blocks: draft.blocks.length };
  };
  const warm = await once();
  const timed = [];
  for (let i = 0; i < runs; i++) timed.push(await once());
  return {
    medianMs: median(timed.map((t) => t.ms)),
    cpuMedianMs: median(timed.map((t) => t.cpuMs)),
    times: timed.map((t) => Math.round(t.ms)),
    blocks: warm.blocks,
  };
}

/** k in time ∝ size^k, from the smallest and largest sizes (CPU time: steadier under load). */
const growthExponent = (small, large) =>
  Math.log(large.cpuMedianMs / small.cpuMedianMs) / Math.log(large.bytes / small.bytes);

export async function measureReflow(env) {
  const { opts } = env;
  const pipeline = await bundlePipeline();
  const shapes = [
    { id: 'blank-lines', label: 'paragraphs between blank lines', blankLines: true },
    { id: 'no-blank-lines', label: 'no blank lines', blankLines: false },
  ];
  const results = {};
  let fiveMb = null;
  for (const shape of shapes) {
    results[shape.id] = [];
    for (const size of SIZES) {
      const generated = generateWrappedText({
        bytes: size,
        seed: opts.seed,
        blankLines: shape.blankLines,
      });
      const bytes = new TextEncoder().encode(generated.text);
      const timing = await timeOpen(pipeline, bytes, opts.reflowRuns);
      results[shape.id].push({
        bytes: bytes.length,
        paragraphs: generated.paragraphs.length,
        ...timing,
      });
      log(
        `reflow: ${shape.id} ${MB(bytes.length)} → ${timing.blocks.toLocaleString('en')} blocks ` +
          `(${generated.paragraphs.length.toLocaleString('en')} paragraphs) in ${ms(timing.medianMs)} ` +
          `(CPU ${ms(timing.cpuMedianMs)})`,
      );
      if (shape.blankLines && size === SIZES.at(-1)) fiveMb = generated;
    }
  }
  const main = results['blank-lines'];
  const other = results['no-blank-lines'];
  const growth = growthExponent(main[0], main.at(-1));
  const otherGrowth = growthExponent(other[0], other.at(-1));
  const largest = main.at(-1);

  // The same 5 MB in the app: the file size limit, and what opening it costs end to end.
  const { url: baseUrl } = await env.preview();
  const browser = await env.browser();
  const limitBytes = pipeline.MAX_FILE_BYTES;
  const inPage = await openUntilReadable({
    browser,
    baseUrl,
    fileName: 'wrapped.txt',
    text: fiveMb.text,
    preferences: null,
    timeoutMs: 60_000,
  }).catch((error) => ({ error: error.message }));
  log(
    inPage.error
      ? `reflow: the app did not open the 5 MB file: ${inPage.error}`
      : `reflow: the app showed the 5 MB file readable after ${ms(inPage.readableMs)}`,
  );

  const sizes = (list) =>
    list.map((r) => `${MB(r.bytes)} ${ms(r.medianMs)} (CPU ${ms(r.cpuMedianMs)})`).join(', ');
  return {
    rows: [
      // Judged on CPU time: on a shared machine the wall time of a synchronous function
      // measures the neighbours as much as the code.
      row(
        `reconstruct ${MB(largest.bytes)} hard-wrapped text`,
        `${ms(largest.cpuMedianMs)} CPU (${ms(largest.medianMs)} wall)`,
        `≤ ${ms(BUDGET_MS)}`,
        largest.cpuMedianMs <= BUDGET_MS,
      ),
      row(
        'growth 1 → 5 MB (time ∝ size^k)',
        `k = ${growth.toFixed(2)}`,
        `k ≤ ${GROWTH_BUDGET}`,
        growth <= GROWTH_BUDGET,
      ),
      row(
        'same, no blank lines between paragraphs',
        `${ms(other.at(-1).cpuMedianMs)} CPU, k = ${otherGrowth.toFixed(2)}`,
        'info',
      ),
      row(
        'open the 5 MB file in the app, until readable',
        inPage.error ? 'refused or failed' : ms(inPage.readableMs),
        `file limit ${limitBytes / 2 ** 20} MiB`,
        inPage.error ? false : null,
      ),
    ],
    notes: [
      `reflow (Node ${process.version}, median of ${opts.reflowRuns} after a warm-up): ` +
        `blank lines ${sizes(main)}; no blank lines ${sizes(other)}.`,
      `  The app opens files up to ${limitBytes.toLocaleString('en')} bytes; in the page the 5 MB file took ${inPage.error ? '—' : ms(inPage.readableMs)} to readable` +
        (inPage.error
          ? ` (${inPage.error}).`
          : ` (${inPage.rows} rows rendered, title "${inPage.title}").`),
    ],
    json: {
      budgetMs: BUDGET_MS,
      growthBudget: GROWTH_BUDGET,
      runs: opts.reflowRuns,
      node: process.version,
      shapes: results,
      growth: { 'blank-lines': growth, 'no-blank-lines': otherGrowth },
      fileLimitBytes: limitBytes,
      inPage,
    },
  };
}
