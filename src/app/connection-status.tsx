import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../components/notice';
import { useOnline } from '../lib/online';
import { canInstall, install, subscribeInstallOffer } from '../lib/install';
import { applyUpdate, subscribeToUpdate, updateReady } from '../lib/pwa';

/** The offline indicator and the "new version ready" prompt, under the header. */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const online = useOnline();
  const ready = useSyncExternalStore(subscribeToUpdate, updateReady, () => false);
  return (
    <>
      {!online ? (
        <Notice tone="warning" className="offline-notice">
          <span data-offline>{t('offline.notice')}</span>
        </Notice>
      ) : null}
      {ready ? (
        <Notice
          tone="info"
          actions={
            <button
              type="button"
              className="button button--small"
              onClick={() => void applyUpdate()}
            >
              {t('update.reload')}
            </button>
          }
        >
          {t('update.ready')}
        </Notice>
      ) : null}
    </>
  );
}

/** "Install the app", shown only while the browser offers it. */
export function InstallButton() {
  const { t } = useTranslation();
  const offered = useSyncExternalStore(subscribeInstallOffer, canInstall, () => false);
  if (!offered) return null;
  return (
    <button type="button" className="button button--quiet" onClick={() => void install()}>
      {t('install.action')}
    </button>
  );
}
