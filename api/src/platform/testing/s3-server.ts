import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';

/**
 * An S3-compatible server for tests: moto's standalone server (`pip3 install 'moto[server]'`, then
 * `moto_server`), on a free port of this machine, with one empty bucket. MOTO_SERVER names another binary.
 * Resolves to `{ skipped }` with the reason when the server cannot be started here; nothing else skips.
 */
export interface TestS3 {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The settings the API and worker read. */
  env: Record<string, string>;
  client: S3Client;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startTestS3(bucket = 'kapwa-media'): Promise<TestS3 | { skipped: string }> {
  const command = process.env.MOTO_SERVER || 'moto_server';
  const port = await freePort();
  let child: ChildProcess;
  let failure: string | null = null;
  let output = '';
  try {
    child = spawn(command, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    return { skipped: `${command} could not start (${(error as Error).message}); install it with: pip3 install 'moto[server]'` };
  }
  child.on('error', (error) => (failure = `${command} could not start (${error.message}); install it with: pip3 install 'moto[server]'`));
  child.on('exit', (code) => (failure ??= `${command} ended with code ${code}: ${output.slice(-500)}`));
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk).slice(-2000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk).slice(-2000)));

  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (failure) return { skipped: failure };
    try {
      await fetch(`${endpoint}/`);
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        return { skipped: `${command} did not answer on ${endpoint} within 20 s: ${output.slice(-500)}` };
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  const accessKeyId = 'testing';
  const secretAccessKey = 'testing';
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    endpoint,
    bucket,
    accessKeyId,
    secretAccessKey,
    client,
    env: { S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey, S3_FORCE_PATH_STYLE: '1' },
    async stop() {
      client.destroy();
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      });
    },
  };
}
