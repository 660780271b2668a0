import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type DragEvent, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/confirm-dialog';
import { Notice } from '../../components/notice';
import { useLanguageNames } from '../../components/use-language-names';
import {
  MAX_FILE_BYTES,
  deleteArticle,
  onLibraryChangedElsewhere,
  openArticle,
  recentArticlesQuery,
  type OpenInput,
} from '../../lib/articles';
import { formatBytes, formatDate } from '../../lib/format';
import { openErrorMessage } from './open-error-message';
import { samplesQuery, loadSampleText, type Sample } from './samples';

const ACCEPT = '.txt,.text,.html,.htm,.md,.markdown,text/plain,text/html,text/markdown';

export function StartPage({ onOpened }: { onOpened: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const ids = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const open = async (input: OpenInput, label: string) => {
    setBusy(label);
    setError(null);
    try {
      const { id } = await openArticle(input);
      void queryClient.invalidateQueries({ queryKey: recentArticlesQuery.queryKey });
      onOpened(id);
    } catch (failure) {
      setError(openErrorMessage(failure, t, i18n.language));
    } finally {
      setBusy(null);
    }
  };

  const submitPaste = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void open({ kind: 'paste', text }, t('reader.loading'));
  };

  const openFile = (file: File | undefined) => {
    if (!file) return;
    void open({ kind: 'file', file }, t('start.file.opening', { name: file.name }));
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    openFile(event.dataTransfer.files[0]);
  };

  return (
    // The whole start page takes a dropped file, not only the file box: a file dropped a little
    // off target must open here rather than make the browser navigate away to it.
    <div
      className="start"
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <section className="start__intro">
        <h1>{t('start.title')}</h1>
        <p>{t('start.intro')}</p>
      </section>

      {error ? (
        <Notice tone="error" className="start__error">
          {error}
        </Notice>
      ) : null}
      {busy ? (
        <p className="loading" role="status">
          {busy}
        </p>
      ) : null}

      <div className="start__grid">
        <form className="card paste" onSubmit={submitPaste}>
          <label className="card__title" htmlFor={`${ids}-paste`}>
            {t('start.paste.label')}
          </label>
          <textarea
            id={`${ids}-paste`}
            name="text"
            className="paste__box"
            value={text}
            placeholder={t('start.paste.placeholder')}
            onChange={(event) => setText(event.target.value)}
            rows={10}
            spellCheck={false}
          />
          <div className="card__actions">
            <button type="submit" className="button button--primary" disabled={busy !== null}>
              {t('start.paste.submit')}
            </button>
          </div>
        </form>

        <section
          className={`card dropzone${dragging ? ' dropzone--active' : ''}`}
          aria-labelledby={`${ids}-file-title`}
        >
          <h2 className="card__title" id={`${ids}-file-title`}>
            {t('start.file.heading')}
          </h2>
          <input
            ref={fileInput}
            id={`${ids}-file`}
            type="file"
            accept={ACCEPT}
            className="visually-hidden"
            onChange={(event) => {
              openFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          <label htmlFor={`${ids}-file`} className="button">
            {t('start.file.choose')}
          </label>
          <p className="field__hint">
            {t('start.file.hint', { limit: formatBytes(MAX_FILE_BYTES, i18n.language) })}
          </p>
          <p className="dropzone__hint" aria-hidden="true">
            {dragging ? t('start.file.dropActive') : t('start.file.drop')}
          </p>
        </section>
      </div>

      <div className="start__grid">
        <Samples
          onOpen={(sample, sampleText) =>
            void open(
              { kind: 'sample', sampleId: sample.id, text: sampleText, format: sample.format },
              sample.title,
            )
          }
          onError={() => setError(t('errors.sample'))}
        />
        <RecentArticles onOpen={onOpened} />
      </div>
    </div>
  );
}

function Samples({
  onOpen,
  onError,
}: {
  onOpen: (sample: Sample, text: string) => void;
  onError: () => void;
}) {
  const { t } = useTranslation();
  const samples = useQuery(samplesQuery);
  if (!samples.data?.length) return null;
  return (
    <section className="card">
      <h2 className="card__title">{t('start.samples.heading')}</h2>
      <ul className="list">
        {samples.data.map((sample) => (
          <li key={sample.id} className="list__item">
            <button
              type="button"
              className="link-button"
              lang={sample.language}
              onClick={() => {
                loadSampleText(sample).then((text) => onOpen(sample, text), onError);
              }}
            >
              {sample.title}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RecentArticles({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const recent = useQuery(recentArticlesQuery);
  const names = useLanguageNames();
  useEffect(
    () =>
      onLibraryChangedElsewhere(() => {
        void queryClient.invalidateQueries({ queryKey: recentArticlesQuery.queryKey });
      }),
    [queryClient],
  );
  const [search, setSearch] = useState('');
  const [failed, setFailed] = useState(false);
  const [confirm, dialog] = useConfirm();
  const searchId = useId();
  const needle = search.trim().toLocaleLowerCase(i18n.language);
  const records = (recent.data ?? []).filter(
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
      <h2 className="card__title" id="library-heading">
        {t('start.recent.heading')}
      </h2>
      {recent.data && recent.data.length > 0 ? (
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
      ) : (
        <p className="muted">{t('start.recent.empty')}</p>
      )}
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
