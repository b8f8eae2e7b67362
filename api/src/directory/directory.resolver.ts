import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public, RequireRoles, SignedIn, Viewer, type ViewerRequest } from '../accounts/access.decorators.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { Role } from '../accounts/role.js';
import { User } from '../accounts/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { notFound } from '../platform/errors/errors.js';
import { RateLimit, type RateLimitOptions } from '../platform/rate-limits/rate-limit.js';
import { DirectoryService } from './directory.service.js';
import { DirectoryFilter, UpdateProfileInput } from './dto/directory.inputs.js';
import { Profile } from './profile.entity.js';

/** Messages through the directory: 10 an hour per sender, on every API process. */
export const CONTACT_LIMIT: RateLimitOptions = {
  key: 'directory-contact',
  points: 10,
  durationSeconds: 3600,
  per: 'viewer',
  newAccounts: { points: 3, days: 7 },
  message: 'You have sent many messages: wait {wait} and send again.',
};

@Resolver(() => Profile)
export class ProfilesResolver {
  constructor(
    private readonly service: DirectoryService,
    private readonly accounts: AccountsService,
  ) {}

  @Public()
  @Query(() => [Profile], {
    description:
      'Signed-in members: profiles set to MEMBERS; admins: every profile, HIDDEN ones too; visitors: none. By name; `after`: the user id of the last profile of the page before; `first` at most 100 (50 unless asked).',
  })
  directory(
    @Viewer() viewer: User | null,
    // Typed without `| null` so the validation pipe sees the class (a union reflects as Object); may be null.
    @Args('filter', { type: () => DirectoryFilter, nullable: true }) filter: DirectoryFilter,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => ID, nullable: true }) after: string | null,
  ): Promise<Profile[]> {
    return this.service.list(viewer, filter, first, after);
  }

  @SignedIn()
  @Query(() => Profile, { description: "The viewer's own directory profile (empty and HIDDEN until they write one)." })
  myProfile(@Viewer() viewer: User): Promise<Profile> {
    return this.service.mine(viewer);
  }

  @SignedIn()
  @Mutation(() => Profile, { description: "Changes the fields given of the viewer's own profile." })
  updateMyProfile(@Viewer() viewer: User, @Args('input') input: UpdateProfileInput): Promise<Profile> {
    return this.service.update(viewer, input);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => Profile, { description: 'Admins only, audited: the person becomes (or stops being) the focal point of their organization.' })
  setFocalPoint(
    @Viewer() viewer: User,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('isFocalPoint') isFocalPoint: boolean,
  ): Promise<Profile> {
    return this.service.setFocalPoint(viewer, userId, isFocalPoint);
  }

  @SignedIn()
  @RateLimit(CONTACT_LIMIT)
  @Mutation(() => Boolean, {
    description: 'Sends a member listed to the viewer a message (in-app and email) with the sender\'s name, never either email address. Admins may write to anyone.',
  })
  contactMember(
    @Viewer() viewer: User,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('message') message: string,
  ): Promise<boolean> {
    return this.service.contact(viewer, userId, message);
  }

  @ResolveField('user', () => User)
  async user(@Parent() profile: Profile, @Context('req') req: ViewerRequest): Promise<User> {
    const user = await this.accounts.load(req, profile.userId);
    if (!user) throw notFound('That person');
    return user;
  }

  @ResolveField('suggestedExpertise', () => [String], {
    nullable: true,
    description: 'The viewer\'s own profile only (null on others): topics of courses they completed that are not yet in their expertise.',
  })
  async suggestedExpertise(@Parent() profile: Profile, @Context('req') req: ViewerRequest): Promise<string[] | null> {
    if (req.viewer?.id !== profile.userId) return null;
    const have = new Set(profile.expertise.map((tag) => tag.toLocaleLowerCase('en')));
    return (await this.service.completedTopics(req, profile.userId)).filter((topic) => !have.has(topic.toLocaleLowerCase('en')));
  }
}

@Resolver(() => Organization)
export class OrganizationFocalPointsResolver {
  constructor(private readonly directory: DirectoryService) {}

  @ResolveField('focalPoints', () => [Profile], {
    description: 'The focal points of the organization the viewer sees: signed-in members those listed (MEMBERS), admins all; visitors none.',
  })
  focalPoints(@Parent() organization: Organization, @Context('req') req: ViewerRequest): Promise<Profile[]> {
    return this.directory.focalPoints(req, req.viewer ?? null, organization.id);
  }
}
