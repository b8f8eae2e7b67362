import { Problem } from './problem.mjs';
import { startChild } from './processes.mjs';
import { redisAnswers, waitFor } from './probe.mjs';

/**
 * A throw-away Redis for one `pnpm dev` session: nothing saved to disk, stopped when the session ends.
 */
export async function startRedisServer({ command = 'redis-server', host = '127.0.0.1', port = 6379, out } = {}) {
  const handle = startChild(
    'redis',
    command,
    ['--port', String(port), '--bind', host, '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
    { out },
  );
  const ready = await Promise.race([
    waitFor(() => redisAnswers({ host, port }), { timeoutMs: 10_000, intervalMs: 100 }),
    handle.exited.then(() => false),
  ]);
  if (!ready) {
    await handle.stop();
    throw new Problem(`redis-server (${command}) did not start on ${host}:${port}: see its output above.`);
  }
  return { url: `redis://${host}:${port}`, stop: () => handle.stop({ graceMs: 5000 }) };
}
