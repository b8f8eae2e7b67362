#!/usr/bin/env node
/**
 * `pnpm start`: Kapwa on this machine with demo content as a deployment serves it: the same session as
 * `pnpm dev` (build → PostgreSQL → Redis → migrate → seed), then the built API, serving the built web
 * app (web/dist) compressed from its own origin, and the job worker. No dev server: what the browser
 * downloads is the production bundle.
 *
 * Options: --no-build (use what `pnpm build` made last time), --help. Ctrl-C stops everything it started.
 */
import './lib/node-version.mjs';

const { runDev } = await import('./lib/dev-session.mjs');
process.exitCode = await runDev({ argv: process.argv.slice(2), mode: 'start' });
