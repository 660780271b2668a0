import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initI18n } from './lib/i18n';
import { storedUiLanguage } from './lib/preferences';
import { watchInstallOffer } from './lib/install';
import { registerServiceWorker } from './lib/pwa';
import { coalesceQueryTimers, scheduleQueryUpdatesPerFrame } from './lib/query-client';
import './app/styles.css';

async function start(): Promise<void> {
  watchInstallOffer();
  scheduleQueryUpdatesPerFrame();
  coalesceQueryTimers();
  // The UI language is known before the first paint, so nothing flashes in the wrong language.
  await initI18n(storedUiLanguage());
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  const root = createRoot(container);
  // As a transition, the first render yields to the browser every few milliseconds instead of
  // holding the main thread for the whole tree (on a slow phone, one task of a quarter second).
  startTransition(() => {
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
  void registerServiceWorker();
}

void start();
