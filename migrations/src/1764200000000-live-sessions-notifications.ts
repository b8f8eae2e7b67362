import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Live sessions with attendance, in-app notifications, the email delivery ledger and calendar feed tokens. */
export class LiveSessionsNotifications1764200000000 implements MigrationInterface {
  name = 'LiveSessionsNotifications1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE live_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        starts_at timestamptz NOT NULL,
        duration_minutes int NOT NULL CHECK (duration_minutes BETWEEN 15 AND 600),
        join_url varchar(2000),
        recording_url varchar(2000),
        breakout_groups text[] NOT NULL DEFAULT '{}',
        sequence int NOT NULL DEFAULT 0,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX live_session_course_idx ON live_session (course_id, starts_at)`);
    await q.query(`
      CREATE TABLE session_attendance (
        session_id uuid NOT NULL REFERENCES live_session (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        status varchar(20) NOT NULL CHECK (status IN ('PRESENT', 'ABSENT', 'EXCUSED')),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind varchar(40) NOT NULL,
        title varchar(300) NOT NULL,
        body text NOT NULL,
        link varchar(2000),
        idempotency_key varchar(300) NOT NULL CONSTRAINT notification_idempotency_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE email_delivery (
        idempotency_key varchar(300) PRIMARY KEY,
        user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        status varchar(20) NOT NULL CHECK (status IN ('SENDING', 'SENT')),
        attempts int NOT NULL DEFAULT 1,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE app_user ADD COLUMN calendar_token varchar(64) CONSTRAINT app_user_calendar_token_key UNIQUE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN calendar_token`);
    for (const table of ['email_delivery', 'notification', 'session_attendance', 'live_session']) await q.query(`DROP TABLE ${table}`);
  }
}
