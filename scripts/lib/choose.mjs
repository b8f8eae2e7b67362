import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { Problem } from './problem.mjs';
import { addressOf, postgresAnswers, redisAnswers } from './probe.mjs';

export const LOCAL_POSTGRES = { host: '127.0.0.1', port: 5432 };
export const LOCAL_REDIS = { host: '127.0.0.1', port: 6379 };

/**
 * Which PostgreSQL `pnpm dev` uses: DATABASE_URL when set; else the one on 127.0.0.1:5432 when it answers;
 * else an embedded one (PGlite) that dev.mjs starts.
 * @returns {Promise<{kind: 'configured'|'local'|'embedded', url?: string}>}
 */
export async function chooseDatabase({ env = process.env, local = LOCAL_POSTGRES } = {}) {
  if (env.DATABASE_URL) {
    const { host, port } = addressOf(env.DATABASE_URL, 5432);
    if (!(await postgresAnswers({ host, port }))) {
      throw new Problem(
        `PostgreSQL does not answer at ${host}:${port} (from DATABASE_URL). Start it, or unset DATABASE_URL ` +
          'to use the one on 127.0.0.1:5432 or an embedded one.',
      );
    }
    return { kind: 'configured', url: env.DATABASE_URL };
  }
  if (await postgresAnswers(local)) {
    return { kind: 'local', url: `postgres://postgres@${local.host}:${local.port}/kapwa` };
  }
  return { kind: 'embedded' };
}

/**
 * Which Redis `pnpm dev` uses: REDIS_URL when set; else the one on 127.0.0.1:6379 when it answers; else
 * one started from `redis-server` on the PATH for the session. There is no embedded Redis: without one,
 * a Problem says where Redis was looked for and how to get it.
 * @returns {Promise<{kind: 'configured'|'local'|'start', url: string, command?: string, port?: number}>}
 */
export async function chooseRedis({ env = process.env, local = LOCAL_REDIS } = {}) {
  if (env.REDIS_URL) {
    const { host, port } = addressOf(env.REDIS_URL, 6379);
    if (!(await redisAnswers({ host, port }))) {
      throw new Problem(
        `Redis does not answer at ${host}:${port} (from REDIS_URL). Start it, or unset REDIS_URL to use ` +
          'the one on 127.0.0.1:6379.',
      );
    }
    return { kind: 'configured', url: env.REDIS_URL };
  }
  const url = `redis://${local.host}:${local.port}`;
  if (await redisAnswers(local)) return { kind: 'local', url };
  const command = findExecutable('redis-server', env.PATH);
  if (command) return { kind: 'start', url, command, port: local.port };
  throw new Problem(
    `Redis is needed: nothing answers on ${local.host}:${local.port}, REDIS_URL is not set and redis-server ` +
      'is not on the PATH. Install and start it (Debian/Ubuntu: `sudo apt-get install redis-server`; ' +
      'macOS: `brew install redis && brew services start redis`), or set REDIS_URL.',
  );
}

/** Full path of an executable found on PATH, or null. */
export function findExecutable(name, searchPath = process.env.PATH ?? '') {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/** One line on installing ffmpeg/ffprobe when either is missing from the PATH (media processing needs both), else null. */
export function mediaToolsNote(searchPath = process.env.PATH ?? '') {
  const missing = ['ffmpeg', 'ffprobe'].filter((tool) => !findExecutable(tool, searchPath));
  if (!missing.length) return null;
  return `${missing.join(' and ')} not found: uploaded videos stay "processing" until installed (Debian/Ubuntu: sudo apt-get install -y ffmpeg; macOS: brew install ffmpeg)`;
}
