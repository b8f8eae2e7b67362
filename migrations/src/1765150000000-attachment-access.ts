import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who may see a media file asks which submissions it is attached to (the assignments rule of MediaAccess,
 * on every /media request and every signed address): an index from the file to its submissions.
 */
export class AttachmentAccess1765150000000 implements MigrationInterface {
  name = 'AttachmentAccess1765150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX submission_attachment_by_asset ON submission_attachment (media_asset_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX submission_attachment_by_asset`);
  }
}
