import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox: jobs a change must cause, written in the change's own transaction and relayed to the
 * queues after it commits, so committed work always gets its job even if the process dies in between.
 */
export class Outbox1764300000000 implements MigrationInterface {
  name = 'Outbox1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        job_name varchar(100) NOT NULL,
        payload jsonb NOT NULL,
        job_id varchar(300) NOT NULL CONSTRAINT outbox_job_id_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text
      )`);
    // The relay reads only what is still to send; dispatched rows wait here until they are pruned.
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (attempts, id) WHERE dispatched_at IS NULL`);
    await q.query(`CREATE INDEX outbox_dispatched_idx ON outbox (dispatched_at) WHERE dispatched_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
  }
}
