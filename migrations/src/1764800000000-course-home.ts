import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a course's catalogue card and landing page show: outcomes, audience, accent colour, length in
 * weeks, and a cover image kept in the database (small: at most 2 MB, one per course).
 */
export class CourseHome1764800000000 implements MigrationInterface {
  name = 'CourseHome1764800000000';

  async up(q: QueryRunner): Promise<void> {
    // color is null when none was chosen: the API then derives one from the slug (course-content.rules.ts).
    await q.query(`
      ALTER TABLE course
        ADD COLUMN outcomes text[] NOT NULL DEFAULT '{}' CHECK (cardinality(outcomes) <= 12),
        ADD COLUMN audience text CHECK (char_length(audience) <= 2000),
        ADD COLUMN color varchar(7) CHECK (color ~ '^#[0-9a-f]{6}$'),
        ADD COLUMN duration_weeks int CHECK (duration_weeks BETWEEN 1 AND 52)`);
    await q.query(`
      CREATE TABLE course_cover (
        course_id uuid PRIMARY KEY REFERENCES course (id) ON DELETE CASCADE,
        content_type varchar(20) NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
        bytes bytea NOT NULL CHECK (octet_length(bytes) <= 2097152),
        sha256 char(64) NOT NULL,
        width int NOT NULL CHECK (width > 0),
        height int NOT NULL CHECK (height > 0),
        alt varchar(300) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE course_cover`);
    await q.query(`ALTER TABLE course DROP COLUMN outcomes, DROP COLUMN audience, DROP COLUMN color, DROP COLUMN duration_weeks`);
  }
}
