/**
 * One result per row, kept while the row's inputs stay the same. A review of ten thousand rows
 * recomputes a row's QA findings or effort only when that row changed, so a keystroke costs one
 * row's checks, not the whole document's.
 */
export class RowMemo<Args extends readonly unknown[], Value> {
  readonly #compute: (...args: Args) => Value;
  readonly #entries = new Map<number, { args: Args; value: Value }>();

  constructor(compute: (...args: Args) => Value) {
    this.#compute = compute;
  }

  /** The value for row `index`: computed again only when an argument differs (`Object.is`). */
  get(index: number, ...args: Args): Value {
    const entry = this.#entries.get(index);
    if (entry && sameArgs(entry.args, args)) return entry.value;
    const value = this.#compute(...args);
    this.#entries.set(index, { args, value });
    return value;
  }
}

function sameArgs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
