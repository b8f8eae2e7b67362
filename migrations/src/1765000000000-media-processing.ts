import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What processing makes of an upload: the renditions stored (name → content type and size), whether the
 * original is still kept, when an unfinished upload is abandoned, and the media kind found in its bytes.
 */
export class MediaProcessing1765000000000 implements MigrationInterface {
  name = 'MediaProcessing1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE media_asset
        ADD COLUMN kind varchar(20) CHECK (kind IN ('VIDEO', 'AUDIO', 'DOCUMENT')),
        ADD COLUMN renditions jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN original_kept boolean NOT NULL DEFAULT true,
        ADD COLUMN upload_expires_at timestamptz,
        ADD COLUMN processed_at timestamptz`);
    // The sweep for abandoned uploads reads only unfinished ones, oldest expiry first.
    await q.query(`CREATE INDEX media_asset_abandoned ON media_asset (upload_expires_at) WHERE status = 'UPLOADING'`);
    // ...and for processing that gave up on something other than the file, to be tried again.
    await q.query(`CREATE INDEX media_asset_processing ON media_asset (updated_at) WHERE status = 'PROCESSING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX media_asset_processing`);
    await q.query(`DROP INDEX media_asset_abandoned`);
    await q.query(`ALTER TABLE media_asset DROP COLUMN kind, DROP COLUMN renditions, DROP COLUMN original_kept, DROP COLUMN upload_expires_at, DROP COLUMN processed_at`);
  }
}
