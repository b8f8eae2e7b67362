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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App i18n={setUpI18n()} />
  </StrictMode>,
);
