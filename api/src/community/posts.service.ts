import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { ViewerRequest } from '../accounts/access.decorators.js';
import { User } from '../accounts/user.entity.js';
import { Clock } from '../platform/common/clock.js';
import { decodeKeysetCursor } from '../platform/common/keyset-cursor.js';
import { renderMarkdown } from '../platform/common/markdown.js';
import { badUserInput, conflict, forbidden, notFound } from '../platform/errors/errors.js';
import { multiLineArg, optionalSingleLineArg } from '../platform/input/validators.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CommunityLoaders } from './community-loaders.js';
import { communityWords } from './community-messages.js';
import { canPost, readsSpaceSql } from './community.policy.js';
import type { PostConnection } from './dto/community.models.js';
import { Post, PostRevision } from './post.entity.js';
import { type Space } from './space.entity.js';
import { keysetPage, pageSize, SpacesService } from './spaces.service.js';
import { Thread, ThreadRead } from './thread.entity.js';

export const POST_MAX_LENGTH = 20_000;
export const MAX_MENTIONS = 20;

export function threadLink(thread: Pick<Thread, 'id'>, post?: Pick<Post, 'id'>): string {
  return `/community/threads/${thread.id}${post ? `#post-${post.id}` : ''}`;
}

@Injectable()
export class PostsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly loaders: CommunityLoaders,
    private readonly spaces: SpacesService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** A thread the viewer reads, or null. */
  visibleThread(req: ViewerRequest, id: string): Promise<Thread | null> {
    return this.loaders.thread(req, req.viewer?.id ?? null, id);
  }

  async startThread(req: ViewerRequest, viewer: User, spaceId: string, title: string, body: string, mentionIds: string[] | null): Promise<Thread> {
    const cleanTitle = optionalSingleLineArg('title', title, 200);
    if (!cleanTitle || cleanTitle.length < 3) throw badUserInput('title', 'A thread title needs 3 to 200 characters.');
    const text = this.body(body);
    const mentions = this.mentionIds(mentionIds);
    const space = await this.spaces.require(req, spaceId);
    await this.assertMayPost(req, viewer, space);
    return this.db.transaction(async (tx) => {
      const now = this.clock.now();
      const thread = await tx.save(tx.create(Thread, { spaceId: space.id, title: cleanTitle, authorId: viewer.id, createdAt: now, lastActivityAt: now, replyCount: 0, lockedAt: null }));
      const post = await tx.save(tx.create(Post, { threadId: thread.id, authorId: viewer.id, opening: true, body: text, bodyHtml: renderMarkdown(text), createdAt: now }));
      await tx.upsert(ThreadRead, { threadId: thread.id, userId: viewer.id, lastReadAt: now }, ['threadId', 'userId']);
      await this.notifyMentions(tx, viewer, space, thread, post, mentions, []);
      return thread;
    });
  }

  async reply(req: ViewerRequest, viewer: User, threadId: string, body: string, mentionIds: string[] | null): Promise<Post> {
    const text = this.body(body);
    const mentions = this.mentionIds(mentionIds);
    const found = await this.visibleThread(req, threadId);
    if (!found) throw notFound('That thread');
    const space = await this.spaces.require(req, found.spaceId);
    await this.assertMayPost(req, viewer, space);
    return this.db.transaction(async (tx) => {
      // The thread's row is held so a lock and a reply cannot cross, and reply counts stay exact.
      const thread = await tx.getRepository(Thread).createQueryBuilder('t').where('t.id = :id', { id: found.id }).setLock('pessimistic_write').getOneOrFail();
      if (thread.lockedAt) throw conflict('This thread is locked: it takes no more replies.');
      const now = this.clock.now();
      const post = await tx.save(tx.create(Post, { threadId: thread.id, authorId: viewer.id, opening: false, body: text, bodyHtml: renderMarkdown(text), createdAt: now }));
      await tx.update(Thread, { id: thread.id }, { replyCount: () => 'reply_count + 1', lastActivityAt: now });
      await tx.upsert(ThreadRead, { threadId: thread.id, userId: viewer.id, lastReadAt: now }, ['threadId', 'userId']);
      await this.notifyMentions(tx, viewer, space, thread, post, mentions, [thread.authorId]);
      return post;
    });
  }

  /** The author changes their post; the text it replaces is kept for moderators. */
  async edit(req: ViewerRequest, viewer: User, postId: string, body: string): Promise<Post> {
    const text = this.body(body);
    const found = await this.loaders.post(req, viewer.id, postId);
    if (!found) throw notFound('That post');
    if (found.authorId !== viewer.id) throw forbidden('Only its author edits a post.');
    return this.db.transaction(async (tx) => {
      const post = await tx.getRepository(Post).createQueryBuilder('p').where('p.id = :id', { id: found.id }).setLock('pessimistic_write').getOneOrFail();
      if (post.hiddenAt) throw conflict('A moderator has hidden this post, so it can no longer be edited.');
      const thread = await tx.findOneByOrFail(Thread, { id: post.threadId });
      if (thread.lockedAt) throw conflict('This thread is locked: its posts can no longer change.');
      if (post.body === text) return post;
      const now = this.clock.now();
      await tx.insert(PostRevision, { postId: post.id, body: post.body, replacedAt: now });
      Object.assign(post, { body: text, bodyHtml: renderMarkdown(text), editedAt: now });
      return tx.save(post);
    });
  }

  /**
   * A page of a thread's posts, oldest first, after a cursor. New posts only ever land after the last
   * one, so a page boundary never moves while people post.
   */
  async posts(thread: Thread, first: number | null | undefined, after: string | null | undefined): Promise<PostConnection> {
    const size = pageSize(first);
    const query = this.db.getRepository(Post).createQueryBuilder('p').where('p.thread_id = :threadId', { threadId: thread.id });
    if (after) query.andWhere('(p.created_at, p.id) > (:createdAt, :id)', decodeKeysetCursor(after));
    const rows = await query.orderBy('p.created_at', 'ASC').addOrderBy('p.id', 'ASC').limit(size + 1).getMany();
    return keysetPage(rows.length > size, rows.slice(0, size), thread.replyCount + 1);
  }

  /** Marks everything in the thread up to now as read by the viewer. */
  async markRead(req: ViewerRequest, viewer: User, threadId: string): Promise<Thread> {
    const thread = await this.visibleThread(req, threadId);
    if (!thread) throw notFound('That thread');
    await this.db.query(
      `INSERT INTO thread_read (thread_id, user_id, last_read_at) VALUES ($1, $2, $3)
       ON CONFLICT (thread_id, user_id) DO UPDATE SET last_read_at = greatest(thread_read.last_read_at, excluded.last_read_at)`,
      [thread.id, viewer.id, this.clock.now()],
    );
    return thread;
  }

  /**
   * People who read the space and whose display name starts a word with `search` (for @mention
   * autocomplete): at most 10, by name. Nobody who may not read the space is ever suggested.
   */
  async mentionCandidates(req: ViewerRequest, viewer: User, spaceId: string, search: string): Promise<User[]> {
    const space = await this.spaces.require(req, spaceId);
    const term = (optionalSingleLineArg('search', search, 80) ?? '').replace(/[\\%_]/g, (c) => `\\${c}`);
    return this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin('space', 's', 's.id = :spaceId', { spaceId: space.id })
      .where('u.deleted_at IS NULL AND u.suspended_at IS NULL AND u.id <> :viewerId', { viewerId: viewer.id })
      .andWhere(`(u.display_name ILIKE :term || '%' OR u.display_name ILIKE '% ' || :term || '%')`, { term })
      .andWhere(readsSpaceSql('s', 'u.id'))
      .orderBy('lower(u.display_name)')
      .addOrderBy('u.id')
      .limit(10)
      .getMany();
  }

  private async assertMayPost(req: ViewerRequest, viewer: User, space: Space): Promise<void> {
    if (!canPost(viewer, space, await this.loaders.joined(req, viewer.id, space.id))) {
      throw forbidden('Join this space to post in it.');
    }
  }

  private body(body: string): string {
    const text = multiLineArg('body', body, POST_MAX_LENGTH);
    if (!text.trim()) throw badUserInput('body', 'Write something first.');
    return text;
  }

  private mentionIds(ids: string[] | null | undefined): string[] {
    const unique = [...new Set(ids ?? [])];
    if (unique.length > MAX_MENTIONS) throw badUserInput('mentionIds', `Mention at most ${MAX_MENTIONS} people in one post.`);
    if (unique.some((id) => !isUUID(id))) throw badUserInput('mentionIds', 'Mention people from the suggestions.');
    return unique;
  }

  /**
   * Notifies, once each, the people mentioned and those told of a reply (the thread's author) — only
   * those who read the space (readsSpaceSql), never the author of the post. The key makes a retried
   * request or job deliver nothing twice.
   */
  private async notifyMentions(tx: EntityManager, author: User, space: Space, thread: Thread, post: Post, mentions: string[], replyTo: string[]): Promise<void> {
    const wanted = [...new Set([...mentions, ...replyTo])].filter((id) => id !== author.id);
    if (!wanted.length) return;
    const people: { id: string; locale: string }[] = await tx.query(
      `SELECT u.id, u.locale FROM app_user u JOIN space s ON s.id = $2
        WHERE u.id = ANY($1::uuid[]) AND u.deleted_at IS NULL AND ${readsSpaceSql('s', 'u.id')}`,
      [wanted, space.id],
    );
    const mentioned = new Set(mentions);
    await this.notifications.notify(
      tx,
      people.map((person) => {
        const words = communityWords(person.locale);
        const isMention = mentioned.has(person.id);
        return {
          key: `${isMention ? 'mention' : 'reply'}:${post.id}:${person.id}`,
          userId: person.id,
          kind: isMention ? 'MENTIONED' : 'THREAD_REPLY',
          title: isMention ? words.mentionedTitle(author.displayName, thread.title) : words.replyTitle(author.displayName, thread.title),
          body: isMention ? words.mentionedBody(author.displayName, thread.title, space.title) : words.replyBody(author.displayName, thread.title, space.title),
          link: threadLink(thread, post),
          email: true,
        };
      }),
    );
  }
}
