/**
 * Which segment translations a whole-document run is working on, by query hash. A document run
 * (engine.ts, `translateSegments`) asks the engine for texts that no query is fetching yet, so the
 * query cache alone cannot say they are on their way; the progress counts read this as well.
 * Counted, not flagged: a run that replaces another (the same article read again) may hold the
 * same texts for a moment.
 */
const working = new Map<string, number>();
const listeners = new Set<(hashes: readonly string[]) => void>();
let changed = new Set<string>();
let notifyScheduled = false;

export function isDocumentWorking(hash: string): boolean {
  return working.has(hash);
}

/** Told, a microtask after a burst of changes, which hashes started or stopped. */
export function subscribeDocumentWork(listener: (hashes: readonly string[]) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function markDocumentWork(hashes: Iterable<string>): void {
  for (const hash of hashes) {
    const count = working.get(hash) ?? 0;
    working.set(hash, count + 1);
    if (count === 0) changed.add(hash);
  }
  scheduleNotify();
}

export function unmarkDocumentWork(hash: string): void {
  const count = working.get(hash);
  if (count === undefined) return;
  if (count > 1) {
    working.set(hash, count - 1);
    return;
  }
  working.delete(hash);
  changed.add(hash);
  scheduleNotify();
}

function scheduleNotify(): void {
  if (notifyScheduled || changed.size === 0) return;
  notifyScheduled = true;
  queueMicrotask(() => {
    notifyScheduled = false;
    const hashes = [...changed];
    changed = new Set();
    for (const listener of listeners) listener(hashes);
  });
}
