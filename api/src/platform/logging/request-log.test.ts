import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { requestLog } from './request-log.js';

/** A real HTTP server whose handler answers with the status the path asks for, behind the request log. */
async function serve(level: string) {
  const lines: Record<string, any>[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  const log = requestLog(pino({ level }, sink), { ignore: (path) => path === '/health' });
  const server = createServer((req, res) =>
    log(req, res, () => {
      if (req.url === '/cut') return req.socket.destroy();
      res.statusCode = Number(/\/status\/(\d+)/.exec(req.url ?? '')?.[1] ?? 200);
      res.end('ok');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, lines };
}

const servers: Server[] = [];
afterEach(async () => Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve)))));
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the request log', () => {
  it('writes one line per answer with the method, the path without its query or secret, the status and the time', async () => {
    const { url, lines } = await serve('info');
    await fetch(`${url}/graphql?query=secret`);
    await fetch(`${url}/calendar/feed/0123456789abcdef.ics`);
    await settle();
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, msg: 'request completed', req: { method: 'GET', path: '/graphql' }, res: { status: 200 }, responseTime: expect.any(Number) }),
      expect.objectContaining({ req: { method: 'GET', path: '/calendar/feed/[token]' } }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/secret|0123456789abcdef|headers/);
  });

  it('keeps failures when the level is warn, and only them', async () => {
    const { url, lines } = await serve('warn');
    await fetch(`${url}/status/200`);
    await fetch(`${url}/status/404`);
    await fetch(`${url}/status/503`);
    await settle();
    expect(lines).toEqual([expect.objectContaining({ level: 50, msg: 'request errored', req: { method: 'GET', path: '/status/503' }, res: { status: 503 } })]);
  });

  it('tells a request whose client went away from a failure', async () => {
    const quiet = await serve('warn');
    await expect(fetch(`${quiet.url}/cut`)).rejects.toThrow();
    const chatty = await serve('info');
    await expect(fetch(`${chatty.url}/cut`)).rejects.toThrow();
    await settle();
    expect(quiet.lines).toEqual([]);
    expect(chatty.lines).toEqual([expect.objectContaining({ level: 30, msg: 'request aborted', req: { method: 'GET', path: '/cut' } })]);
  });

  it('leaves health checks out', async () => {
    const { url, lines } = await serve('info');
    await fetch(`${url}/health`);
    await settle();
    expect(lines).toEqual([]);
  });
});
