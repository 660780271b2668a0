import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../components/notice';
import { UiLanguageSwitcher } from '../features/settings/ui-language-switcher';
import { StartPage } from '../features/start/start-page';
import { openErrorMessage } from '../features/start/open-error-message';
import { openArticle, OpenArticleError, preloadArticleOpener } from '../lib/articles';
import { consumeLaunchedFiles } from '../lib/launch-queue';
import { loadNamespaces } from '../lib/i18n';
import { navigate, useSearch } from '../lib/location';
import { usePreferences } from '../lib/preferences';
import { runtimeConfigQuery } from '../lib/runtime-config';
import { ConfigNotice } from './config-notice';
import { ConnectionStatus, InstallButton } from './connection-status';
import { useLinkParameters } from './use-link-parameters';

// The start page is all a first visit needs. Reading, settings and the engine load on demand:
// the moment an article is given, or as soon as the reader shows intent to open one.
const loadReader = () =>
  Promise.all([
    import('../features/reader/reader-page'),
    loadNamespaces('providers', 'reading'),
  ]).then(([module]) => module);
const loadSettings = () =>
  Promise.all([
    import('../features/settings/settings-dialog'),
    loadNamespaces('providers', 'reading', 'settings'),
  ]).then(([module]) => module);
const ReaderPage = lazy(() => loadReader().then((module) => ({ default: module.ReaderPage })));
const SettingsDialog = lazy(() =>
  loadSettings().then((module) => ({ default: module.SettingsDialog })),
);
/** Loads the engine's code and pair list as soon as an article is on its way (engine-warmup.ts). */
const warmEngine = (queryClient: QueryClient) =>
  import('./engine-warmup').then((module) => module.warmEngine(queryClient));

export function Shell() {
  const { t, i18n } = useTranslation();
  const uiLanguage = usePreferences((state) => state.uiLanguage);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const search = useSearch();
  const params = new URLSearchParams(search);
  const docId = params.get('doc');
  const config = useQuery(runtimeConfigQuery);
  const link = useLinkParameters(search);
  // Once the reader reaches for an article, warm what opening it needs — the reader's code, the
  // article opener with its language detector, the engine and its pair list — so the first
  // request does not wait for them.
  const queryClient = useQueryClient();
  const warmedUp = useRef(false);
  const warmUp = useCallback(() => {
    if (warmedUp.current) return;
    warmedUp.current = true;
    preloadArticleOpener();
    void loadReader().catch(() => undefined);
    // Not an error when it fails: the reader resolves its engine again and says what is wrong.
    void warmEngine(queryClient).catch(() => undefined);
  }, [queryClient]);
  // An article given by a link opens without a visit to the start page: warm up for it too.
  useEffect(() => {
    if (link.status === 'opening') warmUp();
  }, [link.status, warmUp]);

  useEffect(() => {
    if (i18n.language !== uiLanguage) void i18n.changeLanguage(uiLanguage);
  }, [i18n, uiLanguage]);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  // Files opened with the installed app from the operating system.
  const [launchError, setLaunchError] = useState<unknown>(null);
  useEffect(() => {
    consumeLaunchedFiles(
      (file) => {
        warmUp();
        setLaunchError(null);
        openArticle({ kind: 'file', file }).then(({ id }) => navigate({ doc: id }), setLaunchError);
      },
      (fileName) => setLaunchError(new OpenArticleError('read-failed', fileName)),
    );
  }, [warmUp]);

  useEffect(() => {
    // A file dropped where nothing takes it must not replace the app with the raw file.
    const guard = (event: DragEvent) => event.preventDefault();
    window.addEventListener('dragover', guard);
    window.addEventListener('drop', guard);
    return () => {
      window.removeEventListener('dragover', guard);
      window.removeEventListener('drop', guard);
    };
  }, []);

  const goHome = () => navigate({});

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        <a
          className="brand"
          href="./"
          onClick={(event) => {
            event.preventDefault();
            goHome();
          }}
        >
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </a>
        <nav className="app-header__actions" aria-label={t('nav.settings')}>
          <InstallButton />
          <UiLanguageSwitcher />
          <button
            type="button"
            className="button button--quiet"
            onPointerOver={() => void loadSettings().catch(() => undefined)}
            onFocus={() => void loadSettings().catch(() => undefined)}
            onClick={() => setSettingsOpen(true)}
          >
            {t('nav.settings')}
          </button>
        </nav>
      </header>
      <ConnectionStatus />
      {config.data ? <ConfigNotice problems={config.data.problems} /> : null}
      <main id="main" className="app-main" tabIndex={-1}>
        {link.status === 'opening' ? (
          <p className="loading" role="status">
            {t('reader.loading')}
          </p>
        ) : null}
        {link.status === 'failed' ? <Notice tone="error">{t(link.messageKey)}</Notice> : null}
        {launchError ? (
          <Notice tone="error">{openErrorMessage(launchError, t, i18n.language)}</Notice>
        ) : null}
        {link.status !== 'opening' &&
          (docId ? (
            <Suspense fallback={<ReaderLoading />}>
              <ReaderPage
                key={docId}
                articleId={docId}
                persisted={link.persisted}
                onClose={goHome}
                onOpenSettings={() => setSettingsOpen(true)}
              />
            </Suspense>
          ) : (
            <StartPage onOpened={(id) => navigate({ doc: id })} onIntent={warmUp} />
          ))}
      </main>
      <Suspense fallback={null}>
        {settingsOpen ? <SettingsDialog onClose={() => setSettingsOpen(false)} /> : null}
      </Suspense>
    </div>
  );
}

function ReaderLoading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('reader.loading')}
    </p>
  );
}
