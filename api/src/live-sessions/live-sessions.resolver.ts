import { Args, Context, Field, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedIn, Viewer, type ViewerRequest } from '../accounts/access.decorators.js';
import { RateLimit } from '../platform/rate-limits/rate-limit.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { User } from '../accounts/user.entity.js';
import { forbidden } from '../platform/errors/errors.js';
import { CourseLoaders } from '../courses/course-loaders.js';
import { CourseVisibility } from '../courses/course-visibility.service.js';
import { canManageCourse } from '../courses/course.policy.js';
import { Course } from '../courses/course.entity.js';
import { CalendarService } from './calendar.service.js';
import { ScheduleLiveSessionInput, UpdateLiveSessionInput } from './dto/live-session.inputs.js';
import { AttendanceStatus, endOf, LiveSession } from './live-session.entity.js';
import { canJoinSession } from './live-session.policy.js';
import { LiveSessionsService } from './live-sessions.service.js';

@ObjectType()
export class Attendance {
  @Field(() => User)
  user: User;

  @Field(() => AttendanceStatus)
  status: AttendanceStatus;
}

@Resolver(() => LiveSession)
export class LiveSessionsResolver {
  constructor(
    private readonly sessions: LiveSessionsService,
    private readonly loaders: CourseLoaders,
    private readonly visibility: CourseVisibility,
    private readonly accounts: AccountsService,
    private readonly calendar: CalendarService,
  ) {}

  @SignedIn()
  @Mutation(() => LiveSession)
  scheduleLiveSession(@Viewer() viewer: User, @Args('input') input: ScheduleLiveSessionInput): Promise<LiveSession> {
    return this.sessions.schedule(viewer, input);
  }

  @SignedIn()
  @Mutation(() => LiveSession, { description: 'Change a session; a new time reschedules it (reminders and calendars follow).' })
  updateLiveSession(
    @Viewer() viewer: User,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('input') input: UpdateLiveSessionInput,
  ): Promise<LiveSession> {
    return this.sessions.update(viewer, sessionId, input);
  }

  @SignedIn()
  @Mutation(() => LiveSession)
  cancelLiveSession(@Viewer() viewer: User, @Args('sessionId', { type: () => ID }) sessionId: string): Promise<LiveSession> {
    return this.sessions.cancel(viewer, sessionId);
  }

  @SignedIn()
  @Mutation(() => LiveSession)
  recordAttendance(
    @Viewer() viewer: User,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('status', { type: () => AttendanceStatus }) status: AttendanceStatus,
  ): Promise<LiveSession> {
    return this.sessions.recordAttendance(viewer, sessionId, userId, status);
  }

  @SignedIn()
  @Query(() => [LiveSession], { description: 'Sessions of my courses that have not ended yet, soonest first.' })
  myUpcomingSessions(@Viewer() viewer: User): Promise<LiveSession[]> {
    return this.sessions.upcomingFor(viewer);
  }

  @SignedIn()
  @Query(() => String, { description: 'Path of my personal calendar feed (all my sessions) to subscribe to. Keep it secret.' })
  myCalendarFeedPath(@Viewer() viewer: User): Promise<string> {
    return this.calendar.feedPathFor(viewer.id);
  }

  @SignedIn()
  @RateLimit({ key: 'rotate-calendar-feed', points: 10, durationSeconds: 3600, per: 'viewer' })
  @Mutation(() => String, { description: 'Replace my calendar feed address; the old one stops working.' })
  rotateCalendarFeed(@Viewer() viewer: User): Promise<string> {
    return this.calendar.rotate(viewer.id);
  }

  @ResolveField('course', () => Course)
  course(@Parent() session: LiveSession, @Context('req') req: ViewerRequest): Promise<Course> {
    return this.visibility.require(req, session.courseId);
  }

  @ResolveField('endsAt', () => Date)
  endsAt(@Parent() session: LiveSession): Date {
    return endOf(session);
  }

  @ResolveField('joinUrl', () => String, { nullable: true, description: 'Enrolled members and trainers only; null for others.' })
  async joinUrl(@Parent() session: LiveSession, @Context('req') req: ViewerRequest): Promise<string | null> {
    return (await this.mayJoin(session, req)) ? session.joinUrl : null;
  }

  @ResolveField('recordingUrl', () => String, { nullable: true, description: 'Members only.' })
  async recordingUrl(@Parent() session: LiveSession, @Context('req') req: ViewerRequest): Promise<string | null> {
    return (await this.mayJoin(session, req)) ? session.recordingUrl : null;
  }

  @ResolveField('icsPath', () => String, { description: 'Path of an iCalendar (.ics) file for this session on the API.' })
  icsPath(@Parent() session: LiveSession): string {
    return `/calendar/sessions/${session.id}.ics`;
  }

  @ResolveField('cancelled', () => Boolean)
  cancelled(@Parent() session: LiveSession): boolean {
    return session.cancelledAt !== null;
  }

  @ResolveField('myAttendance', () => AttendanceStatus, { nullable: true })
  myAttendance(@Parent() session: LiveSession, @Context('req') req: ViewerRequest): Promise<AttendanceStatus | null> | null {
    return req.viewer ? this.sessions.myAttendance(req, req.viewer.id, session.id) : null;
  }

  @ResolveField('attendance', () => [Attendance], { description: "Everyone's attendance; the course's trainers and admins only." })
  async attendance(@Parent() session: LiveSession, @Context('req') req: ViewerRequest): Promise<Attendance[]> {
    const membership = req.viewer ? await this.loaders.membership(req, req.viewer.id, session.courseId) : null;
    if (!canManageCourse(req.viewer ?? null, membership)) throw forbidden("Only this course's trainers and admins see attendance.");
    const rows = await this.sessions.attendance(session.id);
    return Promise.all(rows.map(async (r) => ({ user: (await this.accounts.load(req, r.user_id))!, status: r.status })));
  }

  private async mayJoin(session: LiveSession, req: ViewerRequest): Promise<boolean> {
    const membership = req.viewer ? await this.loaders.membership(req, req.viewer.id, session.courseId) : null;
    return canJoinSession(req.viewer ?? null, membership);
  }
}

/** Live sessions add `liveSessions` to courses: cancelled ones only for those who run the course. */
@Resolver(() => Course)
export class CourseLiveSessionsResolver {
  constructor(
    private readonly sessions: LiveSessionsService,
    private readonly loaders: CourseLoaders,
  ) {}

  @ResolveField('liveSessions', () => [LiveSession])
  async liveSessions(@Parent() course: Course, @Context('req') req: ViewerRequest): Promise<LiveSession[]> {
    const [sessions, membership] = await Promise.all([
      this.sessions.ofCourse(req, course.id),
      req.viewer ? this.loaders.membership(req, req.viewer.id, course.id) : null,
    ]);
    return canManageCourse(req.viewer ?? null, membership) ? sessions : sessions.filter((s) => !s.cancelledAt);
  }
}
