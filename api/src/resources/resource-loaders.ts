import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { MediaAsset } from '../media/media-asset.entity.js';
import { byKeys, requestLoader } from '../platform/common/request-loaders.js';
import { Resource } from './resource.entity.js';
import { readsResourceSql } from './resource.policy.js';

/** Batched reads for the library: one statement per field, whatever the number of resources on a page. */
@Injectable()
export class ResourceLoaders {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A resource the viewer reads (readsResourceSql), or null. */
  resource(req: object, viewerId: string | null, id: string): Promise<Resource | null> {
    if (!isUUID(id)) return Promise.resolve(null);
    return requestLoader<string, Resource | null>(req, `resource:${viewerId}`, async (ids) =>
      byKeys(
        ids,
        await this.db.getRepository(Resource).createQueryBuilder('r').where('r.id = ANY(:ids)', { ids }).andWhere(readsResourceSql('r', 'CAST(:viewer AS uuid)'), { viewer: viewerId }).getMany(),
        (r) => r.id,
      ),
    ).load(id);
  }

  /** The uploaded file of each FILE resource. */
  file(req: object, assetId: string): Promise<MediaAsset | null> {
    return requestLoader<string, MediaAsset | null>(req, 'resource-file', async (ids) =>
      byKeys(ids, await this.db.getRepository(MediaAsset).createQueryBuilder('m').where('m.id = ANY(:ids)', { ids: [...ids] }).getMany(), (m) => m.id),
    ).load(assetId);
  }

  /**
   * Which of these media assets are the file of a resource the viewer reads: one statement, whatever the
   * number of ids. Asked by MediaAccess (resource-media.rule.ts); nobody signed out sees any.
   */
  async filesVisibleTo(viewerId: string | null, assetIds: string[]): Promise<Set<string>> {
    if (!viewerId) return new Set();
    const rows: { id: string }[] = await this.db.query(
      `SELECT r.media_asset_id AS id FROM resource r WHERE r.media_asset_id = ANY($1::uuid[]) AND ${readsResourceSql('r', '$2::uuid')}`,
      [assetIds, viewerId],
    );
    return new Set(rows.map((row) => row.id));
  }
}
