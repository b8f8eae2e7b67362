import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { setUpI18n } from './app/i18n';
import { continueQuickExit } from './app/quick-exit';
import './ui/tokens.css';
import './ui/components.css';
import './app/fonts.css';
import './app/styles.css';

continueQuickExit();

const i18n = setUpI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App i18n={i18n} />
  </StrictMode>,
);

// The service worker (offline reading) and new versions, once the page is up: none of it in the first load.
window.addEventListener('load', () => void import('./app/register-service-worker').then((worker) => worker.registerServiceWorker(i18n)));
