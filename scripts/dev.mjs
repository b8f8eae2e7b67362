#!/usr/bin/env node
/**
 * `pnpm dev`: Kapwa on this machine with demo content, in one command.
 *
 *   build → PostgreSQL (DATABASE_URL | 127.0.0.1:5432 | embedded PGlite) → Redis (REDIS_URL |
 *   127.0.0.1:6379 | redis-server for the session) → migrate → seed → api + worker + web dev server
 *
 * Options: --no-build (use what `pnpm build` made last time), --help.
 * Ctrl-C stops everything it started. Nothing here is for production: see docker/.
 */

// Checked before anything else is loaded, so an old Node gets this line instead of a syntax error.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Kapwa needs Node.js 20.19 or newer; this is ${process.version}. Install a current Node.js LTS and try again.`);
  process.exit(1);
}

const { runDev } = await import('./lib/dev-session.mjs');
process.exitCode = await runDev({ argv: process.argv.slice(2) });
