// An open-loop load generator: requests leave at a fixed rate whether or not earlier ones have been
// answered, and each latency is counted from the moment its request was due, so a server that falls
// behind shows its queue in the figures (no coordinated omission, as a closed loop has).
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * Sends `rate` requests per second for `seconds` to `url` (POST when `body` is given) and resolves when
 * all are answered, with their latencies in ms from their scheduled times and how many failed.
 */
export function openLoop({ url, rate, seconds, method = 'GET', body, headers = {} }) {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies = [];
  let errors = 0;
  let sent = 0;
  let answered = 0;
  return new Promise((resolve) => {
    const start = performance.now() + 5;
    const finish = () => {
      if (++answered < total) return;
      agent.destroy();
      resolve({ latencies, errors, total, seconds: (performance.now() - start) / 1000 });
    };
    const send = (due) => {
      const req = request(
        { host: target.hostname, port: target.port, path: target.pathname + target.search, method, agent, headers: body ? { 'content-length': Buffer.byteLength(body), ...headers } : headers },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode >= 400) errors++;
            latencies.push(performance.now() - due);
            finish();
          });
        },
      );
      req.on('error', () => {
        errors++;
        latencies.push(performance.now() - due);
        finish();
      });
      req.end(body);
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) send(start + sent++ * interval);
      if (sent < total) setTimeout(tick, 1);
    };
    setTimeout(tick, 5);
  });
}
