/**
 * Whether the browser says it is online. `navigator.onLine === false` is reliable ("certainly
 * offline"); true only means a network exists, so requests still handle failure themselves.
 */
import { useSyncExternalStore } from 'react';

export function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine;
}

export function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, isOnline, () => true);
}

/** Resolves when the browser is online (at once if it is); rejects if `signal` aborts first. */
export function waitUntilOnline(signal?: AbortSignal): Promise<void> {
  if (isOnline()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      if (!isOnline()) return;
      unsubscribe();
      signal?.removeEventListener('abort', abort);
      resolve();
    };
    const abort = () => {
      unsubscribe();
      reject(
        signal?.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'),
      );
    };
    const unsubscribe = subscribeOnline(done);
    signal?.addEventListener('abort', abort, { once: true });
  });
}
