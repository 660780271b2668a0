/**
 * The app's whole navigation state is its query string (`?doc=…`, or the share-target parameters
 * `?text=…&title=…&url=…&to=…&view=…`), so a subscription to history is all the router it needs.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

/** Navigates within the app; `replace` rewrites the current entry instead of adding one. */
export function navigate(params: Record<string, string | null>, { replace = false } = {}): void {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null) search.set(key, value);
  const query = search.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  for (const listener of listeners) listener();
}
