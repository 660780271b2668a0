/**
 * The library on the start page: every saved article with its languages and progress, a search,
 * deletion after confirming, and how much this browser holds for the app.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/confirm-dialog';
import { Notice } from '../../components/notice';
import { useLanguageNames } from '../../components/use-language-names';
import { deleteArticle, recentArticlesQuery } from '../../lib/articles';
import { formatBytes, formatDate } from '../../lib/format';
import type { ArticleRecord } from '../../lib/storage/db';

interface LibraryProps {
  records: readonly ArticleRecord[];
  heading: ReactNode;
  onOpen: (id: string) => void;
}

export function Library({ records: all, heading, onOpen }: LibraryProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const names = useLanguageNames();
  const [search, setSearch] = useState('');
  const [failed, setFailed] = useState(false);
  const [confirm, dialog] = useConfirm();
  const searchId = useId();
  const needle = search.trim().toLocaleLowerCase(i18n.language);
  const records = all.filter(
    (record) =>
      needle === '' ||
      (record.draft.title ?? '').toLocaleLowerCase(i18n.language).includes(needle) ||
      record.draft.blocks.some((block) =>
        block.text.toLocaleLowerCase(i18n.language).includes(needle),
      ),
  );

  const remove = async (id: string, title: string) => {
    const yes = await confirm({
      message: t('start.recent.deleteConfirm', { title }),
      confirm: t('start.recent.deleteYes'),
      cancel: t('start.recent.deleteNo'),
      danger: true,
    });
    if (!yes) return;
    try {
      await deleteArticle(id);
      setFailed(false);
    } catch {
      setFailed(true);
    }
    await queryClient.invalidateQueries({ queryKey: recentArticlesQuery.queryKey });
  };

  return (
    <section className="card library" aria-labelledby="library-heading">
      {heading}
      <>
        <label className="visually-hidden" htmlFor={searchId}>
          {t('start.recent.search')}
        </label>
        <input
          id={searchId}
          type="search"
          className="library__search"
          placeholder={t('start.recent.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        {failed ? <Notice tone="error">{t('start.recent.deleteFailed')}</Notice> : null}
        {records.length === 0 ? <p className="muted">{t('start.recent.noMatch')}</p> : null}
        <ul className="list">
          {records.map((record) => {
            const title = record.draft.title ?? t('start.recent.untitled');
            return (
              <li key={record.id} className="list__item library__item" data-library-item>
                <a
                  href={`?doc=${encodeURIComponent(record.id)}`}
                  className="link-button"
                  lang={record.sourceLanguage ?? record.detectedLanguage ?? undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    onOpen(record.id);
                  }}
                >
                  {title}
                </a>
                <span className="list__meta">
                  {t('start.recent.openedAt', {
                    date: formatDate(record.openedAt, i18n.language),
                  })}
                </span>
                {Object.entries(record.translations ?? {}).map(([target, progress]) => (
                  <span key={target} className="list__meta" data-library-progress={target}>
                    {t('start.recent.progress', {
                      source: names(record.sourceLanguage ?? record.detectedLanguage ?? ''),
                      target: names(target),
                      done: progress.translated,
                      total: progress.total,
                    })}
                  </span>
                ))}
                <button
                  type="button"
                  className="button button--small button--quiet library__delete"
                  aria-label={`${t('start.recent.delete')}: ${title}`}
                  onClick={() => void remove(record.id, title)}
                >
                  {t('start.recent.delete')}
                </button>
              </li>
            );
          })}
        </ul>
      </>
      <StorageUse />
      {dialog}
    </section>
  );
}

/** How much this browser holds for the app, and a request that it be kept. */
function StorageUse() {
  const { t, i18n } = useTranslation();
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const estimate = useQuery({
    queryKey: ['storage-estimate'] as const,
    queryFn: async () => {
      const [usage, persistedNow] = await Promise.all([
        navigator.storage.estimate(),
        navigator.storage.persisted(),
      ]);
      return { used: usage.usage ?? 0, quota: usage.quota ?? 0, persisted: persistedNow };
    },
    enabled: typeof navigator !== 'undefined' && 'storage' in navigator,
    staleTime: 0,
  });
  if (!estimate.data) return null;
  const kept = persisted ?? estimate.data.persisted;
  return (
    <div className="library__storage">
      <p className="muted" data-storage-estimate>
        {t('start.recent.storage', {
          used: formatBytes(estimate.data.used, i18n.language),
          quota: formatBytes(estimate.data.quota, i18n.language),
        })}
      </p>
      {kept ? (
        <p className="muted">{t('start.recent.persisted')}</p>
      ) : persisted === false ? (
        <p className="muted">{t('start.recent.persistDenied')}</p>
      ) : (
        <button
          type="button"
          className="button button--small"
          onClick={() => void navigator.storage.persist().then(setPersisted)}
        >
          {t('start.recent.persist')}
        </button>
      )}
    </div>
  );
}
