// Tests of `pnpm dev`'s decisions and of the embedded PostgreSQL, against real sockets and processes.
// Run: node --test scripts/
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chooseDatabase, chooseRedis, findExecutable, mediaToolsNote } from './lib/choose.mjs';
import { startEmbeddedPostgres } from './lib/embedded-postgres.mjs';
import { Problem } from './lib/problem.mjs';
import { waitFor } from './lib/probe.mjs';
import { startRedisServer } from './lib/redis-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REDIS_SERVER = findExecutable('redis-server');

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Something that listens but is not PostgreSQL or Redis. */
async function httpServer() {
  const server = http.createServer((_, res) => res.end('hello'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
}

let postgres; // an embedded PostgreSQL, as `pnpm dev` starts it
let redis; // a redis-server started as `pnpm dev` starts it, when one is installed
let impostor;

before(async () => {
  postgres = await startEmbeddedPostgres({ port: await freePort(), maxConnections: 8 }); // in memory
  if (REDIS_SERVER) redis = { ...(await startRedisServer({ command: REDIS_SERVER, port: await freePort(), out: devNull() })) };
  impostor = await httpServer();
});

after(async () => {
  await postgres?.stop();
  await redis?.stop();
  await impostor?.close();
});

function devNull() {
  return { write() {} };
}

const local = (url) => ({ host: '127.0.0.1', port: Number(new URL(url).port) });

describe('choosing PostgreSQL', () => {
  it('uses DATABASE_URL when it is set and answers', async () => {
    const choice = await chooseDatabase({ env: { DATABASE_URL: postgres.url }, local: { host: '127.0.0.1', port: await freePort() } });
    assert.deepEqual(choice, { kind: 'configured', url: postgres.url });
  });

  it('says which address from DATABASE_URL does not answer, without falling back', async () => {
    const port = await freePort();
    await assert.rejects(
      chooseDatabase({ env: { DATABASE_URL: `postgres://u:secret@127.0.0.1:${port}/kapwa` }, local: local(postgres.url) }),
      (error) => error instanceof Problem && error.message.includes(`127.0.0.1:${port}`) && error.message.includes('DATABASE_URL') && !error.message.includes('secret'),
    );
  });

  it('uses the local PostgreSQL when one answers', async () => {
    const choice = await chooseDatabase({ env: {}, local: local(postgres.url) });
    assert.equal(choice.kind, 'local');
    assert.equal(choice.url, `postgres://postgres@127.0.0.1:${local(postgres.url).port}/kapwa`);
  });

  it('starts an embedded one when nothing answers', async () => {
    assert.deepEqual(await chooseDatabase({ env: {}, local: { host: '127.0.0.1', port: await freePort() } }), { kind: 'embedded' });
  });

  it('does not take another service on the port for PostgreSQL', async () => {
    assert.deepEqual(await chooseDatabase({ env: {}, local: { host: '127.0.0.1', port: impostor.port } }), { kind: 'embedded' });
  });
});

describe('choosing Redis', () => {
  it('uses the local Redis when one answers', { skip: !REDIS_SERVER && 'redis-server is not installed' }, async () => {
    const choice = await chooseRedis({ env: { PATH: '' }, local: local(redis.url) });
    assert.deepEqual(choice, { kind: 'local', url: redis.url });
  });

  it('uses REDIS_URL when it is set and answers', { skip: !REDIS_SERVER && 'redis-server is not installed' }, async () => {
    const choice = await chooseRedis({ env: { REDIS_URL: redis.url, PATH: '' }, local: { host: '127.0.0.1', port: await freePort() } });
    assert.deepEqual(choice, { kind: 'configured', url: redis.url });
  });

  it('starts redis-server from the PATH when nothing answers', async () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'kapwa-bin-'));
    writeFileSync(path.join(bin, 'redis-server'), '#!/bin/sh\n', { mode: 0o755 });
    const port = await freePort();
    const choice = await chooseRedis({ env: { PATH: bin }, local: { host: '127.0.0.1', port } });
    assert.deepEqual(choice, { kind: 'start', url: `redis://127.0.0.1:${port}`, command: path.join(bin, 'redis-server'), port });
    rmSync(bin, { recursive: true });
  });

  it('says where Redis was looked for and how to get it when there is none', async () => {
    const port = await freePort();
    await assert.rejects(chooseRedis({ env: { PATH: '' }, local: { host: '127.0.0.1', port: impostor.port } }), (error) => {
      return error instanceof Problem && error.message.includes(`127.0.0.1:${impostor.port}`) && /redis-server/.test(error.message) && /apt-get install redis-server/.test(error.message);
    });
    await assert.rejects(chooseRedis({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } }), (error) => error instanceof Problem && error.message.includes('REDIS_URL'));
  });
});

describe('the embedded PostgreSQL', () => {
  it('keeps concurrent connections apart: parameterised queries and transactions give correct results', async () => {
    const clients = await Promise.all(
      [0, 1, 2, 3].map(async () => {
        const client = new pg.Client({ connectionString: postgres.url });
        await client.connect();
        return client;
      }),
    );
    await clients[0].query('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counter VALUES (1, 0)');
    let wrong = 0;
    await Promise.all(
      clients.map(async (client, k) => {
        for (let i = 0; i < 60; i++) {
          if (k % 2) {
            const { rows } = await client.query(`SELECT $1::int AS i, repeat('x', $2::int) AS pad`, [i, 500 + k]);
            if (rows[0].i !== i || rows[0].pad.length !== 500 + k) wrong++;
            if (i % 20 === 0) await assert.rejects(client.query('SELECT 1 / $1::int', [0]), /division by zero/);
          } else {
            await client.query('BEGIN');
            const { rows } = await client.query('SELECT n FROM counter WHERE id = $1 FOR UPDATE', [1]);
            await client.query('UPDATE counter SET n = $1 WHERE id = $2', [rows[0].n + 1, 1]);
            await client.query(i % 4 === 0 ? 'ROLLBACK' : 'COMMIT');
          }
        }
      }),
    );
    // A connection that drops in the middle of a transaction leaves nothing behind.
    const quitter = new pg.Client({ connectionString: postgres.url });
    quitter.on('error', () => {});
    await quitter.connect();
    await quitter.query('BEGIN');
    await quitter.query('UPDATE counter SET n = n + 1000');
    quitter.connection.stream.destroy();
    await new Promise((r) => setTimeout(r, 100));

    const { rows } = await clients[0].query('SELECT n FROM counter');
    assert.equal(wrong, 0);
    assert.equal(rows[0].n, 2 * 45); // two writers, 45 commits each
    await Promise.all(clients.map((c) => c.end()));
  });
});

describe('pnpm dev, end to end with stand-in api, worker and web', { skip: !REDIS_SERVER && 'redis-server is not installed' }, () => {
  /** A copy of the repository's scripts beside stand-ins for the built api and the web dev server. */
  function fakeRoot({ workerExitCode } = {}) {
    const root = mkdtempSync(path.join(os.tmpdir(), 'kapwa-dev-'));
    cpSync(path.join(ROOT, 'scripts'), path.join(root, 'scripts'), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
    mkdirSync(path.join(root, 'api/dist'), { recursive: true });
    mkdirSync(path.join(root, 'web'));
    const w = (file, text) => writeFileSync(path.join(root, file), text);
    w('api/dist/cli.js', `require('fs').appendFileSync(__dirname + '/../../cli.log', process.argv[2] + ' ' + process.env.DATABASE_URL + ' ' + process.env.REDIS_URL + '\\n');`);
    const serving = `(process.env.WEB_DIST ? ' serving ' + process.env.WEB_DIST + ' for ' + process.env.APP_URL : '')`;
    w('api/dist/main.js', `require('http').createServer((q, s) => s.end('ok')).listen(process.env.PORT, '127.0.0.1', () => console.log('api up' + ${serving}));`);
    w('api/dist/worker.js', workerExitCode === undefined ? `console.log('worker up'); setInterval(() => {}, 1000);` : `setTimeout(() => { console.error('worker broke'); process.exit(${workerExitCode}); }, 1500);`);
    w('api/package.json', '{"type":"commonjs"}');
    w('web/package.json', JSON.stringify({ name: 'web', private: true, scripts: { dev: 'node serve.cjs' } }));
    w('web/serve.cjs', `require('http').createServer((q, s) => s.end('web')).listen(process.env.WEB_PORT, '127.0.0.1', () => console.log('web up ' + process.env.KAPWA_API_URL));`);
    mkdirSync(path.join(root, 'web/dist'));
    w('web/dist/index.html', '<!doctype html>');
    return root;
  }

  async function run(root, script = 'scripts/dev.mjs') {
    const [port, webPort] = [await freePort(), await freePort()];
    const env = { ...process.env, DATABASE_URL: postgres.url, REDIS_URL: redis.url, PORT: String(port), WEB_PORT: String(webPort) };
    delete env.APP_URL;
    const child = spawn(process.execPath, [script, '--no-build'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, port, webPort, exited, output: () => output };
  }

  it('migrates, imports the courses, seeds, starts api, worker and web with prefixed output, and stops them all on SIGTERM', async (t) => {
    const root = fakeRoot();
    const session = await run(root);
    // Whatever fails below, the session must not outlive the test (it would hold the runner open).
    t.after(() => session.child.kill('SIGKILL'));
    // The banner waits for the api and web to answer; the worker has no port, so its line may come after it.
    const started = () => ['Kapwa is running', 'worker up', 'web up'].every((line) => session.output().includes(line));
    assert.ok(await waitFor(started, { timeoutMs: 20_000 }), session.output());
    const out = session.output();
    assert.match(out, /^ {4}api │ api up$/m);
    assert.match(out, /^ worker │ worker up$/m);
    assert.match(out, new RegExp(`^ {4}web │ web up http://127\\.0\\.0\\.1:${session.port}$`, 'm'));
    assert.match(out, new RegExp(`Open http://localhost:${session.webPort}`));
    assert.deepEqual(readFileSync(path.join(root, 'cli.log'), 'utf8').trim().split('\n'), [
      `migrate ${postgres.url} ${redis.url}`,
      `content:import ${postgres.url} ${redis.url}`,
      `seed ${postgres.url} ${redis.url}`,
    ]);
    session.child.kill('SIGTERM');
    assert.equal(await session.exited, 0);
    for (const p of [session.port, session.webPort]) assert.equal(await portTaken(p), false, `port ${p} still in use`);
    rmSync(root, { recursive: true, force: true });
  });

  it('pnpm start: the same preparation, then the api serving the built web app on its own port, the worker, and no dev server', async (t) => {
    const root = fakeRoot();
    const session = await run(root, 'scripts/start.mjs');
    t.after(() => session.child.kill('SIGKILL'));
    const started = () => ['Kapwa is running', 'worker up'].every((line) => session.output().includes(line));
    assert.ok(await waitFor(started, { timeoutMs: 20_000 }), session.output());
    const out = session.output();
    const dist = path.join(root, 'web', 'dist');
    assert.ok(out.includes(`    api │ api up serving ${dist} for http://localhost:${session.port}\n`), out);
    assert.match(out, /^ worker │ worker up$/m);
    assert.doesNotMatch(out, /web up/);
    assert.match(out, new RegExp(`Kapwa is running \\(production build\\)\\. Open http://localhost:${session.port}$`, 'm'));
    assert.deepEqual(
      readFileSync(path.join(root, 'cli.log'), 'utf8').trim().split('\n').map((line) => line.split(' ')[0]),
      ['migrate', 'content:import', 'seed'],
    );
    assert.equal(await portTaken(session.webPort), false);
    session.child.kill('SIGTERM');
    assert.equal(await session.exited, 0);
    assert.equal(await portTaken(session.port), false);
    rmSync(root, { recursive: true, force: true });
  });

  it('pnpm start --no-build says which build is missing', async () => {
    const root = fakeRoot();
    rmSync(path.join(root, 'web/dist'), { recursive: true });
    const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], { cwd: root, env: { ...process.env, DATABASE_URL: postgres.url } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    assert.equal(await new Promise((resolve) => child.once('exit', resolve)), 1);
    assert.equal(stderr.trim(), 'web/dist/index.html is missing: run `pnpm start` without --no-build (or `pnpm build`) first.');
    rmSync(root, { recursive: true, force: true });
  });

  it('stops everything and exits non-zero when a child fails', async () => {
    const root = fakeRoot({ workerExitCode: 3 });
    const session = await run(root);
    assert.equal(await session.exited, 3, session.output());
    assert.match(session.output(), /worker stopped \(exit code 3\): stopping everything/);
    for (const p of [session.port, session.webPort]) assert.equal(await portTaken(p), false, `port ${p} still in use`);
    rmSync(root, { recursive: true, force: true });
  });

  it('gives one line, no stack trace, when PostgreSQL from DATABASE_URL does not answer', async () => {
    const root = fakeRoot();
    const port = await freePort();
    const child = spawn(process.execPath, ['scripts/dev.mjs', '--no-build'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/kapwa`, PORT: String(await freePort()), WEB_PORT: String(await freePort()) },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 1);
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
    assert.match(stderr, new RegExp(`PostgreSQL does not answer at 127\\.0\\.0\\.1:${port} \\(from DATABASE_URL\\)`));
    rmSync(root, { recursive: true, force: true });
  });
});

function portTaken(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}


describe('docker/compose.yml', () => {
  it('parses, requires JWT_SECRET, and lets api and worker scale after migrate succeeds', async () => {
    const { parseDocument } = await import('yaml');
    const doc = parseDocument(readFileSync(path.join(ROOT, 'docker/compose.yml'), 'utf8'), { merge: true });
    assert.deepEqual(doc.errors, []);
    const { services } = doc.toJS();
    assert.deepEqual(Object.keys(services).sort(), ['api', 'migrate', 'postgres', 'redis', 'web', 'worker']);
    for (const name of ['api', 'worker', 'migrate']) {
      const service = services[name];
      assert.equal(service.image, 'kapwa-api:local');
      assert.equal(service.environment.NODE_ENV, 'production');
      assert.match(service.environment.JWT_SECRET, /^\$\{JWT_SECRET:\?/);
      assert.match(service.environment.TWO_FACTOR_KEY, /^\$\{TWO_FACTOR_KEY:\?/);
      assert.equal(service.container_name, undefined);
    }
    for (const name of ['api', 'worker']) assert.deepEqual(services[name].depends_on.migrate, { condition: 'service_completed_successfully' });
    assert.equal(services.api.ports, undefined); // reached through web's nginx only
  });

  it("nginx sends the API exactly the paths the API answers (packages/shared's list), and every other page to the app", async () => {
    const { API_PATH } = await import(path.join(ROOT, 'packages/shared/dist/api-paths.js'));
    const conf = readFileSync(path.join(ROOT, 'docker/nginx.conf'), 'utf8');
    const toApi = [...conf.matchAll(/^\s*location ~ (\S+) \{[^}]*proxy_pass /gm)].map((match) => match[1]);
    assert.deepEqual(toApi, [API_PATH.source.replaceAll('\\/', '/')]);
  });
});

describe('media tools', () => {
  it('says in one line how to install ffmpeg when it is missing, and nothing when it is there', () => {
    const note = mediaToolsNote('');
    assert.match(note, /^ffmpeg and ffprobe not found: .*apt-get install -y ffmpeg/);
    assert.equal(note.split('\n').length, 1);
    const bin = mkdtempSync(path.join(os.tmpdir(), 'kapwa-bin-'));
    for (const tool of ['ffmpeg', 'ffprobe']) writeFileSync(path.join(bin, tool), '#!/bin/sh\n', { mode: 0o755 });
    assert.equal(mediaToolsNote(bin), null);
    rmSync(bin, { recursive: true });
  });
});
