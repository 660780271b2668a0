/**
 * The review's document-wide figures (approved, edited, flagged, edit effort), kept up to date
 * row by row: each call compares the rows with the ones it counted, by identity, and recounts only
 * the rows that changed. A keystroke in a ten-thousand-row review recounts one row.
 *
 * Counting a row runs its QA checks, so many changed rows at once (machine translations arriving
 * by the hundred, an imported file) are counted a slice at a time: a call may stop when its time
 * is up and say how many rows it left (`pending`), to be counted by the next call.
 */
import { combineEffort, type EffortShare } from '../../domain/review/effort';
import type { SegmentStatus } from '../../domain/review/types';

export interface TotalsRow {
  status: SegmentStatus;
  mt: string | null;
  target: string;
}

export interface ReviewTotals {
  total: number;
  approved: number;
  edited: number;
  flagged: number;
  /** Word-weighted edit effort of the edited rows, in percent (see `documentEffort`). */
  effort: number;
  /** Rows changed since they were last counted, not in the figures yet. */
  pending: number;
}

/** What one row adds to the figures that need its checks. */
interface Check {
  flagged: boolean;
  share: EffortShare;
}

const NO_SHARE: EffortShare = { weight: 0, weighted: 0 };

export class TotalsCounter<Row extends TotalsRow> {
  readonly #flagged: (row: Row) => boolean;
  readonly #share: (row: Row) => EffortShare;
  /** Per position, the row as its status was counted, and as it was checked. */
  #seen: (Row | undefined)[] = [];
  #checked: (Row | undefined)[] = [];
  #checks: (Check | undefined)[] = [];
  #sum = { approved: 0, edited: 0, flagged: 0, weight: 0, weighted: 0 };

  constructor(flagged: (row: Row) => boolean, share: (row: Row) => EffortShare) {
    this.#flagged = flagged;
    this.#share = share;
  }

  /**
   * Counts the rows that changed. Statuses are cheap and always counted whole; with `budgetMs`,
   * checking stops starting new rows once that much time has passed (after at least one), and
   * leaves the rest `pending` for the next call.
   */
  count(rows: readonly Row[], budgetMs = Infinity): ReviewTotals {
    if (rows.length !== this.#seen.length) {
      this.#seen = new Array<Row | undefined>(rows.length);
      this.#checked = new Array<Row | undefined>(rows.length);
      this.#checks = new Array<Check | undefined>(rows.length);
      this.#sum = { approved: 0, edited: 0, flagged: 0, weight: 0, weighted: 0 };
    }
    const sum = this.#sum;
    const deadline = budgetMs === Infinity ? Infinity : performance.now() + budgetMs;
    let pending = 0;
    let timeUp = false;
    rows.forEach((row, i) => {
      const seen = this.#seen[i];
      if (row !== seen) {
        if (seen) this.#addStatus(seen, -1);
        this.#addStatus(row, 1);
        this.#seen[i] = row;
      }
      if (row === this.#checked[i]) return;
      if (timeUp) {
        pending++;
        return;
      }
      const before = this.#checks[i];
      if (before) this.#addCheck(before, -1);
      const check: Check = {
        flagged: this.#flagged(row),
        share: row.status === 'mt' ? NO_SHARE : this.#share(row),
      };
      this.#checks[i] = check;
      this.#addCheck(check, 1);
      this.#checked[i] = row;
      timeUp = deadline !== Infinity && performance.now() >= deadline;
    });
    return {
      total: rows.length,
      approved: sum.approved,
      edited: sum.edited,
      flagged: sum.flagged,
      effort: combineEffort([{ weight: sum.weight, weighted: sum.weighted }]),
      pending,
    };
  }

  /** Whether `row`, as it is, was counted as flagged; undefined when it has not been checked. */
  flagged(row: Row, position: number): boolean | undefined {
    return this.#checked[position] === row ? this.#checks[position]?.flagged : undefined;
  }

  #addStatus(row: Row, sign: 1 | -1) {
    if (row.status === 'approved') this.#sum.approved += sign;
    if (row.status !== 'mt') this.#sum.edited += sign;
  }

  #addCheck(check: Check, sign: 1 | -1) {
    const sum = this.#sum;
    if (check.flagged) sum.flagged += sign;
    sum.weight += sign * check.share.weight;
    sum.weighted += sign * check.share.weighted;
  }
}
