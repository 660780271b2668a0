/**
 * The review's working copy: stored rows, rows still showing plain MT, and what the reviewer is
 * changing. Every change is saved on its own within SAVE_DELAY_MS (and at once when the page is
 * hidden); a row another tab saved meanwhile becomes a conflict the reviewer settles, never a
 * silent overwrite. Changes go through one history, so undo and redo cover text, status and
 * comments alike.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EditHistory } from '../../domain/review/history';
import type {
  MtOrigin,
  ReviewComment,
  ReviewSegment,
  SegmentStatus,
} from '../../domain/review/types';
import {
  onRowSavedElsewhere,
  readReviewRow,
  reviewRowsQuery,
  saveReviewRow,
} from '../../lib/review-store';
import type { ReviewRowRecord } from '../../lib/storage/db';
import { registerUnsavedWork } from '../../lib/unsaved-work';
import { RowMemo } from './row-memo';

/** Edits reach IndexedDB this long after the last keystroke, at the latest. */
export const SAVE_DELAY_MS = 300;

export interface RowSource {
  index: number;
  source: string;
  /** The engine's translation, once there. */
  mt: { text: string; origin: MtOrigin } | null;
}

export interface WorkRow extends ReviewSegment {
  /** The stored revision this row is based on (0: never saved). */
  revision: number;
  saveState: 'idle' | 'pending' | 'saved' | 'failed';
  /** Another tab's version, when it saved this row after we started changing it. */
  conflict: ReviewRowRecord | null;
}

/** What one history step changes in a row. */
interface RowCore {
  target: string;
  status: SegmentStatus;
  comments: ReviewComment[];
}

interface HistoryEntry {
  index: number;
  before: RowCore;
  after: RowCore;
}

const coreOf = (row: RowCore): RowCore => ({
  target: row.target,
  status: row.status,
  comments: row.comments,
});

function fromRecord(record: ReviewRowRecord, source: RowSource): WorkRow {
  return {
    index: record.index,
    source: source.source,
    mt: record.mt,
    mtOrigin: record.mtOrigin,
    target: record.target,
    status: record.status,
    comments: record.comments,
    timeSpentMs: record.timeSpentMs,
    updatedAt: record.updatedAt,
    revision: record.revision,
    saveState: 'saved',
    conflict: null,
  };
}

function fromMachine(source: RowSource): WorkRow {
  return {
    index: source.index,
    source: source.source,
    mt: source.mt?.text ?? null,
    mtOrigin: source.mt?.origin ?? null,
    target: source.mt?.text ?? '',
    status: 'mt',
    comments: [],
    timeSpentMs: 0,
    updatedAt: source.mt?.origin.createdAt ?? 0,
    revision: 0,
    saveState: 'idle',
    conflict: null,
  };
}

export interface ReviewRows {
  rows: WorkRow[];
  loading: boolean;
  /** Changes a row; `mergeKey` folds quick successive typing into one undo step. */
  change: (index: number, patch: Partial<RowCore>, options?: { mergeKey?: string }) => void;
  addTime: (index: number, ms: number) => void;
  /** Undo and redo return the row they changed, or null. */
  undo: () => number | null;
  redo: () => number | null;
  canUndo: boolean;
  canRedo: boolean;
  resolveConflict: (index: number, keep: 'mine' | 'theirs') => void;
  /** Replaces rows wholesale (an import); one undo step each. */
  replaceRows: (
    rows: {
      index: number;
      core: RowCore;
      mt?: string | null;
      mtOrigin?: MtOrigin | null;
      timeSpentMs?: number;
    }[],
  ) => void;
}

/**
 * `sources` may be a new array whenever a translation arrives; rows whose source object stayed the
 * same keep their row object. `positions` maps each row index to its place in `sources`.
 */
export function useReviewRows(
  reviewId: string,
  sources: readonly RowSource[],
  positions: ReadonlyMap<number, number>,
): ReviewRows {
  const queryClient = useQueryClient();
  const stored = useQuery(reviewRowsQuery(reviewId));
  const [local, setLocal] = useState<ReadonlyMap<number, WorkRow>>(() => new Map());
  const localRef = useRef(local);
  const history = useRef(
    new EditHistory<HistoryEntry>({
      limit: 500,
      merge: (older, newer) => ({ index: older.index, before: older.before, after: newer.after }),
    }),
  );
  const [historyState, setHistoryState] = useState({ canUndo: false, canRedo: false });
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const storedByIndex = useMemo(() => {
    const map = new Map<number, ReviewRowRecord>();
    for (const record of stored.data ?? []) map.set(record.index, record);
    return map;
  }, [stored.data]);

  // Rows as stored or as the engine gave them; a row is built again only when its source or its
  // stored record changed, never per keystroke.
  const built = useMemo(
    () =>
      new RowMemo((source: RowSource, record: ReviewRowRecord | undefined) =>
        record ? fromRecord(record, source) : fromMachine(source),
      ),
    [],
  );
  const base = useMemo(
    () => sources.map((source) => built.get(source.index, source, storedByIndex.get(source.index))),
    [built, sources, storedByIndex],
  );
  // The reviewer's rows laid over them: a change touches its own row, every other row keeps its
  // identity (memoized rows and per-row checks skip it).
  const rows = useMemo(() => {
    if (local.size === 0) return base;
    const out = base.slice();
    for (const [index, mine] of local) {
      const position = positions.get(index);
      const source = position === undefined ? undefined : sources[position];
      if (position === undefined || !source) continue;
      // A row nobody changed yet follows the engine: its MT may arrive after the edit view opened.
      out[position] =
        mine.revision === 0 && mine.mt === null && source.mt && mine.status === 'mt'
          ? { ...mine, mt: source.mt.text, mtOrigin: source.mt.origin }
          : mine;
    }
    return out;
  }, [base, local, positions, sources]);
  const rowsRef = useRef({ rows, positions });
  useEffect(() => {
    rowsRef.current = { rows, positions };
  });
  const rowAt = useCallback((index: number): WorkRow | undefined => {
    const { rows: latest, positions: at } = rowsRef.current;
    const position = at.get(index);
    return position === undefined ? undefined : latest[position];
  }, []);

  // The ref is the source of truth between renders: saves and broadcasts read it right away.
  const setRow = useCallback((row: WorkRow) => {
    const next = new Map(localRef.current);
    next.set(row.index, row);
    localRef.current = next;
    setLocal(next);
  }, []);

  const current = useCallback(
    (index: number): WorkRow | undefined => localRef.current.get(index) ?? rowAt(index),
    [rowAt],
  );

  const save = useCallback(
    async (index: number, force = false) => {
      timers.current.delete(index);
      const row = current(index);
      if (!row) return;
      try {
        const result = await saveReviewRow(
          {
            reviewId,
            index,
            source: row.source,
            target: row.target,
            mt: row.mt,
            mtOrigin: row.mtOrigin,
            status: row.status,
            comments: row.comments,
            timeSpentMs: row.timeSpentMs,
            updatedAt: row.updatedAt,
          },
          row.revision,
          { force },
        );
        const latest = current(index) ?? row;
        if (result.ok) {
          // Only the revision moves: typing that went on during the save stays.
          const unchanged = latest.target === row.target && latest.status === row.status;
          setRow({
            ...latest,
            revision: result.row.revision,
            saveState: unchanged && !timers.current.has(index) ? 'saved' : 'pending',
            conflict: null,
          });
        } else {
          setRow({ ...latest, saveState: 'idle', conflict: result.conflict });
        }
      } catch (error) {
        console.warn('Review row not saved', error);
        const latest = current(index) ?? row;
        setRow({ ...latest, saveState: 'failed' });
      }
    },
    [current, reviewId, setRow],
  );

  const scheduleSave = useCallback(
    (index: number) => {
      const existing = timers.current.get(index);
      if (existing) clearTimeout(existing);
      timers.current.set(
        index,
        setTimeout(() => void save(index), SAVE_DELAY_MS),
      );
    },
    [save],
  );

  const flushAll = useCallback(() => {
    const saves: Promise<void>[] = [];
    for (const [index, timer] of timers.current) {
      clearTimeout(timer);
      saves.push(save(index));
    }
    return Promise.all(saves).then(() => undefined);
  }, [save]);

  // A reload for a new version stores these edits first.
  useEffect(() => registerUnsavedWork(flushAll), [flushAll]);

  // Hidden or leaving: save what waits now rather than in a moment that may not come.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flushAll();
    };
    const onLeave = () => void flushAll();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onLeave);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onLeave);
      void flushAll();
    };
  }, [flushAll]);

  // Another tab saved a row of this review: take it, unless we are changing that row ourselves.
  useEffect(
    () =>
      onRowSavedElsewhere(reviewId, (index) => {
        void readReviewRow(reviewId, index).then((record) => {
          if (!record) return;
          const mine = current(index);
          // A row already in conflict stays so: the newer version replaces the one shown as
          // theirs, and the reviewer's own text is never dropped for it.
          const busy =
            timers.current.has(index) || mine?.saveState === 'pending' || mine?.conflict != null;
          if (mine && busy) {
            setRow({ ...mine, conflict: record });
            return;
          }
          const source = rowAt(index);
          if (!source) return;
          setRow(fromRecord(record, { index, source: source.source, mt: null }));
          void queryClient.invalidateQueries({ queryKey: reviewRowsQuery(reviewId).queryKey });
        });
      }),
    [current, queryClient, reviewId, rowAt, setRow],
  );

  const syncHistory = () =>
    setHistoryState({
      canUndo: history.current.canUndo,
      canRedo: history.current.canRedo,
    });

  const apply = useCallback(
    (index: number, core: RowCore) => {
      const row = current(index);
      if (!row) return;
      setRow({ ...row, ...core, updatedAt: Date.now(), saveState: 'pending' });
      scheduleSave(index);
    },
    [current, scheduleSave, setRow],
  );

  const change: ReviewRows['change'] = (index, patch, options = {}) => {
    const row = current(index);
    if (!row) return;
    const before = coreOf(row);
    const after = { ...before, ...patch };
    if (
      after.target === before.target &&
      after.status === before.status &&
      after.comments === before.comments
    ) {
      return;
    }
    history.current.record(
      { index, before, after },
      options.mergeKey ? { mergeKey: `${index}:${options.mergeKey}`, mergeWindowMs: 1500 } : {},
    );
    apply(index, after);
    syncHistory();
  };

  const addTime: ReviewRows['addTime'] = (index, ms) => {
    const row = current(index);
    if (!row || ms <= 0) return;
    // Time alone changes nothing on screen: the row keeps its save state while it is stored.
    setRow({ ...row, timeSpentMs: row.timeSpentMs + ms });
    scheduleSave(index);
  };

  const undo = () => {
    const entry = history.current.undo();
    if (entry) apply(entry.index, entry.before);
    syncHistory();
    return entry?.index ?? null;
  };
  const redo = () => {
    const entry = history.current.redo();
    if (entry) apply(entry.index, entry.after);
    syncHistory();
    return entry?.index ?? null;
  };

  const resolveConflict: ReviewRows['resolveConflict'] = (index, keep) => {
    const row = current(index);
    if (!row?.conflict) return;
    if (keep === 'theirs') {
      setRow(fromRecord(row.conflict, { index, source: row.source, mt: null }));
      return;
    }
    setRow({ ...row, revision: row.conflict.revision, conflict: null, saveState: 'pending' });
    void save(index, true);
  };

  const replaceRows: ReviewRows['replaceRows'] = (incoming) => {
    for (const { index, core, mt, mtOrigin, timeSpentMs } of incoming) {
      const row = current(index);
      if (!row) continue;
      history.current.record({ index, before: coreOf(row), after: core });
      setRow({
        ...row,
        ...core,
        mt: mt === undefined ? row.mt : mt,
        mtOrigin: mtOrigin === undefined ? row.mtOrigin : mtOrigin,
        timeSpentMs: timeSpentMs ?? row.timeSpentMs,
        updatedAt: Date.now(),
        saveState: 'pending',
      });
      scheduleSave(index);
    }
    syncHistory();
  };

  return {
    rows,
    loading: stored.isPending,
    change,
    addTime,
    undo,
    redo,
    canUndo: historyState.canUndo,
    canRedo: historyState.canRedo,
    resolveConflict,
    replaceRows,
  };
}
