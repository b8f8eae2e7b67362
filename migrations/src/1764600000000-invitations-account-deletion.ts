import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Course invitations by email, and accounts deleted by their owners (kept only as an anonymous row). */
export class InvitationsAccountDeletion1764600000000 implements MigrationInterface {
  name = 'InvitationsAccountDeletion1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE course_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        email varchar(254) NOT NULL,
        role varchar(20) NOT NULL CHECK (role IN ('LEARNER', 'TRAINER')),
        group_name varchar(80),
        token_hash char(64) NOT NULL CONSTRAINT course_invitation_token_key UNIQUE,
        invited_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES app_user (id) ON DELETE SET NULL
      )`);
    // One open invitation per address and course: inviting again renews it.
    await q.query(`CREATE UNIQUE INDEX course_invitation_open_key ON course_invitation (course_id, email) WHERE accepted_at IS NULL`);
    await q.query(`ALTER TABLE app_user ADD COLUMN deleted_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN deleted_at`);
    await q.query(`DROP TABLE course_invitation`);
  }
}
