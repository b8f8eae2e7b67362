import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Role } from '../accounts/role.js';
import { CONFIG, type Config } from '../platform/config/config.js';
import { OutboxService } from '../platform/jobs/outbox.service.js';
import { returnedRows } from '../platform/database/returning.js';
import { MediaAsset, type MediaKind, type MediaPurpose, type Rendition, type RenditionName } from './media-asset.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const processJobId = (assetId: string) => `process-media.${assetId}`;

/** Every read and write of media_asset: the upload endpoint, processing, serving and GraphQL go through here. */
@Injectable()
export class MediaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  find(id: string): Promise<MediaAsset | null> {
    return this.db.getRepository(MediaAsset).findOneBy({ id });
  }

  findMany(ids: readonly string[]): Promise<MediaAsset[]> {
    return this.db.getRepository(MediaAsset).createQueryBuilder('m').where('m.id = ANY(:ids)', { ids: [...ids] }).getMany();
  }

  /**
   * A new upload's row, before any byte is stored, unless the person already has their quota of
   * unfinished uploads (counted under a lock on their account, so two creations at once cannot both pass).
   * Returns null when over the quota.
   */
  async createUpload(input: { ownerId: string; purpose: MediaPurpose; filename: string; contentType: string; sizeBytes: number }): Promise<string | null> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [input.ownerId]);
      const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM media_asset WHERE owner_id = $1 AND status = 'UPLOADING'`, [input.ownerId]);
      if (n >= this.config.media.maxUnfinishedUploads) return null;
      const id = randomUUID();
      await tx.query(
        `INSERT INTO media_asset (id, owner_id, purpose, filename, content_type, size_bytes, status, upload_expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'UPLOADING', now() + make_interval(hours => $7))`,
        [id, input.ownerId, input.purpose, input.filename, input.contentType, input.sizeBytes, this.config.media.uploadExpiryHours],
      );
      return id;
    });
  }

  /** The last byte arrived: processing must follow, so its job is written in the same transaction. */
  async finishUpload(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows = await returnedRows(
        tx,
        `UPDATE media_asset SET status = 'PROCESSING', upload_expires_at = NULL, updated_at = now() WHERE id = $1 AND status = 'UPLOADING' RETURNING id`,
        [id],
      );
      if (rows.length) await this.outbox.add(tx, 'process-media', { assetId: id }, { jobId: processJobId(id) });
    });
  }

  /** An upload its owner cancelled (tus DELETE): nothing of it remains. */
  async removeUnfinished(id: string): Promise<void> {
    await this.db.query(`DELETE FROM media_asset WHERE id = $1 AND status = 'UPLOADING'`, [id]);
  }

  /** Processing's outcome, written once: a rerun of a job that already finished changes nothing. Returns whether this call wrote it. */
  async markReady(id: string, result: { kind: MediaKind; contentType: string; durationSeconds: number | null; renditions: Partial<Record<RenditionName, Rendition>>; originalKept: boolean }): Promise<boolean> {
    const rows = await returnedRows(
      this.db,
      `UPDATE media_asset SET status = 'READY', kind = $2, content_type = $3, duration_seconds = $4, renditions = $5::jsonb,
         original_kept = $6, processed_at = now(), updated_at = now()
       WHERE id = $1 AND status = 'PROCESSING' RETURNING id`,
      [id, result.kind, result.contentType, result.durationSeconds, JSON.stringify(result.renditions), result.originalKept],
    );
    return rows.length === 1;
  }

  async markFailed(id: string, reason: string, kind: MediaKind | null = null): Promise<boolean> {
    const rows = await returnedRows(
      this.db,
      `UPDATE media_asset SET status = 'FAILED', failure_reason = $2, kind = $3, renditions = '{}'::jsonb, processed_at = now(), updated_at = now()
       WHERE id = $1 AND status = 'PROCESSING' RETURNING id`,
      [id, reason, kind],
    );
    return rows.length === 1;
  }

  /** The account a signed media address names, while it may still see anything (not deleted or suspended). */
  async activeViewer(id: string): Promise<{ id: string; roles: Role[] } | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.db.query(`SELECT id, roles FROM app_user WHERE id = $1 AND deleted_at IS NULL AND suspended_at IS NULL`, [id]);
    return row ?? null;
  }

  /** Assets still PROCESSING this many minutes after their upload ended. */
  async processingSince(minutes: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM media_asset WHERE status = 'PROCESSING' AND updated_at < now() - make_interval(mins => $1) ORDER BY updated_at LIMIT 500`,
      [minutes],
    );
    return rows.map((row) => row.id);
  }

  /** Assets of accounts their owners deleted: nothing a person uploaded outlives their account. */
  async ofDeletedAccounts(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT m.id FROM media_asset m JOIN app_user u ON u.id = m.owner_id WHERE u.deleted_at IS NOT NULL LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  /** The uploads of one account, when its owner has deleted it (none otherwise). */
  async ofDeletedAccount(userId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT m.id FROM media_asset m JOIN app_user u ON u.id = m.owner_id WHERE u.id = $1 AND u.deleted_at IS NOT NULL`,
      [userId],
    );
    return rows.map((row) => row.id);
  }

  async forget(id: string): Promise<void> {
    await this.db.query(`DELETE FROM media_asset WHERE id = $1`, [id]);
  }

  /** Uploads left unfinished past their expiry, oldest first. */
  async abandoned(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM media_asset WHERE status = 'UPLOADING' AND upload_expires_at < now() ORDER BY upload_expires_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  /** Forgets an abandoned upload, unless it finished meanwhile. */
  async forgetAbandoned(id: string): Promise<boolean> {
    const rows = await returnedRows(
      this.db,
      `DELETE FROM media_asset WHERE id = $1 AND status = 'UPLOADING' AND upload_expires_at < now() RETURNING id`,
      [id],
    );
    return rows.length === 1;
  }

}
