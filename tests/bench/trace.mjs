// Reads a Chromium performance trace (as written by Playwright's browser.startTracing, which
// includes V8's sampling profiler) and says where the page's main thread spent its time: busy
// versus idle, the kinds of work (script, style and layout, paint, garbage collection), and, via
// the build's source maps, which source files and functions had the most self time. A few lines
// for the bench's report, so a budget that fails comes with a first idea of why.

import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';

const KINDS = [
  ['script', /^(FunctionCall|EvaluateScript|TimerFire|EventDispatch|RunMicrotasks|v8\.\w+)$/],
  ['style & layout', /^(UpdateLayoutTree|Layout|RecalculateStyles|HitTest)$/],
  ['paint & composite', /^(Paint|PrePaint|Layerize|UpdateLayer|Commit)$/],
  ['garbage collection', /^(MinorGC|MajorGC|BlinkGC\.\w+)$/],
];

function readEvents(path) {
  const parsed = JSON.parse(readFileSync(path, 'utf8'));
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

const threadKey = (event) => `${event.pid}:${event.tid}`;

/** The page's renderer main thread: the CrRendererMain with the most top-level work. */
function mainThread(events) {
  const work = new Map();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain') {
      work.set(threadKey(event), 0);
    }
  }
  for (const event of events) {
    const key = threadKey(event);
    if (event.ph === 'X' && event.name === 'RunTask' && work.has(key)) {
      work.set(key, work.get(key) + (event.dur ?? 0));
    }
  }
  let best = null;
  for (const [key, total] of work) if (!best || total > best[1]) best = [key, total];
  return best?.[0] ?? null;
}

/** Total length of the union of the events' intervals (nested and overlapping ones count once). */
function covered(events) {
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  let sum = 0;
  let until = -Infinity;
  for (const event of sorted) {
    const end = event.ts + event.dur;
    if (event.ts >= until) sum += event.dur;
    else if (end > until) sum += end - until;
    until = Math.max(until, end);
  }
  return sum;
}

/** Maps a built script position back to its source, using the `.map` beside the served file. */
function createResolver(distDir) {
  const maps = new Map();
  const mapFor = (url) => {
    const file = (url ?? '').split('?')[0].split('/').pop();
    if (!file || !distDir) return null;
    if (!maps.has(file)) {
      const path = join(distDir, 'assets', `${file}.map`);
      let map = null;
      if (existsSync(path)) {
        try {
          map = new SourceMap(JSON.parse(readFileSync(path, 'utf8')));
        } catch {
          map = null;
        }
      }
      maps.set(file, map);
    }
    return maps.get(file);
  };
  return (frame) => {
    const file = (frame.url ?? '').split('/').pop() || '';
    const fallback = {
      source: file || frame.functionName || '(native)',
      label: `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`,
    };
    const map = mapFor(frame.url);
    if (!map) return fallback;
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber);
    if (!entry?.originalSource) return fallback;
    const source = entry.originalSource.replace(/^.*?(node_modules\/|src\/)/, '$1');
    const name = entry.name || frame.functionName || '(anonymous)';
    return { source, label: `${name} ${source}:${entry.originalLine + 1}` };
  };
}

/** Self time per function and per source file from the main thread's profiler samples. */
function profileSelfTime(events, key, resolve) {
  const [pid, tid] = key.split(':').map(Number);
  const profiles = new Set(
    events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid).map((e) => e.id),
  );
  const nodes = new Map();
  const byFunction = new Map();
  const byFile = new Map();
  let total = 0;
  for (const event of events) {
    if (event.name !== 'ProfileChunk' || event.pid !== pid || !profiles.has(event.id)) continue;
    const profile = event.args?.data?.cpuProfile ?? {};
    for (const node of profile.nodes ?? []) nodes.set(`${event.id}:${node.id}`, node.callFrame);
    const deltas = event.args?.data?.timeDeltas ?? [];
    (profile.samples ?? []).forEach((sample, index) => {
      const frame = nodes.get(`${event.id}:${sample}`);
      const micros = Math.max(0, deltas[index] ?? 0);
      if (!frame || frame.functionName === '(idle)') return;
      const { source, label } = frame.url
        ? resolve(frame)
        : { source: frame.functionName, label: frame.functionName };
      byFunction.set(label, (byFunction.get(label) ?? 0) + micros);
      byFile.set(source, (byFile.get(source) ?? 0) + micros);
      total += micros;
    });
  }
  return { byFunction, byFile, total };
}

const msOf = (micros) => `${Math.round(micros / 1000).toLocaleString('en')} ms`;
const top = (map, count) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);

/**
 * Lines describing the trace; `distDir` is the directory that was served (for source maps).
 */
export function summarizeTrace(path, { distDir } = {}) {
  const events = readEvents(path);
  const key = mainThread(events);
  if (!key) return ['No renderer main thread found in the trace.'];
  const onMain = events.filter((e) => threadKey(e) === key && e.ph === 'X' && e.dur);
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const start = Math.min(...tasks.map((e) => e.ts));
  const end = Math.max(...tasks.map((e) => e.ts + e.dur));
  const kinds = KINDS.map(
    ([kind, pattern]) => `${kind} ${msOf(covered(onMain.filter((e) => pattern.test(e.name))))}`,
  );
  const { byFunction, byFile, total } = profileSelfTime(events, key, createResolver(distDir));
  return [
    `renderer main thread: ${msOf(covered(tasks))} busy in ${msOf(end - start)} (tracing slows it)`,
    `by kind: ${kinds.join(', ')}`,
    ...(total === 0
      ? ['no CPU profile in the trace']
      : [
          `self time by source (${msOf(total)} sampled):`,
          ...top(byFile, 8).map(([file, micros]) => `  ${msOf(micros).padStart(9)}  ${file}`),
          'self time by function:',
          ...top(byFunction, 12).map(
            ([label, micros]) => `  ${msOf(micros).padStart(9)}  ${label}`,
          ),
        ]),
  ];
}
