import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { badUserInput, notFound } from '../platform/errors/errors.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { RateLimit } from '../platform/rate-limits/rate-limit.js';
import { OwnAccount, Public, RequireRoles, SignedIn, Viewer, type ViewerRequest } from './access.decorators.js';
import { AccountsService } from './accounts.service.js';
import { AuthPayload } from './dto/auth-payload.model.js';
import { SignUpInput } from './dto/sign-up.input.js';
import { UpdateMeInput } from './dto/update-me.input.js';
import { UserConnection } from './dto/user-connection.model.js';
import { Role } from './role.js';
import { User } from './user.entity.js';
import { optionalSingleLineArg } from '../platform/input/validators.js';

const SUSPENSION_REASON_MAX_LENGTH = 500;

@Resolver(() => User)
export class AccountsResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Public()
  @Query(() => User, { nullable: true, description: 'The signed-in person, or null.' })
  me(@Viewer() viewer: User | null): User | null {
    return viewer;
  }

  @Public()
  @RateLimit({
    key: 'sign-up',
    points: (limits) => limits.signUpsPerAddressPerHour,
    durationSeconds: 3600,
    per: 'address',
    message: 'Too many accounts were created from this network. Please wait {wait}.',
  })
  @Mutation(() => AuthPayload)
  async signUp(@Args('input') input: SignUpInput, @Context('req') req: ViewerRequest): Promise<AuthPayload> {
    const payload = await this.accounts.signUp(input);
    req.viewer = payload.user; // the rest of this response is seen by the new account's owner
    return payload;
  }

  @Public()
  @Mutation(() => AuthPayload)
  async logIn(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context('req') req: ViewerRequest,
    @Args('twoFactorCode', { nullable: true, description: 'A code from the authenticator app, or a recovery code, for accounts with two-step sign-in.' })
    twoFactorCode?: string,
  ): Promise<AuthPayload> {
    const payload = await this.accounts.logIn(email, password, req.ip ?? 'unknown', twoFactorCode);
    req.viewer = payload.user;
    return payload;
  }

  @SignedIn()
  @OwnAccount()
  @Mutation(() => User)
  updateMe(@Viewer() viewer: User, @Args('input') input: UpdateMeInput): Promise<User> {
    return this.accounts.updateMe(viewer, input);
  }

  /** Guessing the password again and again is limited like logging in. */
  @SignedIn()
  @OwnAccount()
  @RateLimit({ key: 'delete-my-account', points: 10, durationSeconds: 3600, per: 'viewer' })
  @Mutation(() => Boolean, {
    description: 'Deletes my account, my password asked again: what others depend on stays, anonymous; the rest is removed.',
  })
  deleteMyAccount(@Viewer() viewer: User, @Args('password') password: string): Promise<boolean> {
    return this.accounts.deleteMe(viewer, password);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => User)
  setUserRoles(
    @Viewer() viewer: User,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('roles', { type: () => [Role] }) roles: Role[],
  ): Promise<User> {
    return this.accounts.setRoles(viewer, userId, roles);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => User, { description: 'Ends every session of the account and refuses its log-ins until restored. Admins only.' })
  suspendUser(
    @Viewer() viewer: User,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('reason', { description: 'Why, for the audit log (seen by admins only).' }) reason: string,
  ): Promise<User> {
    const text = optionalSingleLineArg('reason', reason, SUSPENSION_REASON_MAX_LENGTH);
    if (!text) throw badUserInput('reason', 'Say why the account is suspended.');
    return this.accounts.suspend(viewer, userId, text);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => User, { description: 'Lets a suspended account log in again. Admins only.' })
  restoreUser(@Viewer() viewer: User, @Args('userId', { type: () => ID }) userId: string): Promise<User> {
    return this.accounts.restore(viewer, userId);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => User, { description: "Sets a person's organization, or none with null. Admins only." })
  setUserOrganization(
    @Viewer() viewer: User,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('organizationId', { type: () => ID, nullable: true }) organizationId: string | null,
  ): Promise<User> {
    return this.accounts.setOrganization(viewer, userId, organizationId ?? null);
  }

  @RequireRoles(Role.ADMIN)
  @Query(() => UserConnection, { description: 'Everyone with an account, newest first. Admins only.' })
  users(
    @Args('search', { nullable: true }) search?: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first = 50,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<UserConnection> {
    return this.accounts.list(search, pageSize(first), after);
  }

  @RequireRoles(Role.ADMIN)
  @Query(() => UserConnection, { description: "An organization's members, newest first. Admins only." })
  async organizationMembers(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first = 50,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<UserConnection> {
    if (!(await this.organizations.exists(organizationId))) throw notFound('That organization');
    return this.accounts.list(undefined, pageSize(first), after, organizationId);
  }
}

function pageSize(first: number): number {
  if (first < 1 || first > 100) throw badUserInput('first', 'Ask for between 1 and 100 people at a time.');
  return first;
}
