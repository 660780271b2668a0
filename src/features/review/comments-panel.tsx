import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewComment } from '../../domain/review/types';
import { usePreferences } from '../../lib/preferences';
import { useConfirm } from '../../components/confirm-dialog';

interface CommentsPanelProps {
  number: number;
  comments: readonly ReviewComment[];
  locale: string;
  onAdd: (comment: ReviewComment) => void;
  onDelete: (id: string) => void;
}

const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * A row's comments: who wrote what and when; posting asks once which name to sign with; deleting
 * asks first, since a deleted comment cannot come back.
 */
export function CommentsPanel({ number, comments, locale, onAdd, onDelete }: CommentsPanelProps) {
  const { t } = useTranslation('review');
  const reviewer = usePreferences((state) => state.reviewer);
  const [text, setText] = useState('');
  const [choosing, setChoosing] = useState(false);
  const [confirm, dialog] = useConfirm();
  const headingId = useId();
  const inputId = useId();
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const post = () => {
    const body = text.trim();
    if (!body || !reviewer) return;
    onAdd({ id: newId(), author: reviewer, text: body, createdAt: Date.now() });
    setText('');
  };

  const remove = async (id: string) => {
    const yes = await confirm({
      message: t('comments.deleteConfirm'),
      confirm: t('comments.deleteYes'),
      cancel: t('comments.deleteNo'),
      danger: true,
    });
    if (yes) onDelete(id);
  };

  return (
    <div className="comments" role="region" aria-labelledby={headingId}>
      <h3 id={headingId} className="comments__heading">
        {t('comments.heading', { number })}
      </h3>
      {comments.length === 0 ? (
        <p className="muted">{t('comments.empty')}</p>
      ) : (
        <ul className="comments__list">
          {comments.map((comment) => (
            <li key={comment.id} className="comment" data-comment={comment.id}>
              <p className="comment__by">
                {t('comments.by', {
                  author: comment.author,
                  date: dates.format(comment.createdAt),
                })}
              </p>
              <p className="comment__text">{comment.text}</p>
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => void remove(comment.id)}
              >
                {t('comments.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!reviewer || choosing ? (
        <AccountChooser onDone={() => setChoosing(false)} />
      ) : (
        <form
          className="comments__form"
          onSubmit={(event) => {
            event.preventDefault();
            post();
          }}
        >
          <p className="comments__signed muted">
            {t('comments.signedAs', { name: reviewer })}
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => setChoosing(true)}
            >
              {t('comments.accountChange')}
            </button>
          </p>
          <label className="visually-hidden" htmlFor={inputId}>
            {t('comments.placeholder')}
          </label>
          <textarea
            id={inputId}
            className="comments__input"
            value={text}
            rows={2}
            placeholder={t('comments.placeholder')}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                event.stopPropagation();
                post();
              }
            }}
          />
          <button type="submit" className="button button--small" disabled={!text.trim()}>
            {t('comments.add')}
          </button>
        </form>
      )}
      {dialog}
    </div>
  );
}

/** "Choose an account to comment": a name used before on this browser, or a new one. */
function AccountChooser({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('review');
  const reviewers = usePreferences((state) => state.reviewers);
  const setReviewer = usePreferences((state) => state.setReviewer);
  const [name, setName] = useState('');
  const headingId = useId();
  const inputId = useId();
  const choose = (value: string) => {
    if (!value.trim()) return;
    setReviewer(value);
    onDone();
  };
  return (
    <div className="account-chooser" role="group" aria-labelledby={headingId}>
      <p id={headingId} className="account-chooser__title">
        {t('comments.account')}
      </p>
      {reviewers.length > 0 ? (
        <ul className="account-chooser__known">
          {reviewers.map((known) => (
            <li key={known}>
              <button type="button" className="button button--small" onClick={() => choose(known)}>
                {known}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="account-chooser__form"
        onSubmit={(event) => {
          event.preventDefault();
          choose(name);
        }}
      >
        <label htmlFor={inputId}>{t('comments.accountName')}</label>
        <input
          id={inputId}
          name="reviewer"
          value={name}
          autoComplete="name"
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button--small" disabled={!name.trim()}>
          {t('comments.accountUse')}
        </button>
      </form>
    </div>
  );
}
