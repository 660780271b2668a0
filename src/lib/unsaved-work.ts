/**
 * Work that is on screen but not yet stored (a review edit inside its save delay). Whatever would
 * reload the page — the "new version" prompt — first asks every registered holder to store it.
 */
type Flush = () => Promise<void>;

const holders = new Set<Flush>();

/** Registers a way to store pending work now; returns the unregister function. */
export function registerUnsavedWork(flush: Flush): () => void {
  holders.add(flush);
  return () => holders.delete(flush);
}

/** Stores everything pending; resolves once it is stored (or failed and was reported). */
export async function flushUnsavedWork(): Promise<void> {
  await Promise.allSettled([...holders].map((flush) => flush()));
}
