import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { badUserInput } from '../platform/errors/errors.js';
import { RateLimit } from '../platform/rate-limits/rate-limit.js';
import { Public, RequireRoles, SignedIn, Viewer, type ViewerRequest } from './access.decorators.js';
import { AccountsService } from './accounts.service.js';
import { AuthPayload } from './dto/auth-payload.model.js';
import { SignUpInput } from './dto/sign-up.input.js';
import { UpdateMeInput } from './dto/update-me.input.js';
import { UserConnection } from './dto/user-connection.model.js';
import { Role } from './role.js';
import { User } from './user.entity.js';

@Resolver(() => User)
export class AccountsResolver {
  constructor(private readonly accounts: AccountsService) {}

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
  ): Promise<AuthPayload> {
    const payload = await this.accounts.logIn(email, password, req.ip ?? 'unknown');
    req.viewer = payload.user;
    return payload;
  }

  @SignedIn()
  @Mutation(() => User)
  updateMe(@Viewer() viewer: User, @Args('input') input: UpdateMeInput): Promise<User> {
    return this.accounts.updateMe(viewer, input);
  }

  /** Guessing the password again and again is limited like logging in. */
  @SignedIn()
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
  @Query(() => UserConnection, { description: 'Everyone with an account, newest first. Admins only.' })
  users(
    @Args('search', { nullable: true }) search?: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first = 50,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<UserConnection> {
    if (first < 1 || first > 100) throw badUserInput('first', 'Ask for between 1 and 100 people at a time.');
    return this.accounts.list(search, first, after);
  }
}
