// Benchmark: a large resumable upload through the real API (tus at /uploads, to the local media folder),
// beside a raw node:http PUT of the same bytes to disk in the same run, and the API's peak memory (VmHWM)
// for 100 MB and 200 MB in fresh processes: streaming means the peak stays flat as the file doubles.
//
//   pnpm bench                      (needs a build: pnpm build; PostgreSQL and Redis running)
//   BENCH_UPLOAD_MB=200 node test/bench/run.mjs media
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { benchDatabase, freePort, node, repo, waitFor } from './processes.mjs';

const MB = 1024 * 1024;
const SIZES_MB = [100, Number(process.env.BENCH_UPLOAD_MB ?? 200)];
/** Bytes per PATCH, as a client on a fair link would send them. */
const CHUNK = 32 * MB;




/** Resident set size now and at its peak (kB → MB), from /proc. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)[1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** One HTTP request whose body streams from a file range; resolves with status and headers. */
function send(url, method, headers, file, start, end) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers }));
    });
    req.on('error', reject);
    if (file) pipeline(createReadStream(file, { start, end }), req).catch(reject);
    else req.end();
  });
}

async function makeFile(dir, mb) {
  const file = join(dir, `upload-${mb}.bin`);
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  for (let i = 0; i < mb; i++) {
    const block = randomBytes(MB);
    hash.update(block);
    if (!out.write(block)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  return { file, sha256: hash.digest('hex') };
}

async function tusUpload(apiUrl, token, file, size) {
  const metadata = [`filename ${Buffer.from('bench.mp4').toString('base64')}`, `filetype ${Buffer.from('video/mp4').toString('base64')}`, `purpose ${Buffer.from('RESOURCE').toString('base64')}`].join(',');
  const auth = { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' };
  const created = await send(`${apiUrl}/uploads`, 'POST', { ...auth, 'upload-length': String(size), 'upload-metadata': metadata });
  if (created.status !== 201) throw new Error(`creation: ${created.status}`);
  const url = `${apiUrl}${created.headers.location}`;
  for (let offset = 0; offset < size; offset += CHUNK) {
    const end = Math.min(size, offset + CHUNK) - 1;
    const res = await send(url, 'PATCH', { ...auth, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(end - offset + 1) }, file, offset, end);
    if (res.status !== 204) throw new Error(`PATCH at ${offset}: ${res.status}`);
  }
  return created.headers.location.split('/').pop();
}

/** The floor: a plain node:http server writing a PUT's body to a file. */
async function startRawServer(dir) {
  const server = createHttpServer((req, res) => {
    pipeline(req, createWriteStream(join(dir, 'raw.bin'))).then(
      () => res.writeHead(204).end(),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

function sha256Of(file) {
  const hash = createHash('sha256');
  return pipeline(createReadStream(file), hash).then(() => hash.digest('hex'));
}

export async function benchMediaUpload() {
  if (!existsSync(`${repo}api/dist/main.js`)) throw new Error('build first: pnpm build');
  const database = benchDatabase();
  const { name } = database;
  const work = mkdtempSync(join(tmpdir(), 'kapwa-bench-media-'));
  const env = database.env({ MEDIA_DIR: join(work, 'media') });
  const rows = [];
  let raw;
  try {
    await node(['api/dist/cli.js', 'migrate'], env);
    raw = await startRawServer(work);
    const rawUrl = `http://127.0.0.1:${raw.address().port}/`;
    console.log(`\nmedia upload: tus PATCHes of ${CHUNK / MB} MB through the API to the local folder, beside one raw node:http PUT to disk\n`);
    for (const mb of SIZES_MB) {
      const { file, sha256 } = await makeFile(work, mb);
      const size = mb * MB;
      // A fresh API for each size: its peak memory is this upload's alone.
      const port = await freePort();
      const api = node(['api/dist/main.js'], { ...env, PORT: String(port) }, { wait: false });
      const apiUrl = `http://127.0.0.1:${port}`;
      try {
        await waitFor(`${apiUrl}/health`);
        const res = await fetch(`${apiUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`,
            variables: { i: { email: `bench-${mb}-${name}@example.org`, password: 'benchmark-password', displayName: 'Bench' } },
          }),
        });
        const token = (await res.json()).data.signUp.token;
        const before = memoryOf(api.pid);
        let started = performance.now();
        const id = await tusUpload(apiUrl, token, file, size);
        const apiSeconds = (performance.now() - started) / 1000;
        const after = memoryOf(api.pid);
        const stored = await sha256Of(join(env.MEDIA_DIR, 'uploads', id));
        started = performance.now();
        const put = await send(rawUrl, 'PUT', { 'content-length': String(size) }, file, 0, size - 1);
        const rawSeconds = (performance.now() - started) / 1000;
        if (put.status !== 204) throw new Error(`raw PUT: ${put.status}`);
        rows.push({ mb, apiSeconds, rawSeconds, before, after, whole: stored === sha256 });
      } finally {
        api.kill('SIGTERM');
        await new Promise((r) => api.on('exit', r));
        rmSync(file, { force: true });
        rmSync(join(env.MEDIA_DIR, 'uploads'), { recursive: true, force: true });
      }
    }
    for (const r of rows) {
      console.log(
        `${String(r.mb).padStart(4)} MB   API ${(r.mb / r.apiSeconds).toFixed(0).padStart(5)} MB/s (${r.apiSeconds.toFixed(2)} s)   raw PUT ${(r.mb / r.rawSeconds).toFixed(0).padStart(5)} MB/s (${r.rawSeconds.toFixed(2)} s)   ` +
          `API RSS before ${r.before.rss.toFixed(0)} MB, peak ${r.after.peak.toFixed(0)} MB   same SHA-256: ${r.whole ? 'yes' : 'NO'}`,
      );
    }
    const [small, large] = rows;
    console.log(`\nAPI peak RSS grows ${(large.after.peak - small.after.peak).toFixed(0)} MB as the upload goes from ${small.mb} to ${large.mb} MB; API throughput is ${(large.rawSeconds / large.apiSeconds).toFixed(2)}× the raw PUT's.`);
  } finally {
    raw?.close();
    rmSync(work, { recursive: true, force: true });
    await database.drop();
  }
}
