/**
 * The find bar: a field, the "3 / 17" count, previous and next, close. It shows what a
 * {@link FindState} holds and knows nothing of the document; the caller places it (the reader
 * pins it under its toolbar) and decides what "go to a match" means.
 *
 * Keys in the field: Enter next, Shift+Enter previous, Esc closes; anywhere while the bar is open,
 * F3 or Ctrl+G (⌘G) next and with Shift previous, as in browsers. The count is announced
 * politely once typing pauses, so a screen reader is not talked over on every keystroke.
 */
import { useEffect, useId, useState, type Ref, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindState } from './use-find';

interface FindBarProps {
  find: FindState;
  inputRef: RefObject<HTMLInputElement | null>;
  onClose: () => void;
  /** Changes each time the bar is asked for (opened, Ctrl+F again): the field takes focus. */
  focusRequest: number;
  id?: string;
  className?: string;
  ref?: Ref<HTMLDivElement>;
}

/** How long typing must pause before the count is read out. */
const ANNOUNCE_AFTER_MS = 500;

export function FindBar({
  find,
  inputRef,
  onClose,
  focusRequest,
  id,
  className,
  ref,
}: FindBarProps) {
  const { t } = useTranslation();
  const fieldId = useId();
  const total = find.matches.length;
  const searching = find.query.trim() !== '';
  const position = find.current + 1;

  let count = '';
  let sentence = '';
  if (searching && total > 0) {
    const values = { current: position, total };
    count = t(find.truncated ? 'find.countMore' : 'find.count', values);
    sentence = t(find.truncated ? 'find.announceMore' : 'find.announce', values);
  } else if (searching && !find.stale) {
    count = t('find.none');
    sentence = count;
  }
  const none = searching && !find.stale && total === 0;

  useEffect(() => {
    // Typing replaces the last query; Enter searches it again.
    inputRef.current?.focus({ preventScroll: true });
    inputRef.current?.select();
  }, [focusRequest, inputRef]);

  const { next, previous } = find;
  const ownId = useId();
  const barId = id ?? ownId;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const inBar = event.target instanceof Element && event.target.closest(`[id="${barId}"]`);
      if (event.key === 'Escape' && inBar && !event.isComposing) {
        // The search field's own Esc would only clear it.
        event.preventDefault();
        onClose();
        return;
      }
      const again =
        event.key === 'F3' ||
        ((event.ctrlKey || event.metaKey) &&
          !event.altKey &&
          (event.key.toLowerCase() === 'g' || event.code === 'KeyG'));
      if (!again) return;
      event.preventDefault();
      if (event.shiftKey) previous();
      else next();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [next, previous, onClose, barId]);

  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    if (find.stale) return;
    const timer = setTimeout(() => setAnnounced(sentence), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [sentence, find.stale]);

  return (
    <div
      ref={ref}
      id={barId}
      role="search"
      aria-label={t('find.region')}
      className={`find-bar${className ? ` ${className}` : ''}`}
    >
      <label htmlFor={fieldId} className="visually-hidden">
        {t('find.label')}
      </label>
      <input
        ref={inputRef}
        id={fieldId}
        type="search"
        name="find"
        className={`find-bar__input${none ? ' find-bar__input--none' : ''}`}
        value={find.query}
        placeholder={t('find.placeholder')}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        aria-invalid={none || undefined}
        onChange={(event) => find.setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
            event.preventDefault();
            if (event.shiftKey) find.previous();
            else find.next();
          }
        }}
      />
      <span
        className={`find-bar__count${none ? ' find-bar__count--none' : ''}${find.stale ? ' find-bar__count--stale' : ''}`}
        aria-hidden="true"
      >
        {count}
      </span>
      <button
        type="button"
        className="button button--quiet find-bar__button"
        aria-label={t('find.previous')}
        title={t('find.previousHint')}
        disabled={total === 0}
        onClick={find.previous}
      >
        <ArrowIcon up />
      </button>
      <button
        type="button"
        className="button button--quiet find-bar__button"
        aria-label={t('find.next')}
        title={t('find.nextHint')}
        disabled={total === 0}
        onClick={find.next}
      >
        <ArrowIcon />
      </button>
      <button
        type="button"
        className="button button--quiet find-bar__button"
        aria-label={t('find.close')}
        title={t('find.closeHint')}
        onClick={onClose}
      >
        <CloseIcon />
      </button>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announced}
      </p>
    </div>
  );
}

function ArrowIcon({ up = false }: { up?: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={up ? 'M3 10l5-5 5 5' : 'M3 6l5 5 5-5'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function CloseIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M4 4l8 8M12 4l-8 8"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
