import { createConnection, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  /** The target's URL with the proxy's address in its place. */
  url: string;
  /** From now on nothing passes either way: to its clients the target has stopped answering. */
  freeze(): void;
  close(): Promise<void>;
}

/** A TCP proxy in front of `targetUrl` (e.g. Redis), to cut a process off from a service without touching the service. */
export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let frozen = false;
  const server = createServer((client) => {
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ]) {
      sockets.add(from);
      // Dropped, not buffered: what a frozen service never received must not reach it later.
      from.on('data', (chunk) => frozen || to.write(chunk));
      from.on('error', () => to.destroy());
      from.on('close', () => (to.destroy(), sockets.delete(from)));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    freeze: () => void (frozen = true),
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
