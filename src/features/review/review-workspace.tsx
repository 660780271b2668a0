/**
 * The review view: source and target side by side, one row per body segment, edited in place and
 * saved as the reviewer types; QA checks on every row; comments, glossary, second opinions, undo,
 * export and import; every action on the keyboard (the `?` list).
 */
import { useQuery } from '@tanstack/react-query';
import {
  lazy,
  memo,
  Suspense,
  use,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import type { ProviderId } from '../../domain/providers/registry';
import { effortShare } from '../../domain/review/effort';
import { statusAfterEdit } from '../../domain/review/status';
import type { QaFinding, ReviewDocument, SegmentStatus } from '../../domain/review/types';
import { runQaChecks } from '../../domain/qa/checks';
import type { SegmentTranslationInput } from '../../lib/engine';
import { glossaryQuery, reviewIdFor } from '../../lib/review-store';
import { VIRTUALIZE_FROM } from '../../lib/virtualize';
import { useConfirm } from '../../components/confirm-dialog';
import { ExportMenu } from './export-menu';
import { GlossaryDialog } from './glossary-dialog';
import { ImportButton } from './import-button';
import { useAskMachine, useMachineTranslations } from './machine-translations';
import { FindContext } from '../reader/find-context';
import type { FindableRow } from './review-find';
import { ReviewList, type FocusRequest, type ReviewListHandle } from './review-list';
import { filterRows, nextUnconfirmedRow, stepRow, type ReviewFilter } from './review-navigation';
import { NO_PANELS, ReviewRow, type RowActions, type RowPanels } from './review-row';
import { TotalsCounter } from './review-totals';
import { useReviewTotals } from './use-review-totals';
import { RowMemo } from './row-memo';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useReviewRows, type RowSource, type WorkRow } from './use-review-rows';
import { readReviewPosition, useSaveReviewPosition } from './use-review-position';

export interface ReviewWorkspaceProps {
  articleId: string;
  title: string;
  blocks: readonly { text: string }[];
  inputs: readonly (SegmentTranslationInput | null)[];
  sourceLanguage: string;
  targetLanguage: string;
  otherEngines: readonly ProviderId[];
  /** Where the reader was, for a review opened here for the first time. */
  initialIndex?: number;
}

const FILTERS: readonly ReviewFilter[] = ['all', 'findings', 'unconfirmed', 'comments'];

/** Focus left a row for longer than this: the time is not counted as editing. */
const IDLE_CAP_MS = 5 * 60_000;

const NO_FINDINGS: readonly QaFinding[] = [];

const rowIndexOf = (target: EventTarget | null): number | null => {
  if (!(target instanceof Element)) return null;
  const value = Number(target.closest<HTMLElement>('[data-segment]')?.dataset.segment);
  return Number.isInteger(value) ? value : null;
};

/**
 * The engine's side: every row's machine translation, followed in the query cache. Kept apart from
 * the editor, so a keystroke re-renders the editor only.
 */
export default function ReviewWorkspace({
  articleId,
  blocks,
  inputs,
  targetLanguage,
  ...rest
}: ReviewWorkspaceProps) {
  // Rows are the translatable blocks, in order.
  const entries = useMemo(
    () =>
      inputs
        .map((input, index) => ({ input, index, source: blocks[index]?.text ?? '' }))
        .filter(
          (entry): entry is { input: SegmentTranslationInput; index: number; source: string } =>
            entry.input !== null,
        ),
    [inputs, blocks],
  );
  const machine = useMachineTranslations(entries);
  const askMachine = useAskMachine(entries);
  const indexes = useMemo(() => entries.map((entry) => entry.index), [entries]);
  const reviewId = reviewIdFor(articleId, targetLanguage);
  return (
    <ReviewEditor
      // Another target language is another review: its own rows, history and place.
      key={reviewId}
      articleId={articleId}
      reviewId={reviewId}
      targetLanguage={targetLanguage}
      indexes={indexes}
      sources={machine.sources}
      waiting={machine.waiting}
      askMachine={askMachine}
      {...rest}
    />
  );
}

interface ReviewEditorProps extends Omit<ReviewWorkspaceProps, 'blocks' | 'inputs'> {
  reviewId: string;
  /** The rows' indexes, in order; the same array while the document's rows stay the same. */
  indexes: readonly number[];
  sources: readonly RowSource[];
  /** Per row, in the same order: its machine translation is on its way. */
  waiting: readonly boolean[];
  /** Asks for a row's machine translation ahead of the rest of the document. */
  askMachine: (index: number) => void;
}

const ReviewEditor = memo(function ReviewEditor({
  articleId,
  reviewId,
  title,
  indexes,
  sources,
  waiting,
  sourceLanguage,
  targetLanguage,
  otherEngines,
  initialIndex,
  askMachine,
}: ReviewEditorProps) {
  const { t, ready } = useTranslation(['review', 'providers']);
  const glossary = useQuery(glossaryQuery(sourceLanguage, targetLanguage));
  const positions = useMemo(
    () => new Map(indexes.map((index, position) => [index, position])),
    [indexes],
  );
  const review = useReviewRows(reviewId, sources, positions);
  const { rows } = review;
  const rowAt = (index: number): WorkRow | undefined => {
    const position = positions.get(index);
    return position === undefined ? undefined : rows[position];
  };

  // Checks and effort per row, kept until that row changes: typing re-checks one row.
  const qa = useMemo(
    () =>
      new RowMemo((source: string, target: string, untouched: boolean): readonly QaFinding[] =>
        untouched
          ? NO_FINDINGS
          : runQaChecks({
              source,
              target,
              sourceLanguage,
              targetLanguage,
              glossary: glossary.data ?? null,
            }),
      ),
    [sourceLanguage, targetLanguage, glossary.data],
  );
  const findingsOf = useCallback(
    (row: WorkRow) =>
      qa.get(row.index, row.source, row.target, row.target === '' && row.status === 'mt'),
    [qa],
  );
  const efforts = useMemo(
    () =>
      new RowMemo((mt: string | null, target: string) => effortShare(mt, target, targetLanguage)),
    [targetLanguage],
  );
  const glossaryTerms = useMemo(
    () => [
      ...(glossary.data?.terms.map((term) => term.source) ?? []),
      ...(glossary.data?.doNotTranslate ?? []),
    ],
    [glossary.data],
  );

  // Document-wide figures and filters follow a render behind the keystroke, counting only the
  // rows that changed; many changed rows at once are checked a slice at a time.
  const settledRows = useDeferredValue(rows);
  const totals = useMemo(
    () =>
      new TotalsCounter<WorkRow>(
        (row) => findingsOf(row).length > 0,
        (row) => efforts.get(row.index, row.mt, row.target),
      ),
    [findingsOf, efforts],
  );
  const summary = useReviewTotals(totals, settledRows);

  const [filter, setFilter] = useState<ReviewFilter>('all');
  const [active, setActive] = useState<number | null>(null);
  const unchecked = summary.pending;
  const shown = useMemo(() => {
    if (filter === 'all') return indexes;
    // While rows wait for their checks, the warnings filter shows the rows checked so far (and
    // grows as the count goes on) rather than checking the rest all at once here.
    const flagged = (row: WorkRow) =>
      unchecked === 0
        ? findingsOf(row).length > 0
        : (totals.flagged(row, positions.get(row.index) ?? -1) ?? false);
    return filterRows(settledRows, filter, flagged, active);
  }, [filter, indexes, settledRows, findingsOf, totals, positions, unchecked, active]);

  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [glossaryOpen, setGlossaryOpen] = useState(false);
  const [message, setMessage] = useState<{
    tone: 'success' | 'error' | 'warning';
    text: string;
  } | null>(null);
  const [panels, setPanels] = useState<ReadonlyMap<number, RowPanels>>(() => new Map());
  const [request, setRequest] = useState<FocusRequest | null>(null);
  const requests = useRef(0);
  const [restoreTo] = useState(
    () => readReviewPosition(reviewId) ?? (initialIndex && initialIndex > 0 ? initialIndex : null),
  );
  const [confirm, confirmDialog] = useConfirm();
  const listRef = useRef<HTMLDivElement>(null);
  const listHandle = useRef<ReviewListHandle>(null);
  useSaveReviewPosition(reviewId, listRef);
  const focused = useRef<{ index: number; since: number; snapshot: string } | null>(null);
  const secondTexts = useRef(new Map<number, string>());

  /** Brings a row into view, rendering it first if it is not, and focuses its target. */
  const focusTarget = (index: number) => {
    requests.current += 1;
    setRequest({ index, seq: requests.current });
  };

  const setStatus = async (index: number, status: SegmentStatus) => {
    const row = rowAt(index);
    const rowFindings = row ? findingsOf(row) : NO_FINDINGS;
    if (status === 'approved' && rowFindings.length > 0) {
      const yes = await confirm({
        message: t('review:qa.approveAnyway', { count: rowFindings.length }),
        confirm: t('review:qa.approveConfirm'),
        cancel: t('review:qa.cancel'),
      });
      if (!yes) return false;
    }
    review.change(index, { status });
    return true;
  };

  const approveAndNext = async (index: number) => {
    const approved = await setStatus(index, 'approved');
    if (!approved) return;
    const next = nextUnconfirmedRow(
      shown,
      (other) => (other === index ? 'approved' : rowAt(other)?.status),
      index,
    );
    if (next !== null) focusTarget(next);
  };

  const undoOrRedo = (which: 'undo' | 'redo') => {
    const changed = which === 'undo' ? review.undo() : review.redo();
    // The change may be far from here: show it, as an editor does.
    if (changed !== null && changed !== focused.current?.index) focusTarget(changed);
  };

  const change = (index: number, target: string) => {
    const row = rowAt(index);
    if (!row) return;
    review.change(
      index,
      { target, status: statusAfterEdit(row.status, row.mt, target) },
      { mergeKey: 'typing' },
    );
  };

  const actions: RowActions = {
    change,
    approve: (index) => void setStatus(index, 'approved'),
    setStatus: (index, status) => void setStatus(index, status),
    insertMt: (index) => {
      const row = rowAt(index);
      if (row?.mt != null)
        review.change(index, {
          target: row.mt,
          status: statusAfterEdit(row.status, row.mt, row.mt),
        });
    },
    copySource: (index) => {
      const row = rowAt(index);
      if (row)
        review.change(index, {
          target: row.source,
          status: statusAfterEdit(row.status, row.mt, row.source),
        });
    },
    focusRow: (index) => {
      const row = rowAt(index);
      focused.current = { index, since: performance.now(), snapshot: row?.target ?? '' };
    },
    blurRow: (index) => {
      const current = focused.current;
      if (current?.index !== index) return;
      focused.current = null;
      const spent = Math.min(performance.now() - current.since, IDLE_CAP_MS);
      const row = rowAt(index);
      // Time counts for rows that were worked on: changed now, or reviewed before.
      if (row && (row.target !== current.snapshot || row.revision > 0))
        review.addTime(index, Math.round(spent));
    },
    addComment: (index, comment) => {
      const row = rowAt(index);
      if (row) review.change(index, { comments: [...row.comments, comment] });
    },
    deleteComment: (index, id) => {
      const row = rowAt(index);
      if (row)
        review.change(index, { comments: row.comments.filter((comment) => comment.id !== id) });
    },
    resolveConflict: review.resolveConflict,
    takeSecondOpinion: (index, text) => {
      const row = rowAt(index);
      if (row)
        review.change(index, { target: text, status: statusAfterEdit(row.status, row.mt, text) });
    },
    secondOpinionLoaded: useCallback((index: number, text: string | null) => {
      if (text === null) secondTexts.current.delete(index);
      else secondTexts.current.set(index, text);
    }, []),
    askMachine,
    togglePanel: (index, panel) =>
      setPanels((before) => {
        const next = new Map(before);
        const open = before.get(index) ?? NO_PANELS;
        next.set(index, { ...open, [panel]: !open[panel] });
        return next;
      }),
  };
  // Rows are memoized; hand them stable callbacks that read the latest actions.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  const stableActions = useMemo(
    (): RowActions => ({
      change: (...args) => latest.current.change(...args),
      approve: (...args) => latest.current.approve(...args),
      setStatus: (...args) => latest.current.setStatus(...args),
      insertMt: (...args) => latest.current.insertMt(...args),
      copySource: (...args) => latest.current.copySource(...args),
      focusRow: (...args) => latest.current.focusRow(...args),
      blurRow: (...args) => latest.current.blurRow(...args),
      addComment: (...args) => latest.current.addComment(...args),
      deleteComment: (...args) => latest.current.deleteComment(...args),
      resolveConflict: (...args) => latest.current.resolveConflict(...args),
      takeSecondOpinion: (...args) => latest.current.takeSecondOpinion(...args),
      secondOpinionLoaded: (...args) => latest.current.secondOpinionLoaded(...args),
      togglePanel: (...args) => latest.current.togglePanel(...args),
      askMachine: (...args) => latest.current.askMachine(...args),
    }),
    [],
  );

  const onKeyDown = (event: React.KeyboardEvent) => {
    // Keys pressed in the find bar (rendered in the reader's toolbar) are its own.
    if (!(event.target instanceof Node) || !event.currentTarget.contains(event.target)) return;
    const index = focused.current?.index ?? null;
    const ctrl = event.ctrlKey || event.metaKey;
    const inText =
      event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement;
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    if (
      ctrl &&
      event.key === 'Enter' &&
      index !== null &&
      !(event.target as HTMLElement).closest('.comments')
    ) {
      handled();
      if (event.shiftKey) void approveAndNext(index);
      else void setStatus(index, 'approved');
    } else if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      handled();
      const next = stepRow(
        shown,
        index ?? rowIndexOf(event.target),
        event.key === 'ArrowDown' ? 1 : -1,
      );
      if (next !== null) focusTarget(next);
    } else if (event.altKey && event.key === 'Enter' && index !== null) {
      const text = secondTexts.current.get(index);
      if (text !== undefined) {
        handled();
        actions.takeSecondOpinion(index, text);
      }
    } else if (ctrl && (event.key === 'm' || event.key === 'M') && index !== null) {
      handled();
      actions.insertMt(index);
    } else if (
      ctrl &&
      event.shiftKey &&
      (event.key === 'c' || event.key === 'C') &&
      index !== null
    ) {
      handled();
      actions.copySource(index);
    } else if (ctrl && !event.shiftKey && (event.key === 'z' || event.key === 'Z')) {
      handled();
      undoOrRedo('undo');
    } else if (
      ctrl &&
      (event.key === 'y' ||
        event.key === 'Y' ||
        (event.shiftKey && (event.key === 'z' || event.key === 'Z')))
    ) {
      handled();
      undoOrRedo('redo');
    } else if (event.key === 'Escape' && index !== null && focused.current) {
      const snapshot = focused.current.snapshot;
      const row = rowAt(index);
      if (row && row.target !== snapshot) {
        handled();
        review.change(index, {
          target: snapshot,
          status: statusAfterEdit(row.status, row.mt, snapshot),
        });
      }
    } else if ((event.key === '?' && !inText) || (ctrl && event.key === '/')) {
      handled();
      setShortcutsOpen(true);
    }
  };

  const buildDocument = (): ReviewDocument => ({
    articleId,
    title,
    sourceLanguage,
    targetLanguage,
    segments: rows.map((row) => ({
      index: row.index,
      source: row.source,
      mt: row.mt,
      mtOrigin: row.mtOrigin,
      target: row.target,
      status: row.status,
      comments: row.comments,
      timeSpentMs: row.timeSpentMs,
      updatedAt: row.updatedAt,
    })),
  });

  const windowed = sources.length >= VIRTUALIZE_FROM;

  if (!ready) {
    return <p className="loading">{t('review:loading')}</p>;
  }

  return (
    <div
      className="review"
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        // The row worked in stays rendered, wherever it scrolls, until another row is.
        const index = rowIndexOf(event.target);
        if (index !== null) setActive(index);
      }}
      role="presentation"
    >
      <h2 className="visually-hidden">{t('review:heading')}</h2>
      <div className="review__toolbar" role="toolbar" aria-label={t('review:heading')}>
        <label className="review__filter">
          <span>{t('review:filter.label')}</span>
          <select
            value={filter}
            onChange={(event) => setFilter(event.target.value as ReviewFilter)}
            name="reviewFilter"
          >
            {FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(`review:filter.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--small"
          onClick={() => undoOrRedo('undo')}
          disabled={!review.canUndo}
        >
          {t('review:toolbar.undo')}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => undoOrRedo('redo')}
          disabled={!review.canRedo}
        >
          {t('review:toolbar.redo')}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => setGlossaryOpen(true)}
        >
          {t('review:toolbar.glossary')}
        </button>
        <ExportMenu
          build={buildDocument}
          onDone={(file) =>
            setMessage({ tone: 'success', text: t('review:export.done', { file }) })
          }
        />
        <ImportButton
          rows={rows}
          onImported={(incoming, skipped) => {
            review.replaceRows(incoming);
            setMessage(
              incoming.length === 0
                ? { tone: 'warning', text: t('review:import.nothing') }
                : skipped > 0
                  ? {
                      tone: 'warning',
                      text: t('review:import.partial', { count: incoming.length, skipped }),
                    }
                  : { tone: 'success', text: t('review:import.done', { count: incoming.length }) },
            );
          }}
          onError={(text) => setMessage({ tone: 'error', text })}
        />
        <button
          type="button"
          className="button button--small"
          aria-keyshortcuts="?"
          onClick={() => setShortcutsOpen(true)}
        >
          {t('review:toolbar.shortcuts')}
        </button>
      </div>
      <p className="review__summary" role="status" data-review-summary>
        {t('review:summary', {
          ...summary,
          context: summary.pending > 0 ? 'checking' : undefined,
        })}
      </p>
      {message ? (
        <Notice tone={message.tone} actions={null}>
          {message.text}
        </Notice>
      ) : null}
      <div className="review__columns" aria-hidden="true">
        <span>{t('review:columns.source')}</span>
        <span>{t('review:columns.target')}</span>
      </div>
      {review.loading ? <p className="loading">{t('review:loading')}</p> : null}
      {shown.length === 0 && !review.loading ? (
        <p className="muted">{t('review:filter.empty')}</p>
      ) : null}
      {windowed ? <p className="visually-hidden">{t('review:windowed')}</p> : null}
      <ReviewList
        shown={shown}
        windowed={windowed}
        active={active}
        request={request}
        onRequestDone={() => setRequest(null)}
        restoreTo={restoreTo}
        ready={!review.loading}
        listRef={listRef}
        handle={listHandle}
        renderRow={(index) => {
          const row = rowAt(index);
          return row ? (
            <ReviewRow
              key={index}
              row={row}
              sourceLanguage={sourceLanguage}
              targetLanguage={targetLanguage}
              findings={findingsOf(row)}
              glossaryTerms={glossaryTerms}
              waitingMt={
                row.status === 'mt' &&
                row.target === '' &&
                waiting[positions.get(index) ?? -1] === true
              }
              secondEngine={otherEngines[0] ?? null}
              panels={panels.get(index) ?? NO_PANELS}
              actions={stableActions}
            />
          ) : null;
        }}
      />
      <ReviewFindPortal
        rows={settledRows}
        shown={shown}
        sourceLanguage={sourceLanguage}
        targetLanguage={targetLanguage}
        rowsRef={listRef}
        listRef={listHandle}
      />
      {shortcutsOpen ? <ShortcutsDialog onClose={() => setShortcutsOpen(false)} /> : null}
      {glossaryOpen ? (
        <GlossaryDialog
          sourceLanguage={sourceLanguage}
          targetLanguage={targetLanguage}
          onClose={() => setGlossaryOpen(false)}
        />
      ) : null}
      {confirmDialog}
    </div>
  );
});

// The search loads when find is first opened in the review.
const ReviewFind = lazy(() => import('./review-find'));

interface ReviewFindPortalProps {
  rows: readonly FindableRow[];
  shown: readonly number[];
  sourceLanguage: string;
  targetLanguage: string;
  rowsRef: React.RefObject<HTMLDivElement | null>;
  listRef: React.RefObject<ReviewListHandle | null>;
}

/** The review's find bar, in the place the reader's toolbar keeps for it, while find is open. */
function ReviewFindPortal(props: ReviewFindPortalProps) {
  const find = use(FindContext);
  if (!find?.open || !find.slot) return null;
  return createPortal(
    <Suspense fallback={null}>
      <ReviewFind
        {...props}
        id={find.id}
        inputRef={find.inputRef}
        barRef={find.barRef}
        query={find.query}
        setQuery={find.setQuery}
        startSegment={find.startSegment}
        focusRequest={find.focusRequest}
        onClose={find.onClose}
      />
    </Suspense>,
    find.slot,
  );
}
