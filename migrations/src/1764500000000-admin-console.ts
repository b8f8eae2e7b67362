import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the admin console needs: last sign-in and suspension of accounts, and an audit log read newest first. */
export class AdminConsole1764500000000 implements MigrationInterface {
  name = 'AdminConsole1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN last_sign_in_at timestamptz, ADD COLUMN suspended_at timestamptz`);
    // The log is read newest first, a page at a time (audit-log.service.ts).
    await q.query(`CREATE INDEX audit_event_newest_idx ON audit_event (created_at DESC, id DESC)`);
    // Audit actions are named as the public contract names them.
    await q.query(`UPDATE audit_event SET action = 'ROLES_CHANGED' WHERE action = 'user.roles.set'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE audit_event SET action = 'user.roles.set' WHERE action = 'ROLES_CHANGED'`);
    await q.query(`DROP INDEX audit_event_newest_idx`);
    await q.query(`ALTER TABLE app_user DROP COLUMN last_sign_in_at, DROP COLUMN suspended_at`);
  }
}
