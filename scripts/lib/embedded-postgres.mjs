import { mkdirSync } from 'node:fs';
import { Problem } from './problem.mjs';

/**
 * PostgreSQL for trying Kapwa on a machine without one: PGlite (PostgreSQL compiled to WebAssembly, in this
 * process) served over the PostgreSQL wire protocol by @electric-sql/pglite-socket, so the API and worker
 * use their normal `pg`/TypeORM driver and need no special code.
 *
 * PGlite is ONE database session. pglite-socket lets several connections share it, but only keeps a
 * connection's messages together inside an explicit transaction: between Parse, Bind, Execute and Sync
 * of an ordinary parameterised query another connection's messages can run, and both get wrong results
 * ("unnamed prepared statement does not exist", rows of the other query). `sessionLocked` closes that
 * gap: once a connection starts talking, it keeps the session until PostgreSQL says ReadyForQuery-idle.
 * So the api and worker (one connection each, DATABASE_POOL_SIZE=1) can share it safely; their queries
 * and transactions simply run one at a time.
 */
export async function startEmbeddedPostgres({ dataDir, host = '127.0.0.1', port = 54329, maxConnections = 8 }) {
  let PGlite, PGLiteSocketServer;
  try {
    ({ PGlite } = await import('@electric-sql/pglite'));
    ({ PGLiteSocketServer } = await import('@electric-sql/pglite-socket'));
  } catch {
    throw new Problem(
      'The embedded PostgreSQL (@electric-sql/pglite) is not installed: run `pnpm install`, or start ' +
        'PostgreSQL on 127.0.0.1:5432, or set DATABASE_URL.',
    );
  }
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db: sessionLocked(db), host, port, maxConnections });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    if (error?.code === 'EADDRINUSE') {
      throw new Problem(
        `Port ${host}:${port} for the embedded PostgreSQL is taken (another \`pnpm dev\`?). Stop that, ` +
          'or set DATABASE_URL to a PostgreSQL you run.',
      );
    }
    throw error;
  }
  return {
    // PGlite has one database, "postgres": naming it keeps the API's "create the database" step a no-op.
    url: `postgres://postgres@${host}:${port}/postgres`,
    maxConnections,
    async stop() {
      await server.stop();
      await db.close(); // flushes the data directory
    },
  };
}

const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]); // 'S', length 4

/**
 * The PGlite object pglite-socket's query queue sees. The queue already gives one connection the session
 * exclusively while `isInTransaction()` is true; here that is also true from a connection's first message
 * until PostgreSQL answers ReadyForQuery with status idle ('I'): through startup, every extended-protocol
 * exchange (Parse … Sync) and every transaction.
 */
export function sessionLocked(db) {
  let busy = false;
  return {
    get waitReady() {
      return db.waitReady;
    },
    isInTransaction: () => busy,
    runExclusive: (fn) => db.runExclusive(fn),
    async execProtocolRawStream(message, options) {
      const status = readyForQueryStatus();
      try {
        await db.execProtocolRawStream(message, {
          ...options,
          onRawData: (data) => {
            status.scan(data);
            options.onRawData(data);
          },
        });
      } finally {
        busy = status.last() !== 'I';
      }
    },
    // The queue calls exec('ROLLBACK') when the connection holding the session goes away: end whatever
    // it left half done (an extended-protocol exchange, a transaction) so the next connection starts clean.
    async exec(sql) {
      await db.runExclusive(() => db.execProtocolRaw(SYNC));
      if (db.isInTransaction()) await db.exec(sql);
      busy = false;
    },
  };
}

/** Reads the backend's messages as they stream by and remembers the status of the last ReadyForQuery. */
function readyForQueryStatus() {
  let last; // status of a ReadyForQuery that ended the output so far, else undefined
  let header = Buffer.alloc(0); // the 5 bytes (type + length) of the message being read
  let remaining = 0; // body bytes of that message still to come
  let type = 0;
  return {
    scan(chunk) {
      let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      while (data.length > 0) {
        if (remaining === 0 && header.length < 5) {
          const take = Math.min(5 - header.length, data.length);
          header = Buffer.concat([header, data.subarray(0, take)]);
          data = data.subarray(take);
          if (header.length < 5) break;
          type = header[0];
          remaining = header.readInt32BE(1) - 4;
          last = undefined;
          if (remaining === 0) header = Buffer.alloc(0);
          continue;
        }
        const take = Math.min(remaining, data.length);
        if (type === 0x5a && take > 0) last = String.fromCharCode(data[0]); // 'Z': one status byte
        remaining -= take;
        data = data.subarray(take);
        if (remaining === 0) header = Buffer.alloc(0);
      }
    },
    last: () => (remaining === 0 && header.length === 0 ? last : undefined),
  };
}
