// CPU time used by each side of a run, read from /proc (Linux only; elsewhere every figure is
// null). On a small machine the engine and the browser share the same cores, so a slower engine
// round trip from the app usually means the browser was busy at the same time: these figures say
// how busy.

import { readFileSync, readdirSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on every Linux the bench runs on.

function classify(pid) {
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return null;
  }
  if (/chrom(e|ium)/i.test(cmdline)) {
    const type = /--type=(\S+)/.exec(cmdline)?.[1];
    const sub = /--utility-sub-type=(\S+)/.exec(cmdline)?.[1];
    return `browser:${sub ?? type ?? 'main'}`;
  }
  if (/apertium|lt-proc|cg-proc|lrx-proc|hfst|vislcg3/.test(cmdline)) return 'engine';
  if (Number(pid) === process.pid) return 'bench';
  return 'other';
}

/** CPU ticks so far of every process, with its kind, plus the whole machine's busy ticks. */
export function cpuSnapshot() {
  if (process.platform !== 'linux') return null;
  const processes = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone in between
    }
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const kind = classify(name);
    if (kind) processes.set(name, { kind, ticks });
  }
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1);
  const values = cpu.map(Number);
  const idle = values[3] + values[4];
  const all = values.reduce((sum, v) => sum + v, 0);
  return { processes, busy: all - idle, at: performance.now() };
}

/**
 * Milliseconds of CPU per kind between two snapshots, and the machine's average load. A process
 * that started in between counts from zero; one that ended in between is missing what it used
 * since `before` (see startCpuMeter).
 */
export function cpuBetween(before, after) {
  if (!before || !after) return null;
  const byKind = { browser: 0, engine: 0, bench: 0, other: 0 };
  for (const [pid, { kind, ticks }] of after.processes) {
    const earlier = before.processes.get(pid);
    const used = earlier && earlier.kind === kind ? ticks - earlier.ticks : ticks;
    byKind[kind] = (byKind[kind] ?? 0) + Math.max(0, used);
    if (kind.startsWith('browser:')) byKind.browser += Math.max(0, used);
  }
  const out = {};
  for (const [kind, ticks] of Object.entries(byKind)) out[`${kind}Ms`] = ticks * TICK_MS;
  const wall = after.at - before.at;
  out.machineBusyMs = (after.busy - before.busy) * TICK_MS;
  out.wallMs = Math.round(wall);
  return out;
}

/**
 * Measures from now until `stop()`, reading /proc every `intervalMs` in between: APy restarts a
 * language pair's pipeline after 1,000 requests, and a process that ends takes its CPU time with
 * it. Each process counts up to the last reading that saw it, so an ended one loses at most one
 * interval instead of everything it used in the run. A reading takes a few milliseconds of the
 * bench's CPU.
 */
export function startCpuMeter(intervalMs = 1000) {
  const first = cpuSnapshot();
  if (!first) return { stop: () => null };
  const seen = new Map(first.processes);
  const read = () => {
    const snapshot = cpuSnapshot();
    for (const [pid, entry] of snapshot.processes) {
      const known = seen.get(pid);
      // A pid taken over by another kind of process keeps the first one's reading.
      if (!known || known.kind === entry.kind) seen.set(pid, entry);
    }
    return snapshot;
  };
  const timer = setInterval(read, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const last = read();
      return cpuBetween(first, { ...last, processes: seen });
    },
  };
}
