import net from 'node:net';

/**
 * Opens a TCP connection, writes `hello` and resolves with the first bytes answered, or null when nothing
 * listens or nothing answers within `timeoutMs`. Probing speaks each service's protocol, so a port held by
 * something else does not pass for PostgreSQL or Redis.
 */
function ask({ host, port, hello, timeoutMs = 1000 }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let done = false;
    const finish = (answer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    socket.once('connect', () => socket.write(hello));
    socket.once('data', (data) => finish(data));
    socket.once('error', () => finish(null));
    socket.once('close', () => finish(null));
  });
}

/** SSLRequest: every PostgreSQL server answers it with a single byte, S or N, before any log-in. */
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

export async function postgresAnswers({ host = '127.0.0.1', port = 5432, timeoutMs } = {}) {
  const answer = await ask({ host, port, hello: SSL_REQUEST, timeoutMs });
  return answer !== null && answer.length >= 1 && (answer[0] === 0x53 || answer[0] === 0x4e); // 'S' | 'N'
}

/** Redis answers PING with +PONG, or with an error (-NOAUTH …) when it wants a password: still Redis. */
export async function redisAnswers({ host = '127.0.0.1', port = 6379, timeoutMs } = {}) {
  const answer = await ask({ host, port, hello: 'PING\r\n', timeoutMs });
  if (answer === null) return false;
  const text = answer.toString('latin1');
  return text.startsWith('+PONG') || /^-(NOAUTH|WRONGPASS|ERR)/.test(text);
}

/** Host and port of a postgres:// or redis:// URL, with the protocol's default port. */
export function addressOf(url, defaultPort) {
  const parsed = new URL(url);
  return {
    host: (parsed.hostname || '127.0.0.1').replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : defaultPort,
  };
}

/** Waits until `check()` resolves true, polling every `intervalMs`; false after `timeoutMs`. */
export async function waitFor(check, { timeoutMs = 10_000, intervalMs = 200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
