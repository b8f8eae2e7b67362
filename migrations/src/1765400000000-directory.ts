import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The alumni directory (skills bank): one profile per person who wrote one (no row reads as HIDDEN),
 * with bio, expertise tags, languages, visibility and the focal-point mark admins set. Courses gain
 * topics, which the directory offers as expertise to those who completed them.
 */
export class Directory1765400000000 implements MigrationInterface {
  name = 'Directory1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE directory_profile (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        bio text NOT NULL DEFAULT '',
        expertise text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        visibility varchar(16) NOT NULL DEFAULT 'HIDDEN' CHECK (visibility IN ('HIDDEN', 'MEMBERS')),
        is_focal_point boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Listing reads the MEMBERS profiles; organization pages their focal points.
    await q.query(`CREATE INDEX directory_profile_listed ON directory_profile (user_id) WHERE visibility = 'MEMBERS'`);
    await q.query(`CREATE INDEX directory_profile_focal ON directory_profile (user_id) WHERE is_focal_point`);
    await q.query(`CREATE INDEX directory_profile_expertise ON directory_profile USING gin (expertise)`);
    await q.query(`ALTER TABLE course ADD COLUMN topics text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE course DROP COLUMN topics`);
    await q.query(`DROP TABLE directory_profile`);
  }
}
