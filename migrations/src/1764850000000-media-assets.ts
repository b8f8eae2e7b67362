import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Files people upload (assignment attachments, grant videos, library resources) and their processing state. */
export class MediaAssets1764850000000 implements MigrationInterface {
  name = 'MediaAssets1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE media_asset (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        purpose varchar(40) NOT NULL CHECK (purpose IN ('ASSIGNMENT_ATTACHMENT', 'GRANT_VIDEO', 'RESOURCE')),
        filename varchar(255) NOT NULL,
        content_type varchar(100) NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        status varchar(20) NOT NULL CHECK (status IN ('UPLOADING', 'PROCESSING', 'READY', 'FAILED')),
        failure_reason text,
        duration_seconds double precision,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX media_asset_owner ON media_asset (owner_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE media_asset`);
  }
}
