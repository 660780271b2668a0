/**
 * Service worker registration. A new version never takes over by itself: it waits until the
 * reader accepts the prompt, and the reload happens only after pending edits are stored.
 */
import { flushUnsavedWork } from './unsaved-work';

type Listener = () => void;

let needRefresh = false;
let update: ((reload?: boolean) => Promise<void>) | null = null;
const listeners = new Set<Listener>();

export function subscribeToUpdate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const updateReady = () => needRefresh;

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const { registerSW } = await import('virtual:pwa-register');
  update = registerSW({
    immediate: true,
    onNeedRefresh() {
      needRefresh = true;
      for (const listener of listeners) listener();
    },
  });
}

/** Stores pending edits, then activates the waiting version and reloads. */
export async function applyUpdate(): Promise<void> {
  await flushUnsavedWork();
  await update?.(true);
}
