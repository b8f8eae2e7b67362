import 'reflect-metadata';
import { createApp } from './app.js';
import { assertSchemaCurrent, runOrExplain } from './platform/common/startup.js';
import { checkPostgres, checkRedis } from './platform/common/service-check.js';
import { loadConfig } from './platform/config/config.js';

await runOrExplain(async () => {
  const config = loadConfig();
  await checkPostgres(config);
  await checkRedis(config);
  await assertSchemaCurrent(config);
  const app = await createApp(config);
  await app.listen(config.port, process.env.HOST || '0.0.0.0');
  console.log(`Kapwa API listening on http://127.0.0.1:${config.port}/graphql`);
});
