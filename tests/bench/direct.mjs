// The baseline the app is measured against: the same texts sent straight to APy from Node with
// the same packing and concurrency as the app's translation queue (reading order, at most 4,000
// characters and 200 texts per request, two requests in flight) and the same request body
// (`<p>` blocks, format=html, markUnknown=no, form-encoded POST). Whatever the app takes beyond
// this is the app's own cost.
//
// Library:  const result = await translateDirect({ apyUrl, texts });
// CLI:      node tests/bench/direct.mjs [--apy http://localhost:2737] [--paragraphs 1000]

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateArticle } from './article.mjs';

/** The app's limits for APy (src/domain/providers/apertium.ts). */
export const APY_LIMITS = { maxCharsPerRequest: 4000, maxTextsPerRequest: 200, maxConcurrency: 2 };

/**
 * The queue's packing rule: in order, a request takes texts while it holds fewer than
 * `maxTextsPerRequest` and the next one still fits in `maxCharsPerRequest` (a first text always
 * goes, whatever its length).
 */
export function packTexts(texts, limits = APY_LIMITS) {
  const batches = [];
  let batch = [];
  let chars = 0;
  for (const text of texts) {
    const full =
      batch.length >= limits.maxTextsPerRequest ||
      (batch.length > 0 && chars + text.length > limits.maxCharsPerRequest);
    if (full) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(text);
    chars += text.length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function unescapeHtml(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body) => {
    const lower = body.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return ENTITIES[lower] ?? whole;
  });
}

/** One APy request for a batch, answered and split back into texts as the app does it. */
async function translateBatch(apyUrl, batch, langpair) {
  const body = new URLSearchParams({
    langpair,
    q: batch.map((text) => `<p>${escapeHtml(text)}</p>`).join(''),
    format: 'html',
    markUnknown: 'no',
  });
  const response = await fetch(`${apyUrl}/translate`, {
    method: 'POST',
    body,
    signal: AbortSignal.timeout(60_000),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`APy answered ${response.status}: ${JSON.stringify(json)}`);
  const html = json.responseData?.translatedText ?? '';
  const parts = [...html.matchAll(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p\s*>/gi)].map((match) =>
    unescapeHtml((match[1] ?? '').replace(/<[^>]*>/g, ''))
      .replace(/\s+/g, ' ')
      .trim(),
  );
  if (parts.length !== batch.length) {
    throw new Error(`APy answered ${parts.length} paragraphs for ${batch.length}`);
  }
  return parts;
}

/**
 * Translates `texts` with the app's packing and concurrency. Times are from the first request
 * sent: `totalMs` to the last answer split back, `firstRoundTripMs` for the first request alone.
 */
export async function translateDirect({
  apyUrl = 'http://localhost:2737',
  texts,
  langpair = 'eng|spa',
  limits = APY_LIMITS,
}) {
  const base = apyUrl.replace(/\/+$/, '');
  const batches = packTexts(texts, limits);
  const translations = new Array(batches.length);
  const timeline = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < batches.length) {
      const index = next++;
      const sent = performance.now() - started;
      translations[index] = await translateBatch(base, batches[index], langpair);
      const batch = batches[index];
      timeline.push({
        index,
        texts: batch.length,
        chars: batch.reduce((sum, text) => sum + text.length, 0),
        sentMs: sent,
        doneMs: performance.now() - started,
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(limits.maxConcurrency, batches.length) }, lane));
  const totalMs = performance.now() - started;
  timeline.sort((a, b) => a.index - b.index);
  const first = timeline[0];
  return {
    totalMs,
    firstRoundTripMs: first ? first.doneMs - first.sentMs : 0,
    requests: batches.length,
    timeline,
    translations: translations.flat(),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      apy: { type: 'string', default: process.env.APY_URL ?? 'http://localhost:2737' },
      paragraphs: { type: 'string', default: '1000' },
    },
  });
  const article = generateArticle({ paragraphs: Number(values.paragraphs) });
  const texts = [article.title, ...article.paragraphs];
  const result = await translateDirect({ apyUrl: values.apy, texts });
  console.log(
    `${texts.length} texts in ${result.requests} requests: ${Math.round(result.totalMs)} ms total, ` +
      `first request ${Math.round(result.firstRoundTripMs)} ms`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
