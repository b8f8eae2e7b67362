import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assignments with rubrics, learners' submissions (one per learner, or per enrolment group for group
 * work) with their attachments and editors, and grades with a score per criterion.
 */
export class Assignments1764900000000 implements MigrationInterface {
  name = 'Assignments1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        module_id uuid REFERENCES course_module (id) ON DELETE SET NULL,
        title varchar(200) NOT NULL,
        instructions text NOT NULL,
        instructions_html text NOT NULL,
        due_at timestamptz,
        group_work boolean NOT NULL DEFAULT false,
        share_with_cohort boolean NOT NULL DEFAULT false,
        required boolean NOT NULL DEFAULT false,
        pass_points double precision CHECK (pass_points IS NULL OR pass_points >= 0),
        content_key varchar(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (course_id, content_key)
      )`);
    await q.query(`CREATE INDEX assignment_course ON assignment (course_id, created_at)`);
    await q.query(`
      CREATE TABLE rubric_criterion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
        position int NOT NULL,
        title varchar(200) NOT NULL,
        description text,
        max_points double precision NOT NULL CHECK (max_points > 0 AND max_points <= 1000),
        UNIQUE (assignment_id, position)
      )`);
    await q.query(`
      CREATE TABLE submission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
        learner_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        group_name varchar(80),
        body text NOT NULL DEFAULT '',
        body_html text NOT NULL DEFAULT '',
        status varchar(20) NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'GRADED')),
        submitted_at timestamptz,
        version int NOT NULL DEFAULT 1,
        last_editor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        returned_at timestamptz,
        return_comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One submission per learner for individual work, one per enrolment group for group work.
    await q.query(`CREATE UNIQUE INDEX submission_individual ON submission (assignment_id, learner_id) WHERE group_name IS NULL`);
    await q.query(`CREATE UNIQUE INDEX submission_group ON submission (assignment_id, group_name) WHERE group_name IS NOT NULL`);
    await q.query(`CREATE INDEX submission_queue ON submission (assignment_id, status, submitted_at)`);
    await q.query(`
      CREATE TABLE submission_attachment (
        submission_id uuid NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
        media_asset_id uuid NOT NULL REFERENCES media_asset (id) ON DELETE CASCADE,
        position int NOT NULL,
        PRIMARY KEY (submission_id, media_asset_id)
      )`);
    await q.query(`
      CREATE TABLE submission_editor (
        submission_id uuid NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        first_edited_at timestamptz NOT NULL DEFAULT now(),
        last_edited_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (submission_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE grade (
        submission_id uuid PRIMARY KEY REFERENCES submission (id) ON DELETE CASCADE,
        grader_id uuid NOT NULL REFERENCES app_user (id),
        version int NOT NULL DEFAULT 1,
        score double precision NOT NULL,
        feedback text NOT NULL,
        released_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE criterion_score (
        submission_id uuid NOT NULL REFERENCES grade (submission_id) ON DELETE CASCADE,
        criterion_id uuid NOT NULL REFERENCES rubric_criterion (id) ON DELETE CASCADE,
        points double precision NOT NULL CHECK (points >= 0),
        comment text,
        PRIMARY KEY (submission_id, criterion_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE criterion_score, grade, submission_editor, submission_attachment, submission, rubric_criterion, assignment`);
  }
}
