import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Images that lessons show, imported from the course folder with the course (api/src/courses/course-images.ts).
 * Kept in the database like covers: small (at most 1 MB each), a few per course, and served to whoever
 * may see the course. A lesson names an image by its path in the course folder; the address it is
 * served at carries its SHA-256, so a changed image gets a new address and a saved copy never goes stale.
 */
export class CourseImages1765600000000 implements MigrationInterface {
  name = 'CourseImages1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE course_image (
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        path varchar(300) NOT NULL,
        content_type varchar(20) NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
        bytes bytea NOT NULL CHECK (octet_length(bytes) <= 1048576),
        sha256 char(64) NOT NULL,
        width int NOT NULL CHECK (width > 0),
        height int NOT NULL CHECK (height > 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (course_id, path)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE course_image`);
  }
}
