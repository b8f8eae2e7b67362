/// <reference types="vitest/config" />
import { API_PATH_PREFIXES, GRADEBOOK_PATH } from '@kapwa/shared';
import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { offlinePrecache } from './scripts/offline-precache.js';
import { splitGraphqlDocuments } from './scripts/split-graphql-documents.js';
import { translationFiles } from './scripts/translation-files.js';

const apiUrl = process.env.KAPWA_API_URL ?? 'http://127.0.0.1:3000';

// Everything the API serves over plain HTTP; the SPA itself stays same-origin, so no CORS is needed.
const toApi = { target: apiUrl, changeOrigin: false, xfwd: true };
const proxy: Record<string, typeof toApi> = Object.fromEntries(API_PATH_PREFIXES.map((prefix) => [`/${prefix}`, toApi]));
// The gradebook download; the rest of /courses/… is the app's own pages.
proxy[GRADEBOOK_PATH.source] = toApi;

// react-router 7 exports only its development build, whatever the mode (remix-run/react-router#12532,
// #14102). Its production build is the same code with ENABLE_DEV_WARNINGS off, so the dev-only
// warnings and their messages drop out (~0.4 KB gzip). Builds use it; dev and tests keep the warnings.
const reactRouterProduction = join(
  dirname(createRequire(import.meta.url).resolve('react-router/package.json')),
  'dist/production/index.mjs',
);

/**
 * Trims react-router's production bundle (build only) of code this app can never run; lines are kept.
 *
 * - Link, NavLink and Form are created as `var X = React10.forwardRef(…);` followed by
 *   `X.displayName = "X";`, with no pure annotation, so the unused Form (~0.8 KB gzip) stays in the
 *   bundle. forwardRef only wraps the render function in an object and displayName only names it for
 *   React DevTools: fold each pair into one annotated pure expression (same object, same displayName),
 *   so a component nobody imports drops out.
 * - Link renders `<PrefetchPageLinks>` only when `usePrefetchBehavior` says so, and that answers "no"
 *   outside framework mode (no FrameworkContext); RenderErrorBoundary hands errors to RSCErrorHandler only
 *   inside an RSC router (RSCRouterContext). Kapwa is a declarative `<BrowserRouter>` app, which has
 *   neither, yet both branches pull in framework-mode code (route-module prefetching, single-fetch URLs,
 *   RSC redirect digests): ~2 KB gzip of the first load. The branches are replaced by what they
 *   evaluate to in declarative mode. If react-router's code changes shape, the build warns and ships the
 *   code untouched (bundle-size.mjs then shows the KB coming back).
 */
function declarativeReactRouter(): Plugin {
  const pair = /var (\w+) = React10\.forwardRef\(([\s\S]*?)\n\);\n\1\.displayName = ("[\w.]+");/g;
  // Each branch as react-router 7.18 writes it, and its condition as it evaluates in declarative mode.
  const frameworkOnly: [what: string, branch: string, declarative: string][] = [
    [
      "Link's route-module prefetching",
      'shouldPrefetch && !isAbsolute ? /* @__PURE__ */ React10.createElement(React10.Fragment, null, link, /* @__PURE__ */ React10.createElement(PrefetchPageLinks',
      'false && !isAbsolute ? /* @__PURE__ */ React10.createElement(React10.Fragment, null, link, /* @__PURE__ */ React10.createElement(PrefetchPageLinks',
    ],
    [
      "RenderErrorBoundary's RSC error digests",
      'if (this.context && typeof error === "object" && error && "digest" in error',
      'if (false && typeof error === "object" && error && "digest" in error',
    ],
    [
      "RenderErrorBoundary's RSC error handler",
      'if (this.context) {\n      return /* @__PURE__ */ React2.createElement(RSCErrorHandler,',
      'if (false) {\n      return /* @__PURE__ */ React2.createElement(RSCErrorHandler,',
    ],
  ];
  return {
    name: 'kapwa:declarative-react-router',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]react-router[\\/]dist[\\/]production[\\/][^\\/]+\.mjs$/ },
      handler(code) {
        if (!code.includes('React10.forwardRef(')) return null;
        let trimmed = code.replace(
          pair,
          (_, name: string, body: string, displayName: string) =>
            `var ${name} = /* @__PURE__ */ Object.assign(/* @__PURE__ */ React10.forwardRef(${body}\n), { displayName: ${displayName} });\n`,
        );
        for (const [what, branch, declarative] of frameworkOnly) {
          if (trimmed.includes(branch)) trimmed = trimmed.replace(branch, declarative);
          else this.warn(`react-router changed: ${what} was not found, so it stays in the bundle`);
        }
        return trimmed === code ? null : { code: trimmed, map: null };
      },
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    splitGraphqlDocuments(),
    declarativeReactRouter(),
    translationFiles(dirname(fileURLToPath(import.meta.url))),
    // The service worker for offline reading (src/sw.ts), built as /sw.js. Registered by the app itself
    // after load (app/register-service-worker.ts), so nothing is added to the first load; the manifest
    // stays public/manifest.webmanifest. Precached: index.html, the hashed JS and CSS, the translation
    // files (assets/t/…) and the icons; not the source maps, nor the fonts (fetched when a script needs them).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifest: false,
      injectManifest: {
        globPatterns: ['index.html', 'assets/**/*.{js,css,json}', '*.{svg,png,webmanifest}'],
        globIgnores: ['**/*.map', '.vite/**'],
        // The shell and what reading a saved week needs; other pages are kept as they are opened (sw.ts).
        manifestTransforms: [offlinePrecache(join(dirname(fileURLToPath(import.meta.url)), 'dist'))],
      },
    }),
  ],
  resolve: {
    // rxjs (Apollo Client's observables) resolves to its ES5 build by default: classes compiled to
    // functions plus tslib helpers, ~2 KB gzip more than its ES2015 build. Only rxjs uses this condition.
    conditions: ['es2015', ...defaultClientConditions],
    alias: command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    proxy,
  },
  preview: {
    port: Number(process.env.WEB_PORT ?? 4173),
    strictPort: true,
    proxy,
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // bundle-size.mjs reads the manifest to find what the first page load fetches.
    manifest: true,
    rolldownOptions: {
      treeshake: {
        // @kapwa/shared's country list (i18n-iso-countries) has no side effects: let the first
        // bundle use the package's constants without carrying the list. A rule, not a function: a
        // function answers for every module, and answering "true" overrode the `sideEffects: false`
        // of every other package (rxjs, Apollo, …), which kept unused re-exports alive.
        moduleSideEffects: [{ test: /[\\/](i18n-iso-countries|diacritics|shared[\\/]dist)[\\/]/, sideEffects: false }],
      },
      output: {
        // Chunks are named by their content hash alone: the first load carries the names of every
        // page's chunks (the preload map), and the readable half of each name was ~0.7 KB gzip of it.
        // The manifest (and the source maps) say which file holds what. Seven hash characters, not the
        // default eight: the names are incompressible, and one character less on each was ~0.18 KB gzip
        // of the first load. Rolldown refuses a hash too short for the number of chunks (it says so and
        // names the size it needs): raise it then.
        chunkFileNames: 'assets/[hash:7].js',
        codeSplitting: {
          groups: [
            // Left alone, Rolldown cut the first load into five files by which lazy chunks share each
            // module (React, react-router + i18next, the JSX runtime…). All five are fetched at once
            // anyway: as one file they are one request and one gzip stream (~1.5 KB gzip less).
            { name: 'first-load', tags: ['$initial'] },
            // Likewise Apollo Client and what it runs on (graphql-js, rxjs, optimism, @wry) were cut
            // into the data layer plus four chunks shared with the pages' hooks. Every page that uses
            // GraphQL loads the data layer first (DataBoundary), so they travel together (~1 KB gzip
            // less). Apollo's React hooks stay with the pages that call them.
            {
              name: 'data-layer',
              test: (id) =>
                /[\\/]node_modules[\\/](@apollo[\\/]client[\\/](?!react[\\/]hooks[\\/])|graphql[\\/]|rxjs[\\/]|optimism[\\/]|@wry[\\/]|tslib[\\/])/.test(id) ||
                /[\\/]src[\\/]app[\\/](data[\\/]apollo-client|forms[\\/]api-errors)\.ts$/.test(id),
            },
            // The design system's components (web/src/ui) and Apollo's React hooks, each as one file:
            // split by which pages share them they were dozens of small files, each one more request for
            // a page and one more hashed name in the first load's preload map.
            // Not the selects (their lists are heavy) nor what reads API errors (that needs the data
            // layer, which a page without data, like the signed-out home, must not pull in).
            { name: 'ui', test: /[\\/]src[\\/]ui[\\/](?!(country|language|time-zone)-select|confirm-action|query-error)[^\\/]+\.tsx?$/ },
            { name: 'apollo-react', test: /[\\/]node_modules[\\/]@apollo[\\/]client[\\/]react[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    // A form story types, waits for the API stub and re-renders: seconds on a busy 2-core CI machine.
    testTimeout: 20_000,
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
  },
}));
