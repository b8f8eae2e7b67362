import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pictures (JPEG, PNG, WebP) are accepted as media: a fourth kind. */
export class MediaImages1765310000000 implements MigrationInterface {
  name = 'MediaImages1765310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE media_asset DROP CONSTRAINT media_asset_kind_check`);
    await q.query(`ALTER TABLE media_asset ADD CONSTRAINT media_asset_kind_check CHECK (kind IN ('VIDEO', 'AUDIO', 'IMAGE', 'DOCUMENT'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM media_asset WHERE kind = 'IMAGE'`);
    await q.query(`ALTER TABLE media_asset DROP CONSTRAINT media_asset_kind_check`);
    await q.query(`ALTER TABLE media_asset ADD CONSTRAINT media_asset_kind_check CHECK (kind IN ('VIDEO', 'AUDIO', 'DOCUMENT'))`);
  }
}
