import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account recovery: single-use emailed tokens (password reset, email verification, email change), kept
 * only as SHA-256 hashes, and a token version on each account that ends every session when it moves.
 */
export class AccountRecovery1764400000000 implements MigrationInterface {
  name = 'AccountRecovery1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN token_version int NOT NULL DEFAULT 0`);
    // Accounts made before verification existed are taken as verified: nobody can be asked to prove them now.
    await q.query(`ALTER TABLE app_user ADD COLUMN email_verified_at timestamptz`);
    await q.query(`UPDATE app_user SET email_verified_at = created_at`);
    await q.query(`
      CREATE TABLE account_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        purpose varchar(20) NOT NULL CHECK (purpose IN ('PASSWORD_RESET', 'VERIFY_EMAIL', 'CHANGE_EMAIL')),
        token_hash char(64) NOT NULL CONSTRAINT account_token_hash_key UNIQUE,
        email varchar(254) NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX account_token_user_idx ON account_token (user_id, purpose) WHERE used_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_token`);
    await q.query(`ALTER TABLE app_user DROP COLUMN email_verified_at`);
    await q.query(`ALTER TABLE app_user DROP COLUMN token_version`);
  }
}
