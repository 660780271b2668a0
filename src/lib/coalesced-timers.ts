/**
 * A timer provider for TanStack Query that keeps thousands of long timers off the event loop.
 *
 * Every query arms a garbage-collection timer (minutes long) when it is created, when a fetch
 * settles and when it loses its last observer, and disarms it when an observer arrives. On a
 * thousand-paragraph article that is thousands of real setTimeout/clearTimeout calls while the
 * translation streams in — measurable main-thread time taken from rendering and from the engine's
 * share of the CPU. Long timers here live in a map and share one real timer, armed for the earliest
 * of them; clearing one is a map deletion. Short timers (retry delays) use the platform directly.
 */
import type { TimeoutCallback, TimeoutProvider } from '@tanstack/react-query';

/** Timers at least this long are coalesced. */
const LONG_MS = 1000;
/** Due times are rounded up to this grain, so nearby timers fire together. */
const GRAIN_MS = 250;

interface Managed {
  due: number;
  callback: TimeoutCallback;
}

export class CoalescedTimers implements TimeoutProvider<number> {
  private readonly managed = new Map<number, Managed>();
  /** Negative ids: they can never collide with the platform's positive timer ids. */
  private nextId = -1;
  private armedAt = Infinity;
  private armed: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;

  constructor(now: () => number = () => Date.now()) {
    this.now = now;
  }

  readonly setTimeout = (callback: TimeoutCallback, delay: number): number => {
    if (delay < LONG_MS) return setTimeout(callback, delay) as unknown as number;
    const id = this.nextId--;
    const due = Math.ceil((this.now() + delay) / GRAIN_MS) * GRAIN_MS;
    this.managed.set(id, { due, callback });
    if (due < this.armedAt) this.arm(due);
    return id;
  };

  readonly clearTimeout = (id: number | undefined): void => {
    if (id === undefined) return;
    if (typeof id === 'number' && id < 0) this.managed.delete(id);
    else clearTimeout(id);
  };

  readonly setInterval = (callback: TimeoutCallback, delay: number): number =>
    setInterval(callback, delay) as unknown as number;

  readonly clearInterval = (id: number | undefined): void => {
    if (id !== undefined) clearInterval(id);
  };

  /** How many long timers are waiting (for tests). */
  get size(): number {
    return this.managed.size;
  }

  private arm(due: number): void {
    if (this.armed !== null) clearTimeout(this.armed);
    this.armedAt = due;
    this.armed = setTimeout(() => this.fire(), Math.max(0, due - this.now()));
  }

  private fire(): void {
    this.armed = null;
    this.armedAt = Infinity;
    const now = this.now();
    let next = Infinity;
    const due: TimeoutCallback[] = [];
    for (const [id, timer] of this.managed) {
      if (timer.due <= now) {
        this.managed.delete(id);
        due.push(timer.callback);
      } else if (timer.due < next) next = timer.due;
    }
    if (next < Infinity) this.arm(next);
    for (const callback of due) callback();
  }
}
