/**
 * The review view: source and target side by side, one row per body segment, edited in place and
 * saved as the reviewer types; QA checks on every row; comments, glossary, second opinions, undo,
 * export and import; every action on the keyboard (the `?` list).
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import type { ProviderId } from '../../domain/providers/registry';
import { documentEffort } from '../../domain/review/effort';
import { nextUnconfirmed, statusAfterEdit } from '../../domain/review/status';
import type { QaFinding, ReviewDocument, SegmentStatus } from '../../domain/review/types';
import { runQaChecks } from '../../domain/qa/checks';
import { segmentTranslationQuery, type SegmentTranslationInput } from '../../lib/engine';
import { glossaryQuery, reviewIdFor } from '../../lib/review-store';
import { useConfirm } from '../../components/confirm-dialog';
import { ExportMenu } from './export-menu';
import { GlossaryDialog } from './glossary-dialog';
import { ImportButton } from './import-button';
import { ReviewRow, type RowActions } from './review-row';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useReviewRows, type RowSource } from './use-review-rows';

export interface ReviewWorkspaceProps {
  articleId: string;
  title: string;
  blocks: readonly { text: string }[];
  inputs: readonly (SegmentTranslationInput | null)[];
  sourceLanguage: string;
  targetLanguage: string;
  otherEngines: readonly ProviderId[];
}

type Filter = 'all' | 'findings' | 'unconfirmed' | 'comments';
const FILTERS: readonly Filter[] = ['all', 'findings', 'unconfirmed', 'comments'];

/** Focus left a row for longer than this: the time is not counted as editing. */
const IDLE_CAP_MS = 5 * 60_000;

export default function ReviewWorkspace({
  articleId,
  title,
  blocks,
  inputs,
  sourceLanguage,
  targetLanguage,
  otherEngines,
}: ReviewWorkspaceProps) {
  const { t, ready } = useTranslation(['review', 'providers']);
  const reviewId = reviewIdFor(articleId, targetLanguage);
  const glossary = useQuery(glossaryQuery(sourceLanguage, targetLanguage));

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
  const machine = useQueries({
    queries: entries.map((entry) => segmentTranslationQuery(entry.input)),
    combine: (results) =>
      results.map((result) => ({
        data: result.data ?? null,
        waiting:
          result.fetchStatus === 'fetching' || (result.isPending && result.fetchStatus !== 'idle'),
        updatedAt: result.dataUpdatedAt,
      })),
  });
  const machineKey = machine.map((m) => m.data?.text ?? '').join('\u0000');
  const sources = useMemo(
    (): RowSource[] =>
      entries.map((entry, i) => {
        const result = machine[i];
        const data = result?.data ?? null;
        return {
          index: entry.index,
          source: entry.source,
          mt: data
            ? {
                text: data.text,
                origin: {
                  provider: data.provider,
                  model: data.cacheIdentity || undefined,
                  createdAt: data.createdAt,
                },
              }
            : null,
        };
      }),
    // `machine` is a new array on every render; its texts (machineKey) are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [entries, machineKey],
  );
  const review = useReviewRows(reviewId, sources);
  const { rows } = review;

  const findings = useMemo(
    () =>
      rows.map((row): QaFinding[] =>
        row.target === '' && row.status === 'mt'
          ? []
          : runQaChecks({
              source: row.source,
              target: row.target,
              sourceLanguage,
              targetLanguage,
              glossary: glossary.data ?? null,
            }),
      ),
    [rows, sourceLanguage, targetLanguage, glossary.data],
  );
  const glossaryTerms = useMemo(
    () => [
      ...(glossary.data?.terms.map((term) => term.source) ?? []),
      ...(glossary.data?.doNotTranslate ?? []),
    ],
    [glossary.data],
  );

  const [filter, setFilter] = useState<Filter>('all');
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [glossaryOpen, setGlossaryOpen] = useState(false);
  const [message, setMessage] = useState<{
    tone: 'success' | 'error' | 'warning';
    text: string;
  } | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const container = useRef<HTMLDivElement>(null);
  const focused = useRef<{ index: number; since: number; snapshot: string } | null>(null);
  const secondTexts = useRef(new Map<number, string>());

  const rowByIndex = useCallback(
    (index: number) => rows.find((row) => row.index === index),
    [rows],
  );
  const positionOf = useCallback(
    (index: number) => rows.findIndex((row) => row.index === index),
    [rows],
  );

  const focusTarget = (index: number) => {
    const element = container.current?.querySelector<HTMLTextAreaElement>(
      `[data-review-target="${index}"]`,
    );
    element?.focus();
    element?.scrollIntoView({ block: 'nearest' });
  };

  const setStatus = async (index: number, status: SegmentStatus) => {
    const position = positionOf(index);
    const rowFindings = findings[position] ?? [];
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
    const statuses = rows.map((row): { status: SegmentStatus } => ({
      status: row.index === index ? 'approved' : row.status,
    }));
    const next = nextUnconfirmed(statuses, positionOf(index));
    if (next !== null && rows[next]) focusTarget(rows[next].index);
  };

  const change = (index: number, target: string) => {
    const row = rowByIndex(index);
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
      const row = rowByIndex(index);
      if (row?.mt != null)
        review.change(index, {
          target: row.mt,
          status: statusAfterEdit(row.status, row.mt, row.mt),
        });
    },
    copySource: (index) => {
      const row = rowByIndex(index);
      if (row)
        review.change(index, {
          target: row.source,
          status: statusAfterEdit(row.status, row.mt, row.source),
        });
    },
    focusRow: (index) => {
      const row = rowByIndex(index);
      focused.current = { index, since: performance.now(), snapshot: row?.target ?? '' };
    },
    blurRow: (index) => {
      const current = focused.current;
      if (current?.index !== index) return;
      focused.current = null;
      const spent = Math.min(performance.now() - current.since, IDLE_CAP_MS);
      const row = rowByIndex(index);
      // Time counts for rows that were worked on: changed now, or reviewed before.
      if (row && (row.target !== current.snapshot || row.revision > 0))
        review.addTime(index, Math.round(spent));
    },
    addComment: (index, comment) => {
      const row = rowByIndex(index);
      if (row) review.change(index, { comments: [...row.comments, comment] });
    },
    deleteComment: (index, id) => {
      const row = rowByIndex(index);
      if (row)
        review.change(index, { comments: row.comments.filter((comment) => comment.id !== id) });
    },
    resolveConflict: review.resolveConflict,
    takeSecondOpinion: (index, text) => {
      const row = rowByIndex(index);
      if (row)
        review.change(index, { target: text, status: statusAfterEdit(row.status, row.mt, text) });
    },
    secondOpinionLoaded: useCallback((index: number, text: string | null) => {
      if (text === null) secondTexts.current.delete(index);
      else secondTexts.current.set(index, text);
    }, []),
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
    }),
    [],
  );

  const onKeyDown = (event: React.KeyboardEvent) => {
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
      const position = index === null ? -1 : positionOf(index);
      const next = event.key === 'ArrowDown' ? position + 1 : Math.max(0, position - 1);
      const row = rows[Math.min(next, rows.length - 1)];
      if (row) focusTarget(row.index);
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
      review.undo();
    } else if (
      ctrl &&
      (event.key === 'y' ||
        event.key === 'Y' ||
        (event.shiftKey && (event.key === 'z' || event.key === 'Z')))
    ) {
      handled();
      review.redo();
    } else if (event.key === 'Escape' && index !== null && focused.current) {
      const snapshot = focused.current.snapshot;
      const row = rowByIndex(index);
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

  const visible = rows
    .map((row, position) => ({ row, position }))
    .filter(({ row, position }) => {
      switch (filter) {
        case 'findings':
          return (findings[position]?.length ?? 0) > 0;
        case 'unconfirmed':
          return row.status !== 'approved';
        case 'comments':
          return row.comments.length > 0;
        default:
          return true;
      }
    });

  const summary = {
    total: rows.length,
    approved: rows.filter((row) => row.status === 'approved').length,
    edited: rows.filter((row) => row.status !== 'mt').length,
    flagged: findings.filter((list) => list.length > 0).length,
    effort: documentEffort(
      rows.filter((row) => row.status !== 'mt').map((row) => ({ mt: row.mt, target: row.target })),
      targetLanguage,
    ),
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

  if (!ready) {
    return <p className="loading">{t('review:loading')}</p>;
  }

  return (
    <div className="review" ref={container} onKeyDown={onKeyDown} role="presentation">
      <h2 className="visually-hidden">{t('review:heading')}</h2>
      <div className="review__toolbar" role="toolbar" aria-label={t('review:heading')}>
        <label className="review__filter">
          <span>{t('review:filter.label')}</span>
          <select
            value={filter}
            onChange={(event) => setFilter(event.target.value as Filter)}
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
          onClick={review.undo}
          disabled={!review.canUndo}
        >
          {t('review:toolbar.undo')}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={review.redo}
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
        {t('review:summary', summary)}
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
      {visible.length === 0 && !review.loading ? (
        <p className="muted">{t('review:filter.empty')}</p>
      ) : null}
      <div className="review__rows">
        {visible.map(({ row, position }) => (
          <ReviewRow
            key={row.index}
            row={row}
            sourceLanguage={sourceLanguage}
            targetLanguage={targetLanguage}
            findings={findings[position] ?? NO_FINDINGS}
            glossaryTerms={glossaryTerms}
            waitingMt={
              row.status === 'mt' && row.target === '' && (machine[position]?.waiting ?? false)
            }
            secondEngine={otherEngines[0] ?? null}
            actions={stableActions}
          />
        ))}
      </div>
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
}

const NO_FINDINGS: readonly QaFinding[] = [];
