#!/usr/bin/env node
/**
 * `pnpm dev`: Kapwa on this machine with demo content, in one command, for development.
 *
 *   build → PostgreSQL (DATABASE_URL | 127.0.0.1:5432 | embedded PGlite) → Redis (REDIS_URL |
 *   127.0.0.1:6379 | redis-server for the session) → migrate → seed → api + worker + web dev server
 *
 * Options: --no-build (use what `pnpm build` made last time), --help.
 * Ctrl-C stops everything it started. Nothing here is for production: see docker/. `pnpm start`
 * (scripts/start.mjs) runs the same with the built web app instead of the dev server.
 */
import './lib/node-version.mjs';

const { runDev } = await import('./lib/dev-session.mjs');
process.exitCode = await runDev({ argv: process.argv.slice(2), mode: 'dev' });
