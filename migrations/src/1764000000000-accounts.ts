import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, organizations and the audit log. */
export class Accounts1764000000000 implements MigrationInterface {
  name = 'Accounts1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        country char(2) NOT NULL,
        kind varchar(20) NOT NULL
          CHECK (kind IN ('NHRI', 'NGO', 'GOVERNMENT', 'UNIVERSITY', 'INTERGOVERNMENTAL', 'OTHER')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organization_name_country_key ON organization (lower(name), country)`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        password_hash text NOT NULL,
        display_name varchar(80) NOT NULL,
        country char(2),
        time_zone varchar(64) NOT NULL,
        locale varchar(35) NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        organization_id uuid REFERENCES organization (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email))`);
    await q.query(`CREATE INDEX app_user_organization_idx ON app_user (organization_id)`);

    await q.query(`
      CREATE TABLE audit_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        action varchar(80) NOT NULL,
        subject_type varchar(40) NOT NULL,
        subject_id uuid NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE organization`);
  }
}
