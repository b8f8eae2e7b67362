import { startStack, stopStack } from './stack.js';

export default async function globalSetup() {
  const stack = await startStack();
  globalThis.__KAPWA_STACK__ = stack;
  // Test files run in workers spawned after this: they inherit the environment.
  process.env.KAPWA_WEB_URL = stack.webUrl;
  process.env.KAPWA_API_URL = stack.apiUrl;
  // For stories that must arrange what the API only lets an admin do (see courses.test.js).
  process.env.KAPWA_DATABASE_URL = stack.databaseUrl;
  // Ctrl-C or a crash must not leave servers and databases behind.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => void stopStack(stack).finally(() => process.exit(130)));
  }
}
