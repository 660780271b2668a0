import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../components/notice';
import { ReaderPage } from '../features/reader/reader-page';
import { useEngine } from '../components/use-engine-route';
import { SettingsDialog } from '../features/settings/settings-dialog';
import { UiLanguageSwitcher } from '../features/settings/ui-language-switcher';
import { StartPage } from '../features/start/start-page';
import { preloadDetector } from '../domain/language/detect';
import { navigate, useSearch } from '../lib/location';
import { usePreferences } from '../lib/preferences';
import { runtimeConfigQuery } from '../lib/runtime-config';
import { ConfigNotice } from './config-notice';
import { ConnectionStatus, InstallButton } from './connection-status';
import { useLinkParameters } from './use-link-parameters';

export function Shell() {
  const { t, i18n } = useTranslation();
  const uiLanguage = usePreferences((state) => state.uiLanguage);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const search = useSearch();
  const params = new URLSearchParams(search);
  const docId = params.get('doc');
  const config = useQuery(runtimeConfigQuery);
  const link = useLinkParameters(search);
  // Warm the engine (its code and its pair list) while the reader picks an article, so a new
  // article's first request does not wait for them.
  useEngine(undefined);

  useEffect(() => {
    if (i18n.language !== uiLanguage) void i18n.changeLanguage(uiLanguage);
  }, [i18n, uiLanguage]);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  useEffect(() => {
    // The language detector is needed the moment an article opens; fetch it while the reader
    // is still choosing one.
    if ('requestIdleCallback' in window) requestIdleCallback(() => preloadDetector());
    else setTimeout(preloadDetector, 500);
  }, []);

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
        {link.status !== 'opening' &&
          (docId ? (
            <ReaderPage
              key={docId}
              articleId={docId}
              persisted={link.persisted}
              onClose={goHome}
              onOpenSettings={() => setSettingsOpen(true)}
            />
          ) : (
            <StartPage onOpened={(id) => navigate({ doc: id })} />
          ))}
      </main>
      {settingsOpen ? <SettingsDialog onClose={() => setSettingsOpen(false)} /> : null}
    </div>
  );
}
