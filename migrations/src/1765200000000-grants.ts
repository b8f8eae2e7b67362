import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Small grants: calls with weighted criteria, one application per organization per call, reviewers
 * assigned by admins, declared conflicts, and blind reviews with their scores.
 */
export class Grants1765200000000 implements MigrationInterface {
  name = 'Grants1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grant_call (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(200) NOT NULL,
        description text NOT NULL,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        time_zone varchar(64) NOT NULL DEFAULT 'UTC',
        opened_at timestamptz,
        eligible_organization_kinds text[] NOT NULL DEFAULT '{}',
        required_course_id uuid REFERENCES course(id) ON DELETE SET NULL,
        reviews_wanted int NOT NULL DEFAULT 2 CHECK (reviews_wanted BETWEEN 1 AND 10),
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT grant_call_dates CHECK (opens_at < closes_at)
      )`);
    await q.query(`
      CREATE TABLE grant_criterion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES grant_call(id) ON DELETE CASCADE,
        position int NOT NULL,
        title varchar(200) NOT NULL,
        description text,
        weight double precision NOT NULL CHECK (weight > 0),
        max_score double precision NOT NULL CHECK (max_score > 0),
        CONSTRAINT grant_criterion_position_key UNIQUE (call_id, position)
      )`);
    await q.query(`
      CREATE TABLE grant_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES grant_call(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization(id),
        applicant_id uuid NOT NULL REFERENCES app_user(id),
        title varchar(200) NOT NULL DEFAULT '',
        summary text NOT NULL DEFAULT '',
        video_id uuid REFERENCES media_asset(id) ON DELETE SET NULL,
        currency char(3),
        budget_lines jsonb NOT NULL DEFAULT '[]',
        public_consent boolean NOT NULL DEFAULT false,
        status varchar(20) NOT NULL DEFAULT 'DRAFT',
        submitted_at timestamptz,
        decision_message text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT grant_application_one_per_organization UNIQUE (call_id, organization_id)
      )`);
    await q.query(`CREATE INDEX grant_application_by_organization ON grant_application (organization_id)`);
    await q.query(`CREATE INDEX grant_application_by_video ON grant_application (video_id) WHERE video_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE grant_reviewer_assignment (
        application_id uuid NOT NULL REFERENCES grant_application(id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        assigned_at timestamptz NOT NULL,
        PRIMARY KEY (application_id, reviewer_id)
      )`);
    await q.query(`CREATE INDEX grant_reviewer_assignment_by_reviewer ON grant_reviewer_assignment (reviewer_id)`);
    await q.query(`
      CREATE TABLE grant_conflict (
        application_id uuid NOT NULL REFERENCES grant_application(id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        reason text NOT NULL,
        declared_at timestamptz NOT NULL,
        PRIMARY KEY (application_id, reviewer_id)
      )`);
    await q.query(`
      CREATE TABLE grant_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES grant_application(id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES app_user(id),
        weighted_score double precision NOT NULL,
        comment text NOT NULL,
        submitted_at timestamptz,
        CONSTRAINT grant_review_one_per_reviewer UNIQUE (application_id, reviewer_id)
      )`);
    await q.query(`CREATE INDEX grant_review_by_reviewer ON grant_review (reviewer_id)`);
    await q.query(`
      CREATE TABLE grant_review_score (
        review_id uuid NOT NULL REFERENCES grant_review(id) ON DELETE CASCADE,
        criterion_id uuid NOT NULL REFERENCES grant_criterion(id) ON DELETE CASCADE,
        score double precision NOT NULL,
        PRIMARY KEY (review_id, criterion_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['grant_review_score', 'grant_review', 'grant_conflict', 'grant_reviewer_assignment', 'grant_application', 'grant_criterion', 'grant_call']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
