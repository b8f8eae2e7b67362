import { stopStack } from './stack.js';

export default async function globalTeardown() {
  await stopStack(globalThis.__KAPWA_STACK__);
}
