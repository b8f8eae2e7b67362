import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { setUpI18n } from './app/i18n';
import './app/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App i18n={setUpI18n()} />
  </StrictMode>,
);
