import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public, SignedIn, Viewer, type ViewerRequest } from '../accounts/access.decorators.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { User } from '../accounts/user.entity.js';
import { CourseVisibility } from '../courses/course-visibility.service.js';
import { Course } from '../courses/course.entity.js';
import { notFound } from '../platform/errors/errors.js';
import { RateLimit, type RateLimitOptions } from '../platform/rate-limits/rate-limit.js';
import { CommunityLoaders } from './community-loaders.js';
import { moderatesEverySpace, seesHiddenReason, seesHiddenText } from './community.policy.js';
import { CreateSpaceInput, PostConnection, ThreadConnection } from './dto/community.models.js';
import { ModerationService } from './moderation.service.js';
import { Post, PostReport, PostRevision } from './post.entity.js';
import { PostsService } from './posts.service.js';
import { SearchService } from './search.service.js';
import { Space } from './space.entity.js';
import { SpacesService } from './spaces.service.js';
import { Thread } from './thread.entity.js';

/**
 * How often people may post, in one place: threads, replies and edits share one allowance (60 in 10
 * minutes in production, POST_RATE_LIMIT elsewhere); accounts younger than a week get a tighter one,
 * 10 in 10 minutes wherever Kapwa runs (spam from fresh accounts).
 */
export const POSTING_LIMIT: RateLimitOptions = {
  key: 'community-post',
  points: (limits) => limits.postsPerTenMinutes,
  durationSeconds: 600,
  per: 'viewer',
  newAccounts: { points: 10, days: 7 },
  message: 'You are posting very often: wait {wait} and post again.',
};

/** Whether the viewer moderates the space a post is in (admins every space; trainers their course's). */
function moderatesPost(loaders: CommunityLoaders, req: ViewerRequest, post: Post): Promise<boolean> | boolean {
  const viewer = req.viewer ?? null;
  if (!viewer) return false;
  if (moderatesEverySpace(viewer)) return true;
  return loaders.moderatesThread(req, viewer.id, post.threadId);
}

const author = (accounts: AccountsService, req: ViewerRequest, id: string) =>
  accounts.load(req, id).then((user) => {
    if (!user) throw notFound('That person');
    return user;
  });

@Resolver(() => Space)
export class SpacesResolver {
  constructor(
    private readonly spaceService: SpacesService,
    private readonly loaders: CommunityLoaders,
    private readonly courses: CourseVisibility,
  ) {}

  @Public()
  @Query(() => [Space], { description: 'Every space the viewer reads; none when signed out.' })
  spaces(@Viewer() viewer: User | null): Promise<Space[]> {
    return this.spaceService.list(viewer);
  }

  @Public()
  @Query(() => Space, { nullable: true, description: 'Null when there is none or the viewer may not read it.' })
  space(@Args('slug') slug: string, @Context('req') req: ViewerRequest): Promise<Space | null> {
    return this.spaceService.bySlug(req, slug);
  }

  @SignedIn()
  @Mutation(() => Space, { description: "Admins create any space; trainers their courses' COURSE spaces (each course is given one when created)." })
  createSpace(@Viewer() viewer: User, @Args('input') input: CreateSpaceInput, @Context('req') req: ViewerRequest): Promise<Space> {
    return this.spaceService.create(req, viewer, input);
  }

  @SignedIn()
  @Mutation(() => Space, { description: 'Join a space one reads, to post in it; joining again changes nothing.' })
  joinSpace(@Viewer() viewer: User, @Args('spaceId', { type: () => ID }) spaceId: string, @Context('req') req: ViewerRequest): Promise<Space> {
    return this.spaceService.join(req, viewer, spaceId);
  }

  @SignedIn()
  @Mutation(() => Space, { description: 'Admins only: add a person to a space (the way into a members-only space).' })
  addSpaceMember(
    @Viewer() viewer: User,
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Context('req') req: ViewerRequest,
  ): Promise<Space> {
    return this.spaceService.addMember(req, viewer, spaceId, userId);
  }

  @ResolveField('course', () => Course, { nullable: true })
  course(@Parent() space: Space, @Context('req') req: ViewerRequest): Promise<Course | null> | null {
    return space.courseId ? this.courses.load(req, space.courseId) : null;
  }

  @ResolveField('isMember', () => Boolean, { description: 'Joined (COURSE spaces: a member of the course).' })
  isMember(@Parent() space: Space, @Context('req') req: ViewerRequest): Promise<boolean> | boolean {
    return req.viewer ? this.loaders.joined(req, req.viewer.id, space.id) : false;
  }

  @ResolveField('canModerate', () => Boolean, {
    description: "The viewer moderates this space: admins every space, a course's trainers its COURSE space (hide posts, lock threads, its reports).",
  })
  canModerate(@Parent() space: Space, @Context('req') req: ViewerRequest): Promise<boolean> | boolean {
    if (!req.viewer) return false;
    return moderatesEverySpace(req.viewer) || (space.kind === 'COURSE' && this.loaders.moderatesSpace(req, req.viewer.id, space.id));
  }

  @ResolveField('threads', () => ThreadConnection, { description: 'Newest first; the pages stay put while people post.' })
  threads(
    @Parent() space: Space,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ThreadConnection> {
    return this.spaceService.threads(space.id, first, after);
  }
}

@Resolver(() => Thread)
export class ThreadsResolver {
  constructor(
    private readonly posts: PostsService,
    private readonly spaces: SpacesService,
    private readonly moderation: ModerationService,
    private readonly loaders: CommunityLoaders,
    private readonly accounts: AccountsService,
  ) {}

  @Public()
  @Query(() => Thread, { nullable: true, description: 'Null when there is none or the viewer may not read its space.' })
  thread(@Args('id', { type: () => ID }) id: string, @Context('req') req: ViewerRequest): Promise<Thread | null> {
    return this.posts.visibleThread(req, id);
  }

  @SignedIn()
  @RateLimit(POSTING_LIMIT)
  @Mutation(() => Thread, { description: 'mentionIds: people the author @mentioned; each who can see the space is notified.' })
  startThread(
    @Viewer() viewer: User,
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('title') title: string,
    @Args('body') body: string,
    @Args('mentionIds', { type: () => [ID], nullable: true }) mentionIds: string[] | null,
    @Context('req') req: ViewerRequest,
  ): Promise<Thread> {
    return this.posts.startThread(req, viewer, spaceId, title, body, mentionIds);
  }

  @SignedIn()
  @Mutation(() => Thread, { description: "Everything in the thread so far is read by the viewer (its unreadCount becomes 0)." })
  markThreadRead(@Viewer() viewer: User, @Args('threadId', { type: () => ID }) threadId: string, @Context('req') req: ViewerRequest): Promise<Thread> {
    return this.posts.markRead(req, viewer, threadId);
  }

  @SignedIn()
  @Mutation(() => Thread, { description: "Moderators only (admins; a course's trainers in its COURSE space). A locked thread refuses replies and edits (CONFLICT)." })
  lockThread(@Viewer() viewer: User, @Args('threadId', { type: () => ID }) threadId: string, @Args('locked') locked: boolean): Promise<Thread> {
    return this.moderation.lock(viewer, threadId, locked);
  }

  @ResolveField('space', () => Space)
  space(@Parent() thread: Thread, @Context('req') req: ViewerRequest): Promise<Space> {
    return this.spaces.require(req, thread.spaceId);
  }

  @ResolveField('author', () => User)
  author(@Parent() thread: Thread, @Context('req') req: ViewerRequest): Promise<User> {
    return author(this.accounts, req, thread.authorId);
  }

  @ResolveField('locked', () => Boolean)
  locked(@Parent() thread: Thread): boolean {
    return thread.lockedAt !== null;
  }

  @ResolveField('posts', () => PostConnection, { description: 'Oldest first; the pages stay put while people post.' })
  postPage(
    @Parent() thread: Thread,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<PostConnection> {
    return this.posts.posts(thread, first, after);
  }

  @ResolveField('unreadCount', () => Int, { description: "Posts by others since the viewer last read the thread; 0 when signed out." })
  async unreadCount(@Parent() thread: Thread, @Context('req') req: ViewerRequest): Promise<number> {
    return req.viewer ? (await this.loaders.readMarker(req, req.viewer.id, thread.id)).unreadCount : 0;
  }

  @ResolveField('lastReadAt', () => Date, { nullable: true, description: 'When the viewer last read the thread; null if never.' })
  async lastReadAt(@Parent() thread: Thread, @Context('req') req: ViewerRequest): Promise<Date | null> {
    return req.viewer ? (await this.loaders.readMarker(req, req.viewer.id, thread.id)).lastReadAt : null;
  }
}

@Resolver(() => Post)
export class PostsResolver {
  constructor(
    private readonly posts: PostsService,
    private readonly search: SearchService,
    private readonly moderation: ModerationService,
    private readonly loaders: CommunityLoaders,
    private readonly accounts: AccountsService,
  ) {}

  @Public()
  @Query(() => PostConnection, {
    description: 'Full-text search of thread titles and posts the viewer may read, newest first. totalCount counts up to 1,000; 1,001 means more.',
  })
  searchPosts(
    @Args('query') query: string,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Viewer() viewer: User | null,
  ): Promise<PostConnection> {
    return this.search.search(viewer, query, first, after);
  }

  @SignedIn()
  @Query(() => [User], { description: 'For @mention autocomplete: up to 10 people who read the space, by name.' })
  mentionCandidates(
    @Viewer() viewer: User,
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('search') search: string,
    @Context('req') req: ViewerRequest,
  ): Promise<User[]> {
    return this.posts.mentionCandidates(req, viewer, spaceId, search);
  }

  @SignedIn()
  @RateLimit(POSTING_LIMIT)
  @Mutation(() => Post, { description: 'A locked thread refuses replies (CONFLICT).' })
  reply(
    @Viewer() viewer: User,
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('body') body: string,
    @Args('mentionIds', { type: () => [ID], nullable: true }) mentionIds: string[] | null,
    @Context('req') req: ViewerRequest,
  ): Promise<Post> {
    return this.posts.reply(req, viewer, threadId, body, mentionIds);
  }

  @SignedIn()
  @RateLimit(POSTING_LIMIT)
  @Mutation(() => Post, { description: 'The author only; the earlier text is kept for admins (Post.history).' })
  editPost(@Viewer() viewer: User, @Args('postId', { type: () => ID }) postId: string, @Args('body') body: string, @Context('req') req: ViewerRequest): Promise<Post> {
    return this.posts.edit(req, viewer, postId, body);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Once per person and post; goes to the moderation queue.' })
  reportPost(@Viewer() viewer: User, @Args('postId', { type: () => ID }) postId: string, @Args('reason') reason: string, @Context('req') req: ViewerRequest): Promise<boolean> {
    return this.moderation.report(req, viewer, postId, reason);
  }

  @SignedIn()
  @Mutation(() => Int, { description: "Moderators only (admins; a course's trainers in its COURSE space). The post is fine: its open reports leave the moderation queue and it stays shown; the number dismissed." })
  dismissReports(@Viewer() viewer: User, @Args('postId', { type: () => ID }) postId: string): Promise<number> {
    return this.moderation.dismissReports(viewer, postId);
  }

  @SignedIn()
  @Mutation(() => Post, { description: "Moderators only (admins; a course's trainers in its COURSE space). The author is told, with the reason given; audited." })
  hidePost(
    @Viewer() viewer: User,
    @Args('postId', { type: () => ID }) postId: string,
    @Args('hidden') hidden: boolean,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ): Promise<Post> {
    return this.moderation.hide(viewer, postId, hidden, reason);
  }

  @ResolveField('thread', () => Thread)
  async thread(@Parent() post: Post, @Context('req') req: ViewerRequest): Promise<Thread> {
    const thread = await this.loaders.thread(req, req.viewer?.id ?? null, post.threadId);
    if (!thread) throw notFound('That thread');
    return thread;
  }

  @ResolveField('author', () => User)
  author(@Parent() post: Post, @Context('req') req: ViewerRequest): Promise<User> {
    return author(this.accounts, req, post.authorId);
  }

  @ResolveField('hidden', () => Boolean, { description: "Hidden by a moderator: body and bodyHtml are empty for everyone but the space's moderators." })
  hidden(@Parent() post: Post): boolean {
    return post.hiddenAt !== null;
  }

  @ResolveField('body', () => String, { description: "Markdown source; empty when hidden, except for the space's moderators." })
  async body(@Parent() post: Post, @Context('req') req: ViewerRequest): Promise<string> {
    return post.hiddenAt && !seesHiddenText(await moderatesPost(this.loaders, req, post)) ? '' : post.body;
  }

  @ResolveField('bodyHtml', () => String, { description: "Sanitized HTML rendered from body; empty when hidden, except for the space's moderators." })
  async bodyHtml(@Parent() post: Post, @Context('req') req: ViewerRequest): Promise<string> {
    return post.hiddenAt && !seesHiddenText(await moderatesPost(this.loaders, req, post)) ? '' : post.bodyHtml;
  }

  @ResolveField('hiddenReason', () => String, { nullable: true, description: "Why a moderator hid it: its author and the space's moderators; null for others." })
  async hiddenReason(@Parent() post: Post, @Context('req') req: ViewerRequest): Promise<string | null> {
    if (!post.hiddenAt) return null;
    return seesHiddenReason(req.viewer ?? null, post.authorId, await moderatesPost(this.loaders, req, post)) ? post.hiddenReason : null;
  }

  @ResolveField('snippet', () => String, { nullable: true, description: 'In search results: an excerpt with the matches in <mark> (its only HTML); null elsewhere.' })
  snippet(@Parent() post: Post): string | null {
    return post.snippet ?? null;
  }

  @ResolveField('history', () => [PostRevision], { nullable: true, description: "The space's moderators only (null for others): earlier texts of an edited post, oldest first." })
  async history(@Parent() post: Post, @Context('req') req: ViewerRequest): Promise<PostRevision[] | null> {
    return (await moderatesPost(this.loaders, req, post)) ? this.loaders.history(req, post.id) : null;
  }
}

@Resolver(() => PostReport)
export class PostReportsResolver {
  constructor(
    private readonly moderation: ModerationService,
    private readonly loaders: CommunityLoaders,
  ) {}

  @SignedIn()
  @Query(() => [PostReport], { description: "Reports not yet handled, oldest first: every space's for admins, their COURSE spaces' for a course's trainers; FORBIDDEN for others." })
  moderationQueue(@Viewer() viewer: User): Promise<PostReport[]> {
    return this.moderation.queue(viewer);
  }

  @ResolveField('post', () => Post)
  async post(@Parent() report: PostReport, @Context('req') req: ViewerRequest): Promise<Post> {
    const post = await this.loaders.postById(req, report.postId);
    if (!post) throw notFound('That post');
    return post;
  }
}
