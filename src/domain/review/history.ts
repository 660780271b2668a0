/**
 * Undo/redo for a review session. Entries are opaque to the history: the caller decides what a
 * change records (typically a row index with the text before and after) and how to apply or revert
 * it when {@link EditHistory.undo} or {@link EditHistory.redo} hands the entry back.
 *
 * Typing would otherwise leave one entry per keystroke, so a record may carry a `mergeKey` (say,
 * `text:12` for row 12): while records with the same key keep arriving less than `mergeWindowMs`
 * apart, each is folded into the previous entry with the `merge` function. Undo, redo and clear end
 * such a run, so an undone step is never silently extended.
 */

export interface EditHistoryOptions<T> {
  /** Most entries kept; the oldest are forgotten first. Default 200. */
  limit?: number;
  /** Combines two consecutive changes into one; without it nothing is merged. */
  merge?: (older: T, newer: T) => T;
}

export interface RecordOptions {
  mergeKey?: string;
  /** Largest gap between two records that still merge. Default 1000 ms. */
  mergeWindowMs?: number;
  /** The record's time in ms; defaults to `Date.now()`. */
  now?: number;
}

export const DEFAULT_HISTORY_LIMIT = 200;
export const DEFAULT_MERGE_WINDOW_MS = 1000;

export class EditHistory<T> {
  private readonly limit: number;
  private readonly merge: ((older: T, newer: T) => T) | undefined;
  private past: T[] = [];
  private future: T[] = [];
  /** The run the next record may join; null after undo, redo or clear. */
  private run: { key: string; at: number } | null = null;

  constructor(options: number | EditHistoryOptions<T> = DEFAULT_HISTORY_LIMIT) {
    const { limit = DEFAULT_HISTORY_LIMIT, merge } =
      typeof options === 'number' ? { limit: options } : options;
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError('History limit must be a positive integer');
    }
    this.limit = limit;
    this.merge = merge;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Entries that undo can still reach. */
  get size(): number {
    return this.past.length;
  }

  record(entry: T, options: RecordOptions = {}): void {
    const { mergeKey, mergeWindowMs = DEFAULT_MERGE_WINDOW_MS, now = Date.now() } = options;
    this.future = [];
    const previous = this.past.at(-1);
    if (
      this.merge &&
      mergeKey !== undefined &&
      previous !== undefined &&
      this.run?.key === mergeKey &&
      now - this.run.at >= 0 &&
      now - this.run.at <= mergeWindowMs
    ) {
      this.past[this.past.length - 1] = this.merge(previous, entry);
      this.run = { key: mergeKey, at: now };
      return;
    }
    this.past.push(entry);
    if (this.past.length > this.limit) this.past.splice(0, this.past.length - this.limit);
    this.run = mergeKey === undefined ? null : { key: mergeKey, at: now };
  }

  /** The entry to revert, or null when there is none. */
  undo(): T | null {
    const entry = this.past.pop();
    if (entry === undefined) return null;
    this.future.push(entry);
    this.run = null;
    return entry;
  }

  /** The entry to apply again, or null when there is none. */
  redo(): T | null {
    const entry = this.future.pop();
    if (entry === undefined) return null;
    this.past.push(entry);
    this.run = null;
    return entry;
  }

  clear(): void {
    this.past = [];
    this.future = [];
    this.run = null;
  }
}
