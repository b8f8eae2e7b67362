import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy…/waitFor give up after 1 s by default; a page that fetches its translations first needs more
// on a busy 2-core machine (it failed there, never on a quiet one).
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});
import '@testing-library/jest-dom/vitest';
