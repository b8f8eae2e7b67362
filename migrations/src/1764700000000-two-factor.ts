import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Two-step sign-in (TOTP) with recovery codes, and a small table for platform settings such as its policy. */
export class TwoFactor1764700000000 implements MigrationInterface {
  name = 'TwoFactor1764700000000';

  async up(q: QueryRunner): Promise<void> {
    // A row with enabled_at null is a set-up not confirmed yet. The secret is encrypted by the API.
    await q.query(`
      CREATE TABLE user_two_factor (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        secret_encrypted text NOT NULL,
        enabled_at timestamptz,
        last_used_step bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE two_factor_recovery_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        code_hash char(64) NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX two_factor_recovery_code_key ON two_factor_recovery_code (user_id, code_hash)`);
    await q.query(`
      CREATE TABLE app_setting (
        key varchar(80) PRIMARY KEY,
        value jsonb NOT NULL,
        updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app_setting`);
    await q.query(`DROP TABLE two_factor_recovery_code`);
    await q.query(`DROP TABLE user_two_factor`);
  }
}
