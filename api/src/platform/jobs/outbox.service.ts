import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { LOGGER } from '../logging/logger.js';
import { JobsService } from './jobs.service.js';
import { type JobName, type JobPayloads, QUEUE_OF } from './queues.js';
import { returnedRows } from '../database/returning.js';

interface OutboxRow {
  id: string;
  job_name: JobName;
  payload: unknown;
  job_id: string;
}

/** Rows a sweep takes at a time; several workers sweeping at once take different rows. */
const BATCH = 200;
const MAX_BATCHES_PER_SWEEP = 50;
/** Dispatched rows stay this long, so a change repeated soon after does not queue its job again. */
const KEEP_DISPATCHED_SECONDS = 24 * 3600;
/** Beyond this many relays waiting on the queues (Redis slow or down), new rows wait for the sweep instead. */
const MAX_RELAYS_IN_FLIGHT = 100;

/**
 * The one way a change causes a job that must happen: `add` writes the job as a row in the change's own
 * transaction, so either both commit or neither does. Right after the commit this process relays the rows
 * it wrote to their queues (best effort, for low latency); every worker also sweeps, every few seconds,
 * the rows nobody relayed (the process died, Redis was away). A row may be relayed twice (a relay and a
 * sweep at once): its deterministic job id makes the second add a no-op, and handlers are idempotent.
 */
@Injectable()
export class OutboxService implements EntitySubscriberInterface, OnModuleInit, OnModuleDestroy {
  /** Rows written by each open transaction, relayed when it commits. */
  private readonly written = new WeakMap<QueryRunner, string[]>();
  private readonly relaying = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit() {
    this.db.subscribers.push(this);
  }

  /** Lets the relays under way finish (briefly) before the connections close. */
  async onModuleDestroy() {
    const index = this.db.subscribers.indexOf(this);
    if (index >= 0) this.db.subscribers.splice(index, 1);
    await Promise.race([Promise.allSettled([...this.relaying]), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  }

  /** Writes a job in `tx`; a job id written before (in this or any transaction) is a no-op. */
  add<J extends JobName>(tx: EntityManager, name: J, payload: JobPayloads[J], options: { jobId: string }): Promise<void> {
    return this.addMany(tx, name, [{ payload, jobId: options.jobId }]);
  }

  async addMany<J extends JobName>(tx: EntityManager, name: J, jobs: { payload: JobPayloads[J]; jobId: string }[]): Promise<void> {
    const runner = tx.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('outbox rows are written in the transaction of the change they follow');
    if (jobs.length === 0) return;
    // BullMQ refuses these ids; refusing them here fails the change itself rather than its job, later.
    const bad = jobs.find((job) => !job.jobId || job.jobId.includes(':'));
    if (bad) throw new Error(`invalid job id "${bad.jobId}": job ids are not empty and contain no ":"`);
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO outbox (job_name, payload, job_id)
       SELECT $1, j.payload, j.job_id FROM jsonb_to_recordset($2::jsonb) AS j(payload jsonb, job_id text)
       ON CONFLICT (job_id) DO NOTHING
       RETURNING id`,
      [name, JSON.stringify(jobs.map((job) => ({ payload: job.payload, job_id: job.jobId })))],
    );
    if (rows.length) this.written.set(runner, [...(this.written.get(runner) ?? []), ...rows.map((r) => r.id)]);
  }

  afterTransactionCommit(event: TransactionCommitEvent) {
    // A released savepoint is not a commit: the rows are relayed when the outermost transaction commits.
    if (event.queryRunner.isTransactionActive) return;
    const ids = this.written.get(event.queryRunner);
    this.written.delete(event.queryRunner);
    if (!ids || this.relaying.size >= MAX_RELAYS_IN_FLIGHT) return;
    // Not awaited: the transaction's connection is still held here, and the change is done whatever Redis does.
    const relay = this.relay(ids)
      .catch((error) => this.logger.warn({ err: error }, 'outbox relay failed; the sweep will send these jobs'))
      .finally(() => this.relaying.delete(relay));
    this.relaying.add(relay);
  }

  afterTransactionRollback(event: TransactionRollbackEvent) {
    if (!event.queryRunner.isTransactionActive) this.written.delete(event.queryRunner);
  }

  /** Relays rows just committed. Read again: a row written in a savepoint that rolled back is gone. */
  private async relay(ids: string[]): Promise<void> {
    const rows: OutboxRow[] = await this.db.query(
      `SELECT id, job_name, payload, job_id FROM outbox WHERE id = ANY($1::bigint[]) AND dispatched_at IS NULL ORDER BY id`,
      [ids],
    );
    await this.dispatch(this.db.manager, rows);
  }

  /**
   * The sweep: relays every row not yet dispatched, oldest and least failed first, then prunes rows
   * dispatched long ago. Rows another sweep holds are skipped, so any number of workers may run it.
   */
  async sweep(): Promise<{ dispatched: number; pruned: number }> {
    let dispatched = 0;
    // Bounded, so one run ends even while rows keep arriving: the next run takes the rest.
    for (let round = 0; round < MAX_BATCHES_PER_SWEEP; round++) {
      const batch = await this.db.transaction(async (tx) => {
        const rows: OutboxRow[] = await tx.query(
          `SELECT id, job_name, payload, job_id FROM outbox WHERE dispatched_at IS NULL
           ORDER BY attempts, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [BATCH],
        );
        return { size: rows.length, sent: await this.dispatch(tx, rows) };
      });
      dispatched += batch.sent;
      if (batch.size < BATCH || batch.sent === 0) break;
    }
    const pruned = await returnedRows<{ id: string }>(
      this.db,
      `DELETE FROM outbox WHERE id IN (
         SELECT id FROM outbox WHERE dispatched_at < now() - make_interval(secs => $1) LIMIT 5000)
       RETURNING id`,
      [KEEP_DISPATCHED_SECONDS],
    );
    return { dispatched, pruned: pruned.length };
  }

  /** Adds the rows' jobs to their queues and marks them dispatched; a row that fails counts an attempt. Returns how many went. */
  private async dispatch(tx: EntityManager, rows: OutboxRow[]): Promise<number> {
    const sent: string[] = [];
    const failed: { id: string; error: string }[] = [];
    const byName = new Map<JobName, OutboxRow[]>();
    for (const row of rows) byName.set(row.job_name, [...(byName.get(row.job_name) ?? []), row]);
    for (const [name, group] of byName) {
      const queue = this.jobs.queue(QUEUE_OF[name]);
      const job = (row: OutboxRow) => ({ name, data: row.payload, opts: { jobId: row.job_id } });
      try {
        await queue.addBulk(group.map(job));
        sent.push(...group.map((row) => row.id));
      } catch {
        // One bad row must not hold back the others: add them one by one to find it.
        for (const row of group) {
          try {
            await queue.add(name, row.payload, { jobId: row.job_id });
            sent.push(row.id);
          } catch (error) {
            failed.push({ id: row.id, error: error instanceof Error ? error.message : String(error) });
          }
        }
      }
    }
    if (sent.length) {
      await tx.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[]) AND dispatched_at IS NULL`, [sent]);
    }
    if (failed.length) {
      this.logger.warn({ failed }, 'outbox rows could not be queued');
      await tx.query(
        `UPDATE outbox o SET attempts = o.attempts + 1, last_error = f.error
         FROM jsonb_to_recordset($1::jsonb) AS f(id bigint, error text) WHERE o.id = f.id`,
        [JSON.stringify(failed)],
      );
    }
    return sent.length;
  }
}
