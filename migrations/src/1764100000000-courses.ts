import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Courses, modules, lessons, enrolments, completions, certificates and course evaluations. */
export class Courses1764100000000 implements MigrationInterface {
  name = 'Courses1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE course (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(80) NOT NULL CONSTRAINT course_slug_key UNIQUE,
        title varchar(200) NOT NULL,
        summary text NOT NULL,
        kind varchar(20) NOT NULL CHECK (kind IN ('COURSE', 'REFRESHER')),
        status varchar(20) NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
        language varchar(35) NOT NULL,
        time_zone varchar(64) NOT NULL,
        starts_at timestamptz,
        ends_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
      )`);
    await q.query(`
      CREATE TABLE course_module (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        position int NOT NULL CHECK (position >= 1),
        title varchar(200) NOT NULL,
        part varchar(200),
        opens_at timestamptz,
        CONSTRAINT course_module_position_key UNIQUE (course_id, position)
      )`);
    await q.query(`
      CREATE TABLE lesson (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES course_module (id) ON DELETE CASCADE,
        position int NOT NULL CHECK (position >= 1),
        title varchar(200) NOT NULL,
        body text NOT NULL,
        body_html text NOT NULL,
        estimated_minutes int CHECK (estimated_minutes > 0),
        CONSTRAINT lesson_position_key UNIQUE (module_id, position)
      )`);
    await q.query(`
      CREATE TABLE enrollment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        role varchar(20) NOT NULL CHECK (role IN ('LEARNER', 'TRAINER')),
        status varchar(20) NOT NULL CHECK (status IN ('ACTIVE', 'COMPLETED', 'WITHDRAWN')),
        group_name varchar(80),
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT enrollment_course_user_key UNIQUE (course_id, user_id)
      )`);
    await q.query(`CREATE INDEX enrollment_user_idx ON enrollment (user_id)`);
    await q.query(`
      CREATE TABLE lesson_completion (
        enrollment_id uuid NOT NULL REFERENCES enrollment (id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
        completed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrollment_id, lesson_id)
      )`);
    await q.query(`
      CREATE TABLE certificate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL CONSTRAINT certificate_enrollment_key UNIQUE REFERENCES enrollment (id) ON DELETE CASCADE,
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        code varchar(32) NOT NULL CONSTRAINT certificate_code_key UNIQUE,
        issued_at timestamptz NOT NULL,
        holder_name varchar(80) NOT NULL
      )`);
    await q.query(`
      CREATE TABLE course_evaluation (
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        relevance smallint NOT NULL CHECK (relevance BETWEEN 1 AND 5),
        usefulness smallint NOT NULL CHECK (usefulness BETWEEN 1 AND 5),
        comment text,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (course_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['course_evaluation', 'certificate', 'lesson_completion', 'enrollment', 'lesson', 'course_module', 'course']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
