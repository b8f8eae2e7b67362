import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type GraphQLResponse, graphqlClient, type TestApi } from './test-app.js';
import { waitFor } from './wait-for.js';

const MAIN = fileURLToPath(new URL('../../../dist/main.js', import.meta.url));

export interface BuiltApi {
  url: string;
  /** Sends a GraphQL operation; the promise rejects if the process dies first. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** Ends the process at once, as a crash or an out-of-memory kill would: nothing runs after. */
  kill(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The built API (`node api/dist/main.js`) in a process of its own, on the test API's database, Redis
 * prefix and mail folder, for tests that kill it. `env` overrides its environment (e.g. REDIS_URL).
 */
export async function startBuiltApi(api: TestApi, env: Record<string, string> = {}): Promise<BuiltApi> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`pnpm --filter @kapwa/api build\` first.`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: api.databaseUrl,
      REDIS_URL: api.config.redisUrl,
      REDIS_PREFIX: api.config.redisPrefix,
      MAIL_DIR: api.config.mail.dir!,
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  await waitFor(async () => {
    if (gone) throw new Error(`${MAIN} exited before it answered`);
    return fetch(`${url}/health`).then((res) => res.ok, () => false);
  }, 30_000);
  return {
    url,
    gql: graphqlClient(url),
    async kill() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
  };
}
