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

/** CPU ticks so far, per kind of process, plus the whole machine's busy ticks. */
export function cpuSnapshot() {
  if (process.platform !== 'linux') return null;
  const byKind = { browser: 0, engine: 0, bench: 0, other: 0 };
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
    if (kind) {
      byKind[kind] = (byKind[kind] ?? 0) + ticks;
      if (kind.startsWith('browser:')) byKind.browser += ticks;
    }
  }
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1);
  const values = cpu.map(Number);
  const idle = values[3] + values[4];
  const all = values.reduce((sum, v) => sum + v, 0);
  return { byKind, busy: all - idle, at: performance.now() };
}

/** Milliseconds of CPU per kind between two snapshots, and the machine's average load. */
export function cpuBetween(before, after) {
  if (!before || !after) return null;
  const out = {};
  for (const kind of Object.keys(after.byKind)) {
    // Processes that ended in between take their ticks with them: never report below zero.
    out[`${kind}Ms`] = Math.max(0, after.byKind[kind] - (before.byKind[kind] ?? 0)) * TICK_MS;
  }
  const wall = after.at - before.at;
  out.machineBusyMs = (after.busy - before.busy) * TICK_MS;
  out.wallMs = Math.round(wall);
  return out;
}
