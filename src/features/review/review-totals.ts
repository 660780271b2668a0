/**
 * The review's document-wide figures (approved, edited, flagged, edit effort), kept up to date
 * row by row: each call compares the rows with the ones of the call before, by identity, and
 * recounts only the rows that changed. A keystroke in a ten-thousand-row review recounts one row.
 */
import { combineEffort, type EffortShare } from '../../domain/review/effort';
import type { SegmentStatus } from '../../domain/review/types';

interface TotalsRow {
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
}

interface Part {
  approved: number;
  edited: number;
  flagged: number;
  share: EffortShare;
}

const NO_SHARE: EffortShare = { weight: 0, weighted: 0 };

export class TotalsCounter<Row extends TotalsRow> {
  readonly #flagged: (row: Row) => boolean;
  readonly #share: (row: Row) => EffortShare;
  #rows: readonly Row[] = [];
  #parts: Part[] = [];
  #sum = { approved: 0, edited: 0, flagged: 0, weight: 0, weighted: 0 };

  constructor(flagged: (row: Row) => boolean, share: (row: Row) => EffortShare) {
    this.#flagged = flagged;
    this.#share = share;
  }

  count(rows: readonly Row[]): ReviewTotals {
    if (rows.length !== this.#rows.length) {
      this.#rows = [];
      this.#parts = [];
      this.#sum = { approved: 0, edited: 0, flagged: 0, weight: 0, weighted: 0 };
    }
    const sum = this.#sum;
    rows.forEach((row, i) => {
      if (row === this.#rows[i]) return;
      const before = this.#parts[i];
      if (before) this.#add(before, -1);
      const part = this.#partOf(row);
      this.#parts[i] = part;
      this.#add(part, 1);
    });
    this.#rows = rows;
    return {
      total: rows.length,
      approved: sum.approved,
      edited: sum.edited,
      flagged: sum.flagged,
      effort: combineEffort([{ weight: sum.weight, weighted: sum.weighted }]),
    };
  }

  #partOf(row: Row): Part {
    const edited = row.status !== 'mt';
    return {
      approved: row.status === 'approved' ? 1 : 0,
      edited: edited ? 1 : 0,
      flagged: this.#flagged(row) ? 1 : 0,
      share: edited ? this.#share(row) : NO_SHARE,
    };
  }

  #add(part: Part, sign: 1 | -1) {
    const sum = this.#sum;
    sum.approved += sign * part.approved;
    sum.edited += sign * part.edited;
    sum.flagged += sign * part.flagged;
    sum.weight += sign * part.share.weight;
    sum.weighted += sign * part.share.weighted;
  }
}
