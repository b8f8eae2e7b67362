import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { byKeys, groupBy, requestLoader } from '../platform/common/request-loaders.js';
import { moderatesSpaceSql, readsSpaceSql } from './community.policy.js';
import { Post, PostRevision } from './post.entity.js';
import { Space } from './space.entity.js';
import { Thread } from './thread.entity.js';

export interface ReadMarker {
  lastReadAt: Date | null;
  unreadCount: number;
}

/**
 * Batched reads for community fields: one statement per field whatever the length of a thread list or
 * a page of posts. Spaces and threads come back only when the viewer reads their space (readsSpaceSql):
 * a loader is the way to them from an id, so every path asks the one rule.
 */
@Injectable()
export class CommunityLoaders {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A space the viewer reads, or null. */
  space(req: object, viewerId: string | null, id: string): Promise<Space | null> {
    if (!isUUID(id)) return Promise.resolve(null);
    return requestLoader<string, Space | null>(req, `space:${viewerId}`, async (ids) =>
      byKeys(
        ids,
        await this.db.getRepository(Space).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids }).andWhere(readsSpaceSql('s', ':viewer'), { viewer: viewerId }).getMany(),
        (s) => s.id,
      ),
    ).load(id);
  }

  /** A thread whose space the viewer reads, or null. */
  thread(req: object, viewerId: string | null, id: string): Promise<Thread | null> {
    if (!isUUID(id)) return Promise.resolve(null);
    return requestLoader<string, Thread | null>(req, `thread:${viewerId}`, async (ids) =>
      byKeys(
        ids,
        await this.db
          .getRepository(Thread)
          .createQueryBuilder('t')
          .innerJoin('space', 's', 's.id = t.space_id')
          .where('t.id = ANY(:ids)', { ids })
          .andWhere(readsSpaceSql('s', ':viewer'), { viewer: viewerId })
          .getMany(),
        (t) => t.id,
      ),
    ).load(id);
  }

  /** A post whose space the viewer reads, or null. */
  post(req: object, viewerId: string | null, id: string): Promise<Post | null> {
    if (!isUUID(id)) return Promise.resolve(null);
    return requestLoader<string, Post | null>(req, `post:${viewerId}`, async (ids) =>
      byKeys(
        ids,
        await this.db
          .getRepository(Post)
          .createQueryBuilder('p')
          .innerJoin('thread', 't', 't.id = p.thread_id')
          .innerJoin('space', 's', 's.id = t.space_id')
          .where('p.id = ANY(:ids)', { ids })
          .andWhere(readsSpaceSql('s', ':viewer'), { viewer: viewerId })
          .getMany(),
        (p) => p.id,
      ),
    ).load(id);
  }

  /** Whether the viewer joined each space (COURSE spaces: whether they belong to its course). */
  joined(req: object, viewerId: string, spaceId: string): Promise<boolean> {
    return requestLoader<string, boolean>(req, `joined:${viewerId}`, async (ids) => {
      const rows: { id: string }[] = await this.db.query(
        `SELECT s.id FROM space s WHERE s.id = ANY($1::uuid[]) AND (
           EXISTS (SELECT 1 FROM space_member m WHERE m.space_id = s.id AND m.user_id = $2)
           OR (s.kind = 'COURSE' AND EXISTS (SELECT 1 FROM enrollment e WHERE e.course_id = s.course_id AND e.user_id = $2 AND e.status <> 'WITHDRAWN')))`,
        [ids, viewerId],
      );
      const found = new Set(rows.map((r) => r.id));
      return ids.map((id) => found.has(id));
    }).load(spaceId);
  }

  /** The viewer's read marker on each thread and how many posts by others came after it. */
  readMarker(req: object, viewerId: string, threadId: string): Promise<ReadMarker> {
    return requestLoader<string, ReadMarker>(req, `read-marker:${viewerId}`, async (ids) => {
      const rows: { id: string; last_read_at: Date | null; unread: number }[] = await this.db.query(
        `SELECT t.id, r.last_read_at,
                (SELECT count(*)::int FROM post p WHERE p.thread_id = t.id AND p.author_id <> $2
                   AND p.created_at > coalesce(r.last_read_at, '-infinity')) AS unread
           FROM thread t LEFT JOIN thread_read r ON r.thread_id = t.id AND r.user_id = $2
          WHERE t.id = ANY($1::uuid[])`,
        [ids, viewerId],
      );
      return byKeys(ids, rows, (r) => r.id).map((r) => ({ lastReadAt: r?.last_read_at ?? null, unreadCount: r?.unread ?? 0 }));
    }).load(threadId);
  }

  /** Whether the viewer moderates each space (moderatesSpaceSql). */
  moderatesSpace(req: object, viewerId: string, spaceId: string): Promise<boolean> {
    return requestLoader<string, boolean>(req, `moderates-space:${viewerId}`, async (ids) => {
      const rows: { id: string }[] = await this.db.query(`SELECT s.id FROM space s WHERE s.id = ANY($1::uuid[]) AND ${moderatesSpaceSql('s', '$2::uuid')}`, [ids, viewerId]);
      const found = new Set(rows.map((r) => r.id));
      return ids.map((id) => found.has(id));
    }).load(spaceId);
  }

  /** Whether the viewer moderates the space of each thread (moderatesSpaceSql). */
  moderatesThread(req: object, viewerId: string, threadId: string): Promise<boolean> {
    return requestLoader<string, boolean>(req, `moderates-thread:${viewerId}`, async (ids) => {
      const rows: { id: string }[] = await this.db.query(
        `SELECT t.id FROM thread t JOIN space s ON s.id = t.space_id WHERE t.id = ANY($1::uuid[]) AND ${moderatesSpaceSql('s', '$2::uuid')}`,
        [ids, viewerId],
      );
      const found = new Set(rows.map((r) => r.id));
      return ids.map((id) => found.has(id));
    }).load(threadId);
  }

  /** Earlier texts of each post, oldest first. */
  history(req: object, postId: string): Promise<PostRevision[]> {
    return requestLoader<string, PostRevision[]>(req, 'post-history', async (ids) =>
      groupBy(
        ids,
        await this.db.getRepository(PostRevision).createQueryBuilder('r').where('r.post_id = ANY(:ids)', { ids }).orderBy('r.replaced_at').addOrderBy('r.id').getMany(),
        (r) => r.postId,
      ),
    ).load(postId);
  }

  /** Posts of each thread, by id, for fields that lead back to them (a report's post). */
  postById(req: object, id: string): Promise<Post | null> {
    return requestLoader<string, Post | null>(req, 'post-by-id', async (ids) =>
      byKeys(ids, await this.db.getRepository(Post).createQueryBuilder('p').where('p.id = ANY(:ids)', { ids }).getMany(), (p) => p.id),
    ).load(id);
  }
}
