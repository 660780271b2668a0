/**
 * Service worker registration. A new version never takes over by itself: it waits until the
 * reader accepts the prompt, and the reload happens only after pending edits are stored.
 *
 * The platform's own API does all this in a few lines, so no registration library ships on the
 * first load: the worker Workbox generates activates when asked with a `SKIP_WAITING` message.
 */
import { flushUnsavedWork } from './unsaved-work';

type Listener = () => void;

let needRefresh = false;
let registration: ServiceWorkerRegistration | null = null;
const listeners = new Set<Listener>();

export function subscribeToUpdate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const updateReady = () => needRefresh;

function announceUpdate(): void {
  if (needRefresh) return;
  needRefresh = true;
  for (const listener of listeners) listener();
}

/** The platform's `register`, as some embedders answer it: automation blocking workers with nothing. */
function register(): Promise<ServiceWorkerRegistration | undefined> {
  return navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, {
    scope: import.meta.env.BASE_URL,
  });
}

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  let current: ServiceWorkerRegistration | undefined;
  try {
    current = await register();
  } catch (error) {
    // The app works without a worker; it only cannot be read offline.
    console.warn('Service worker not registered', error);
    return;
  }
  if (!current) return;
  registration = current;
  // The very first install has nothing to replace: only a version arriving over one that already
  // controls this page waits for the reader.
  if (current.waiting && navigator.serviceWorker.controller) announceUpdate();
  current.addEventListener('updatefound', () => {
    const installing = current.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed' && navigator.serviceWorker.controller) announceUpdate();
    });
  });
}

/** Stores pending edits, then activates the waiting version and reloads. */
export async function applyUpdate(): Promise<void> {
  await flushUnsavedWork();
  const waiting = registration?.waiting;
  if (!waiting) {
    window.location.reload();
    return;
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
    once: true,
  });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
