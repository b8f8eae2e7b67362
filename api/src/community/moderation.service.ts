import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { ViewerRequest } from '../accounts/access.decorators.js';
import type { User } from '../accounts/user.entity.js';
import { AuditAction, AuditSubject } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Clock } from '../platform/common/clock.js';
import { returnedRows } from '../platform/database/returning.js';
import { badUserInput, conflict, forbidden, isUniqueViolation, notFound } from '../platform/errors/errors.js';
import { multiLineArg, optionalSingleLineArg } from '../platform/input/validators.js';
import { CommunityLoaders } from './community-loaders.js';
import { communityWords } from './community-messages.js';
import { moderatesEverySpace, moderatesSpaceSql } from './community.policy.js';
import { Post, PostReport } from './post.entity.js';
import { threadLink } from './posts.service.js';
import { Thread } from './thread.entity.js';

const NOT_MODERATOR = "Only admins and the course's trainers moderate this space.";

/**
 * Reports from members, and what moderators do about them: hide or restore posts, lock threads. Admins
 * moderate every space, a course's trainers its COURSE space (moderatesSpaceSql). Every action is audited.
 */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly loaders: CommunityLoaders,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** Anyone who reads a post may report it, once. */
  async report(req: ViewerRequest, viewer: User, postId: string, reason: string): Promise<boolean> {
    const text = multiLineArg('reason', reason, 1000).trim();
    if (!text) throw badUserInput('reason', 'Say what is wrong with this post.');
    const post = await this.loaders.post(req, viewer.id, postId);
    if (!post) throw notFound('That post');
    try {
      await this.db.getRepository(PostReport).insert({ postId: post.id, reporterId: viewer.id, reason: text, createdAt: this.clock.now() });
    } catch (err) {
      if (isUniqueViolation(err, 'post_report_once')) throw conflict('You have already reported this post; a moderator will look at it.');
      throw err;
    }
    return true;
  }

  /** Reports nobody has acted on yet, oldest first: every space's for admins, their course spaces' for trainers. */
  async queue(viewer: User): Promise<PostReport[]> {
    const query = this.db.getRepository(PostReport).createQueryBuilder('r').where('r.resolved_at IS NULL');
    if (!moderatesEverySpace(viewer)) {
      const [{ moderates }] = await this.db.query(`SELECT EXISTS (SELECT 1 FROM space s WHERE ${moderatesSpaceSql('s', '$1::uuid')}) AS moderates`, [viewer.id]);
      if (!moderates) throw forbidden("Only admins and courses' trainers moderate the community.");
      query
        .innerJoin('post', 'p', 'p.id = r.post_id')
        .innerJoin('thread', 't', 't.id = p.thread_id')
        .innerJoin('space', 's', 's.id = t.space_id')
        .andWhere(moderatesSpaceSql('s', ':viewer'), { viewer: viewer.id });
    }
    return query.orderBy('r.created_at', 'ASC').addOrderBy('r.id', 'ASC').take(500).getMany();
  }

  /**
   * Whether the viewer moderates the space of this thread (null: no such thread). Admins are told when
   * there is none; anyone else is refused alike whether it exists or not, so nothing leaks.
   */
  private async assertModerates(tx: EntityManager, viewer: User, threadId: string | null, what: string): Promise<void> {
    if (moderatesEverySpace(viewer)) {
      if (!threadId) throw notFound(what);
      return;
    }
    const rows = threadId
      ? await tx.query(`SELECT 1 FROM thread t JOIN space s ON s.id = t.space_id WHERE t.id = $1 AND ${moderatesSpaceSql('s', '$2::uuid')}`, [threadId, viewer.id])
      : [];
    if (!rows.length) throw forbidden(NOT_MODERATOR);
  }

  /**
   * Hides a post (its text empty for all but its space's moderators; its author told why) or restores it. Its open
   * reports are settled either way.
   */
  async hide(viewer: User, postId: string, hidden: boolean, reason: string | null | undefined): Promise<Post> {
    const why = optionalSingleLineArg('reason', reason, 500);
    return this.db.transaction(async (tx) => {
      const post = isUUID(postId) ? await tx.getRepository(Post).createQueryBuilder('p').where('p.id = :id', { id: postId }).setLock('pessimistic_write').getOne() : null;
      await this.assertModerates(tx, viewer, post?.threadId ?? null, 'That post');
      if (!post) throw notFound('That post');
      if (!!post.hiddenAt === hidden) return post;
      const now = this.clock.now();
      Object.assign(post, hidden ? { hiddenAt: now, hiddenReason: why, hiddenBy: viewer.id } : { hiddenAt: null, hiddenReason: null, hiddenBy: null });
      await tx.save(post);
      await tx.query(`UPDATE post_report SET resolved_at = $2 WHERE post_id = $1 AND resolved_at IS NULL`, [post.id, now]);
      await this.audit.record(tx, {
        actorId: viewer.id,
        action: hidden ? AuditAction.POST_HIDDEN : AuditAction.POST_RESTORED,
        subjectType: AuditSubject.POST,
        subjectId: post.id,
        data: { threadId: post.threadId, ...(why && { reason: why }) },
      });
      if (hidden && post.authorId !== viewer.id) {
        const thread = await tx.findOneByOrFail(Thread, { id: post.threadId });
        const [author] = await tx.query(`SELECT locale FROM app_user WHERE id = $1`, [post.authorId]);
        const words = communityWords(author?.locale);
        await this.notifications.notify(tx, [
          {
            key: `post-hidden:${post.id}:${now.getTime()}`,
            userId: post.authorId,
            kind: 'POST_HIDDEN',
            title: words.hiddenTitle(thread.title),
            body: words.hiddenBody(thread.title, why),
            link: threadLink(thread, post),
            email: true,
          },
        ]);
      }
      return post;
    });
  }

  /** The post is fine as it is: its open reports leave the queue, the post stays shown. Returns how many. */
  async dismissReports(viewer: User, postId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const post = isUUID(postId) ? await tx.findOneBy(Post, { id: postId }) : null;
      await this.assertModerates(tx, viewer, post?.threadId ?? null, 'That post');
      if (!post) throw notFound('That post');
      const settled = await returnedRows<{ id: string }>(
        tx,
        `UPDATE post_report SET resolved_at = $2 WHERE post_id = $1 AND resolved_at IS NULL RETURNING id`,
        [post.id, this.clock.now()],
      );
      const count = settled.length;
      if (count) {
        await this.audit.record(tx, {
          actorId: viewer.id,
          action: AuditAction.REPORTS_DISMISSED,
          subjectType: AuditSubject.POST,
          subjectId: post.id,
          data: { threadId: post.threadId, count },
        });
      }
      return count;
    });
  }

  /** A locked thread refuses replies and edits (CONFLICT); unlocking opens it again. */
  async lock(viewer: User, threadId: string, locked: boolean): Promise<Thread> {
    return this.db.transaction(async (tx) => {
      const thread = isUUID(threadId) ? await tx.getRepository(Thread).createQueryBuilder('t').where('t.id = :id', { id: threadId }).setLock('pessimistic_write').getOne() : null;
      await this.assertModerates(tx, viewer, thread?.id ?? null, 'That thread');
      if (!thread) throw notFound('That thread');
      if (!!thread.lockedAt === locked) return thread;
      thread.lockedAt = locked ? this.clock.now() : null;
      await tx.save(thread);
      await this.audit.record(tx, {
        actorId: viewer.id,
        action: locked ? AuditAction.THREAD_LOCKED : AuditAction.THREAD_UNLOCKED,
        subjectType: AuditSubject.THREAD,
        subjectId: thread.id,
        data: { title: thread.title },
      });
      return thread;
    });
  }
}
