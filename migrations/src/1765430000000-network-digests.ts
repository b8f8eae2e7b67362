import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification preferences (per person and notification kind: email on or off; one person-wide digest
 * frequency and "no email at all"), the digests sent (one per person and period: the unique key that makes
 * the digest job idempotent), and the way from a course into the network: the spaces a course names for its
 * alumni, a COUNTRY space's ISO country (one space per country), and the invitations made on completion.
 */
export class NetworkDigests1765430000000 implements MigrationInterface {
  name = 'NetworkDigests1765430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind varchar(40) NOT NULL,
        email boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      )`);
    await q.query(`
      CREATE TABLE notification_setting (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        digest varchar(8) NOT NULL DEFAULT 'DAILY' CHECK (digest IN ('DAILY', 'WEEKLY', 'OFF')),
        all_email_off boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE digest_delivery (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        period varchar(24) NOT NULL,
        covered_from timestamptz NOT NULL,
        covered_until timestamptz NOT NULL,
        item_count int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, period)
      )`);
    await q.query(`CREATE INDEX digest_delivery_latest ON digest_delivery (user_id, covered_until DESC)`);
    await q.query(`ALTER TABLE space ADD COLUMN country char(2) CHECK (country IS NULL OR (kind = 'COUNTRY' AND country ~ '^[A-Z]{2}$'))`);
    await q.query(`CREATE UNIQUE INDEX space_country_key ON space (country) WHERE country IS NOT NULL`);
    await q.query(`
      CREATE TABLE course_network_space (
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        space_id uuid NOT NULL REFERENCES space (id) ON DELETE CASCADE,
        PRIMARY KEY (course_id, space_id)
      )`);
    await q.query(`CREATE INDEX course_network_space_space ON course_network_space (space_id)`);
    await q.query(`
      CREATE TABLE space_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        space_id uuid NOT NULL REFERENCES space (id) ON DELETE CASCADE,
        course_id uuid REFERENCES course (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        accepted boolean,
        CONSTRAINT space_invitation_once UNIQUE (user_id, space_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE space_invitation, course_network_space, digest_delivery, notification_setting, notification_preference`);
    await q.query(`ALTER TABLE space DROP COLUMN country`);
  }
}
