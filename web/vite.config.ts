/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { splitGraphqlDocuments } from './scripts/split-graphql-documents.js';

const apiUrl = process.env.KAPWA_API_URL ?? 'http://127.0.0.1:3000';

// Everything the API serves over plain HTTP; the SPA itself stays same-origin, so no CORS is needed.
const proxy = Object.fromEntries(
  ['/graphql', '/health', '/calendar', '/media', '/uploads', '/my-data', '/course-covers'].map((path) => [
    path,
    { target: apiUrl, changeOrigin: false, xfwd: true },
  ]),
);

// react-router 7 exports only its development build, whatever the mode (remix-run/react-router#12532,
// #14102). Its production build is the same code with ENABLE_DEV_WARNINGS off, so the dev-only
// warnings and their messages drop out (~0.4 KB gzip). Builds use it; dev and tests keep the warnings.
const reactRouterProduction = join(
  dirname(createRequire(import.meta.url).resolve('react-router/package.json')),
  'dist/production/index.mjs',
);

/**
 * react-router creates Link, NavLink and Form as `var X = React10.forwardRef(…);` followed by
 * `X.displayName = "X";`, with no pure annotation, so its unused Form (~0.8 KB gzip) stays in the
 * bundle. forwardRef only wraps the render function in an object and displayName only names it for
 * React DevTools: in react-router's production bundle alone, fold each pair into one annotated pure
 * expression (same object, same displayName), so a component nobody imports drops out. Lines are kept.
 */
function pureReactRouterComponents(): Plugin {
  const pair = /var (\w+) = React10\.forwardRef\(([\s\S]*?)\n\);\n\1\.displayName = ("[\w.]+");/g;
  return {
    name: 'kapwa:pure-react-router-components',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]react-router[\\/]dist[\\/]production[\\/][^\\/]+\.mjs$/ },
      handler(code) {
        if (!code.includes('React10.forwardRef(')) return null;
        const pure = code.replace(
          pair,
          (_, name: string, body: string, displayName: string) =>
            `var ${name} = /* @__PURE__ */ Object.assign(/* @__PURE__ */ React10.forwardRef(${body}\n), { displayName: ${displayName} });\n`,
        );
        return pure === code ? null : { code: pure, map: null };
      },
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [react(), splitGraphqlDocuments(), pureReactRouterComponents()],
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
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
  },
}));
