import { memo, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { languageDirection } from '../../domain/language/codes';
import type { ProviderId } from '../../domain/providers/registry';
import { alignSentences, type Span } from '../../domain/review/align';
import { diffTexts } from '../../domain/review/diff';
import { postEditEffort } from '../../domain/review/effort';
import { findTerms } from '../../domain/review/glossary-csv';
import type { QaFinding, ReviewComment } from '../../domain/review/types';
import { CommentsPanel } from './comments-panel';
import { ReviewSecondOpinion } from './second-opinion';
import type { WorkRow } from './use-review-rows';

/** Keeps the copy's last line as tall as the textarea's, even when it is empty. */
const LINE_END = '\u200b';

export interface RowActions {
  change: (index: number, target: string) => void;
  approve: (index: number) => void;
  setStatus: (index: number, status: WorkRow['status']) => void;
  insertMt: (index: number) => void;
  copySource: (index: number) => void;
  focusRow: (index: number) => void;
  blurRow: (index: number) => void;
  addComment: (index: number, comment: ReviewComment) => void;
  deleteComment: (index: number, id: string) => void;
  resolveConflict: (index: number, keep: 'mine' | 'theirs') => void;
  takeSecondOpinion: (index: number, text: string) => void;
  secondOpinionLoaded: (index: number, text: string | null) => void;
  togglePanel: (index: number, panel: RowPanel) => void;
  /** The row is on screen without its machine translation: ask for it ahead of the rest. */
  askMachine: (index: number) => void;
}

/** What a row has open below its target. Kept by the workspace, so a row that scrolls out of a
 * long review and back comes back as it was, at the height it was measured at. */
export type RowPanel = 'diff' | 'comments' | 'second';
export type RowPanels = Readonly<Partial<Record<RowPanel, boolean>>>;
export const NO_PANELS: RowPanels = {};

interface ReviewRowProps {
  row: WorkRow;
  sourceLanguage: string;
  targetLanguage: string;
  findings: readonly QaFinding[];
  glossaryTerms: readonly string[];
  waitingMt: boolean;
  secondEngine: ProviderId | null;
  panels: RowPanels;
  actions: RowActions;
}

function renderSpans(
  text: string,
  spans: readonly Span[],
  highlighted: number | null,
  decorate?: (text: string, offset: number) => ReactNode,
  onHover?: (sentence: number | null) => void,
): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  spans.forEach((span, i) => {
    if (span.start > at) out.push(text.slice(at, span.start));
    const body = text.slice(span.start, span.end);
    out.push(
      <span
        key={span.start}
        className={i === highlighted ? 'sentence sentence--highlight' : 'sentence'}
        onMouseEnter={onHover ? () => onHover(i) : undefined}
        onMouseLeave={onHover ? () => onHover(null) : undefined}
      >
        {decorate ? decorate(body, span.start) : body}
      </span>,
    );
    at = span.end;
  });
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export const ReviewRow = memo(function ReviewRow({
  row,
  sourceLanguage,
  targetLanguage,
  findings,
  glossaryTerms,
  waitingMt,
  secondEngine,
  panels,
  actions,
}: ReviewRowProps) {
  const { t, i18n } = useTranslation(['review', 'providers']);
  const [sourceHover, setSourceHover] = useState<number | null>(null);
  const [caretSentence, setCaretSentence] = useState<number | null>(null);
  const showDiff = panels.diff === true;
  const showComments = panels.comments === true;
  const showSecond = panels.second === true;
  const number = row.index + 1;
  const { secondOpinionLoaded, askMachine } = actions;
  const rowIndex = row.index;
  const hasMt = row.mt !== null;
  useEffect(() => {
    if (!hasMt) askMachine(rowIndex);
  }, [hasMt, askMachine, rowIndex]);
  const onSecondLoaded = useCallback(
    (text: string | null) => secondOpinionLoaded(rowIndex, text),
    [secondOpinionLoaded, rowIndex],
  );

  const alignment = useMemo(
    () => alignSentences(row.source, sourceLanguage, row.target, targetLanguage),
    [row.source, row.target, sourceLanguage, targetLanguage],
  );
  const pairs = alignment.pairs;
  const targetHighlight =
    sourceHover === null
      ? null
      : pairs
        ? (pairs.find(([s]) => s === sourceHover)?.[1] ?? null)
        : -1;
  const sourceHighlight =
    caretSentence === null
      ? null
      : pairs
        ? (pairs.find(([, g]) => g === caretSentence)?.[0] ?? null)
        : -1;
  // Unequal sentence counts: the whole paragraph is the counterpart.
  const wholeTarget = targetHighlight === -1;
  const wholeSource = sourceHighlight === -1;

  const decorateTerms = (text: string): ReactNode => {
    if (glossaryTerms.length === 0) return text;
    const hits = findTerms(text, [...glossaryTerms], sourceLanguage);
    if (hits.length === 0) return text;
    const out: ReactNode[] = [];
    let at = 0;
    for (const hit of hits) {
      if (hit.start > at) out.push(text.slice(at, hit.start));
      out.push(
        <mark key={hit.start} className="term" data-term={hit.term}>
          {text.slice(hit.start, hit.end)}
        </mark>,
      );
      at = hit.end;
    }
    if (at < text.length) out.push(text.slice(at));
    return out;
  };

  const effort = useMemo(
    () =>
      row.mt !== null && row.status !== 'mt'
        ? postEditEffort(row.mt, row.target, targetLanguage)
        : null,
    [row.mt, row.status, row.target, targetLanguage],
  );
  const diff = useMemo(
    () => (showDiff && row.mt !== null ? diffTexts(row.mt, row.target, targetLanguage) : null),
    [showDiff, row.mt, row.target, targetLanguage],
  );

  const updateCaret = (element: HTMLTextAreaElement) => {
    const at = element.selectionStart;
    const index = alignment.target.findIndex((span) => at >= span.start && at <= span.end);
    setCaretSentence(index === -1 ? null : index);
  };

  const engineName = row.mtOrigin
    ? t(`providers:${row.mtOrigin.provider as ProviderId}.name`, {
        defaultValue: row.mtOrigin.provider,
      })
    : null;
  const origin = row.mtOrigin
    ? row.mtOrigin.model
      ? t('review:row.originModel', { engine: engineName, model: row.mtOrigin.model })
      : t('review:row.origin', { engine: engineName })
    : null;
  const qaIds = findings.map((finding) => finding.check).join(' ');
  const sourceDir = languageDirection(sourceLanguage);
  const targetDir = languageDirection(targetLanguage);
  const targetId = `review-target-${row.index}`;

  return (
    <section
      className={`review-row review-row--${row.status}`}
      data-segment={row.index}
      data-state={waitingMt ? 'translating' : row.target ? 'translated' : 'pending'}
      data-status={row.status}
      data-qa={qaIds || undefined}
      aria-busy={waitingMt}
      aria-label={t('review:row.label', { number })}
    >
      <div className="review-row__number">
        <span aria-hidden="true">{number}</span>
        {/* In the gutter, so appearing and going never moves the row's buttons under a click. */}
        <span
          className={`save-dot save-dot--${row.saveState}`}
          title={row.saveState === 'pending' ? t('review:row.saving') : undefined}
          aria-hidden="true"
        />
        <span className="visually-hidden" role="status">
          {row.saveState === 'pending' ? t('review:row.saving') : ''}
        </span>
      </div>
      <div
        className={
          wholeSource ? 'review-row__source review-row__source--highlight' : 'review-row__source'
        }
        lang={sourceLanguage}
        dir={sourceDir}
      >
        {renderSpans(
          row.source,
          alignment.source,
          sourceHighlight,
          (text) => decorateTerms(text),
          setSourceHover,
        )}
      </div>
      <div className="review-row__target">
        <div className="review-target">
          <div
            className={
              wholeTarget
                ? 'review-target__backdrop review-target__backdrop--highlight'
                : 'review-target__backdrop'
            }
            aria-hidden="true"
            lang={targetLanguage}
            dir={targetDir}
          >
            {renderSpans(row.target, alignment.target, targetHighlight)}
            {LINE_END}
          </div>
          <textarea
            id={targetId}
            className="review-target__input"
            lang={targetLanguage}
            dir={targetDir}
            value={row.target}
            placeholder={waitingMt ? t('review:row.waitingMt') : undefined}
            aria-label={t('review:row.targetLabel', { number })}
            aria-describedby={`review-meta-${row.index}`}
            spellCheck
            data-review-target={row.index}
            onChange={(event) => {
              actions.change(row.index, event.target.value);
              updateCaret(event.target);
            }}
            onFocus={(event) => {
              actions.focusRow(row.index);
              updateCaret(event.target);
            }}
            onBlur={() => {
              setCaretSentence(null);
              actions.blurRow(row.index);
            }}
            onSelect={(event) => updateCaret(event.currentTarget)}
          />
        </div>
        {waitingMt ? <p className="review-row__waiting">{t('review:row.waitingMt')}</p> : null}
        <div className="review-row__meta" id={`review-meta-${row.index}`}>
          <span className={`status-badge status-badge--${row.status}`}>
            {t(`review:status.${row.status}`)}
          </span>
          <span className="review-row__origin">{origin ?? t('review:row.noMt')}</span>
          {row.mtOrigin && row.mtOrigin.createdAt > 0 ? (
            <span className="review-row__origin">
              {t('review:row.originDate', {
                date: new Intl.DateTimeFormat(i18n.language, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }).format(row.mtOrigin.createdAt),
              })}
            </span>
          ) : null}
          {effort !== null ? (
            <span className="review-row__effort">{t('review:row.effort', { effort })}</span>
          ) : null}
          {row.timeSpentMs >= 1000 ? (
            <span className="review-row__time">
              {t('review:row.time', { time: formatDuration(row.timeSpentMs, t) })}
            </span>
          ) : null}
          {row.saveState === 'failed' ? (
            <span className="review-row__error" role="alert">
              {t('review:row.saveFailed')}
            </span>
          ) : null}
        </div>
        {findings.length > 0 ? (
          <ul className="qa-findings" aria-label={t('review:qa.label')}>
            {findings.map((finding) => (
              <li
                key={finding.check}
                className={`qa-finding qa-finding--${finding.severity}`}
                data-check={finding.check}
              >
                {t(`review:qa.${finding.check}`, { ...finding.params })}
              </li>
            ))}
          </ul>
        ) : null}
        {row.conflict ? (
          <div className="notice notice--warning review-row__conflict" role="alert">
            <div className="notice__body">
              <p>{t('review:conflict.message')}</p>
              <p lang={targetLanguage} dir={targetDir}>
                {t('review:conflict.theirs', { text: row.conflict.target })}
              </p>
            </div>
            <div className="notice__actions">
              <button
                type="button"
                className="button button--small"
                onClick={() => actions.resolveConflict(row.index, 'mine')}
              >
                {t('review:conflict.keepMine')}
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => actions.resolveConflict(row.index, 'theirs')}
              >
                {t('review:conflict.takeTheirs')}
              </button>
            </div>
          </div>
        ) : null}
        <div className="review-row__actions">
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => actions.approve(row.index)}
            disabled={row.status === 'approved'}
          >
            {t('review:row.approve')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => actions.setStatus(row.index, 'reviewed')}
            disabled={row.status === 'reviewed'}
          >
            {t('review:row.review')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => actions.setStatus(row.index, 'rejected')}
            disabled={row.status === 'rejected'}
          >
            {t('review:row.reject')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => actions.insertMt(row.index)}
            disabled={row.mt === null}
          >
            {t('review:row.insertMt')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => actions.copySource(row.index)}
          >
            {t('review:row.copySource')}
          </button>
          <button
            type="button"
            className="button button--small"
            aria-expanded={showDiff}
            onClick={() => actions.togglePanel(row.index, 'diff')}
            disabled={row.mt === null}
          >
            {showDiff ? t('review:row.hideDiff') : t('review:row.showDiff')}
          </button>
          {secondEngine ? (
            <button
              type="button"
              className="button button--small"
              aria-expanded={showSecond}
              onClick={() => actions.togglePanel(row.index, 'second')}
            >
              {t('review:row.secondOpinion')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--small comment-count"
            aria-expanded={showComments}
            data-comment-count={row.comments.length}
            onClick={() => actions.togglePanel(row.index, 'comments')}
          >
            {t('review:comments.count', { count: row.comments.length })}
          </button>
        </div>
        {diff ? (
          <p
            className="review-diff"
            aria-label={t('review:row.diffLabel')}
            lang={targetLanguage}
            dir={targetDir}
          >
            {diff.every((op) => op.kind === 'equal')
              ? t('review:row.unchanged')
              : diff.map((op, i) =>
                  op.kind === 'equal' ? (
                    <span key={i}>{op.text}</span>
                  ) : op.kind === 'delete' ? (
                    <del key={i} aria-label={`${t('review:row.deleted')}: ${op.text}`}>
                      {op.text}
                    </del>
                  ) : (
                    <ins key={i} aria-label={`${t('review:row.inserted')}: ${op.text}`}>
                      {op.text}
                    </ins>
                  ),
                )}
          </p>
        ) : null}
        {showSecond && secondEngine ? (
          <ReviewSecondOpinion
            providerId={secondEngine}
            text={row.source}
            source={sourceLanguage}
            target={targetLanguage}
            onTake={(text) => actions.takeSecondOpinion(row.index, text)}
            onLoaded={onSecondLoaded}
          />
        ) : null}
        {showComments ? (
          <CommentsPanel
            number={number}
            comments={row.comments}
            locale={i18n.language}
            onAdd={(comment) => actions.addComment(row.index, comment)}
            onDelete={(id) => actions.deleteComment(row.index, id)}
          />
        ) : null}
      </div>
    </section>
  );
});

function formatDuration(
  ms: number,
  t: (
    key: 'review:time.seconds' | 'review:time.minutes',
    options: Record<string, number>,
  ) => string,
): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return t('review:time.seconds', { count: seconds });
  return t('review:time.minutes', { count: Math.floor(seconds / 60), seconds: seconds % 60 });
}
