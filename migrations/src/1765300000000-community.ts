import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The community of practice: spaces (one COURSE space per course, backfilled here and made with each new
 * course; THEME, COUNTRY and NETWORK spaces made by admins), their members, threads, posts with their
 * edit history, reports, and per-person read markers. Full-text search: a generated `tsvector` with the
 * `simple` configuration (words as written, whatever the language) and a GIN index on thread titles and
 * posts; trigram indexes serve the substring fallback for scripts written without spaces (Thai, Burmese…).
 */
export class Community1765300000000 implements MigrationInterface {
  name = 'Community1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE space (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(100) NOT NULL UNIQUE,
        title varchar(200) NOT NULL,
        description text NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('COURSE', 'THEME', 'COUNTRY', 'NETWORK')),
        course_id uuid UNIQUE REFERENCES course (id) ON DELETE CASCADE,
        members_only boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'COURSE') = (course_id IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE space_member (
        space_id uuid NOT NULL REFERENCES space (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (space_id, user_id)
      )`);
    await q.query(`CREATE INDEX space_member_user ON space_member (user_id)`);
    await q.query(`
      CREATE TABLE thread (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES space (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        author_id uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        reply_count int NOT NULL DEFAULT 0,
        locked_at timestamptz,
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED
      )`);
    await q.query(`CREATE INDEX thread_space_page ON thread (space_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX thread_search ON thread USING gin (search)`);
    await q.query(`CREATE INDEX thread_title_trgm ON thread USING gin (title gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES app_user (id),
        opening boolean NOT NULL DEFAULT false,
        body text NOT NULL,
        body_html text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        hidden_at timestamptz,
        hidden_reason text,
        hidden_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED
      )`);
    await q.query(`CREATE INDEX post_thread_page ON post (thread_id, created_at, id)`);
    await q.query(`CREATE INDEX post_search_page ON post (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX post_author ON post (author_id)`);
    await q.query(`CREATE INDEX post_search ON post USING gin (search)`);
    await q.query(`CREATE INDEX post_body_trgm ON post USING gin (body gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE post_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES post (id) ON DELETE CASCADE,
        body text NOT NULL,
        replaced_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX post_revision_post ON post_revision (post_id, replaced_at)`);
    await q.query(`
      CREATE TABLE post_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES post (id) ON DELETE CASCADE,
        reporter_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        CONSTRAINT post_report_once UNIQUE (post_id, reporter_id)
      )`);
    await q.query(`CREATE INDEX post_report_open ON post_report (created_at) WHERE resolved_at IS NULL`);
    await q.query(`
      CREATE TABLE thread_read (
        thread_id uuid NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        last_read_at timestamptz NOT NULL,
        PRIMARY KEY (thread_id, user_id)
      )`);
    // Every existing course gets its space; CoursesService makes one with each new course.
    await q.query(`
      INSERT INTO space (slug, title, description, kind, course_id)
      SELECT 'course-' || c.slug, c.title, 'Discussion for the members of ' || c.title || '.', 'COURSE', c.id FROM course c
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE thread_read, post_report, post_revision, post, thread, space_member, space`);
  }
}
