import { QueryClient, notifyManager, timeoutManager } from '@tanstack/react-query';
import { CoalescedTimers } from './coalesced-timers';

/**
 * Query updates reach React once per frame: a long article's answers arrive in bursts of dozens of
 * segments, and one render per frame for all of them beats one per update. Hidden tabs get no
 * frames, so they fall back to a plain task.
 */
export function scheduleQueryUpdatesPerFrame(): void {
  let pending: (() => void)[] = [];
  const run = () => {
    const callbacks = pending;
    pending = [];
    for (const callback of callbacks) callback();
  };
  notifyManager.setScheduler((callback) => {
    pending.push(callback);
    if (pending.length > 1) return;
    if (document.visibilityState === 'visible') requestAnimationFrame(run);
    else setTimeout(run, 0);
  });
}

/** Long query timers (garbage collection) share one real timer; call before any query exists. */
export function coalesceQueryTimers(): void {
  timeoutManager.setTimeoutProvider(new CoalescedTimers());
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Retrying is the translation queue's job (it knows which failures are worth it); a
        // failed query surfaces at once with its reason and a retry control.
        retry: false,
        refetchOnWindowFocus: false,
        staleTime: Infinity,
      },
    },
  });
}
