import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  lazy,
  Suspense,
  useEffect,
  useId,
  useRef,
  useState,
  type DragEvent,
  type SubmitEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import {
  MAX_FILE_BYTES,
  onLibraryChangedElsewhere,
  openArticle,
  recentArticlesQuery,
  type OpenInput,
} from '../../lib/articles';
import { formatBytes } from '../../lib/format';
import { openErrorMessage } from './open-error-message';
import { samplesQuery, loadSampleText, type Sample } from './samples';

const Library = lazy(() => import('./library').then((module) => ({ default: module.Library })));

const ACCEPT =
  '.txt,.text,.html,.htm,.md,.markdown,.xlf,.xliff,text/plain,text/html,text/markdown,application/xliff+xml';

interface StartPageProps {
  onOpened: (id: string) => void;
  /** The reader is about to open something: the code and data for reading can start loading. */
  onIntent?: () => void;
}

export function StartPage({ onOpened, onIntent }: StartPageProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const ids = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const open = async (input: OpenInput, label: string) => {
    onIntent?.();
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
      onDragEnter={onIntent}
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

      <div
        className="start__grid"
        onPointerOver={onIntent}
        onTouchStart={onIntent}
        onFocus={onIntent}
      >
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

      <div
        className="start__grid"
        onPointerOver={onIntent}
        onTouchStart={onIntent}
        onFocus={onIntent}
      >
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

/**
 * The saved articles. A first visit has none, so the library's own code (search, delete, storage
 * use) loads only once there is something to list.
 */
function RecentArticles({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const recent = useQuery(recentArticlesQuery);
  useEffect(
    () =>
      onLibraryChangedElsewhere(() => {
        void queryClient.invalidateQueries({ queryKey: recentArticlesQuery.queryKey });
      }),
    [queryClient],
  );
  const heading = (
    <h2 className="card__title" id="library-heading">
      {t('start.recent.heading')}
    </h2>
  );
  if (recent.data && recent.data.length > 0) {
    return (
      <Suspense fallback={<section className="card library">{heading}</section>}>
        <Library records={recent.data} heading={heading} onOpen={onOpen} />
      </Suspense>
    );
  }
  return (
    <section className="card library" aria-labelledby="library-heading">
      {heading}
      {recent.isPending ? null : <p className="muted">{t('start.recent.empty')}</p>}
    </section>
  );
}
