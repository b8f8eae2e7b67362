import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RateLimit } from '../platform/rate-limits/rate-limit.js';
import { OwnAccount, RequireRoles, SignedIn, Viewer, type ViewerRequest } from './access.decorators.js';
import { TwoFactorSetup } from './dto/two-factor-setup.model.js';
import { Role } from './role.js';
import { TwoFactorService } from './two-factor.service.js';
import { User } from './user.entity.js';
import { UserResolver } from './user.resolver.js';

/** Each try at a code spends a point, so a stolen session cannot guess its way through a million codes. */
const CODE_TRIES = { key: 'two-factor-code', points: 10, durationSeconds: 15 * 60, per: 'viewer' } as const;

@Resolver(() => User)
export class TwoFactorResolver {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly users: UserResolver,
  ) {}

  @SignedIn()
  @OwnAccount()
  @RateLimit({ key: 'two-factor-setup', points: 10, durationSeconds: 15 * 60, per: 'viewer' })
  @Mutation(() => TwoFactorSetup, { description: 'Starts setting up two-step sign-in; confirmTwoFactor turns it on.' })
  startTwoFactorSetup(@Viewer() viewer: User): Promise<TwoFactorSetup> {
    return this.twoFactor.startSetup(viewer);
  }

  @SignedIn()
  @OwnAccount()
  @RateLimit(CODE_TRIES)
  @Mutation(() => [String], { description: 'Turns two-step sign-in on with a code from the app; answers ten single-use recovery codes, shown this once.' })
  confirmTwoFactor(@Viewer() viewer: User, @Args('code') code: string): Promise<string[]> {
    return this.twoFactor.confirm(viewer, code);
  }

  @SignedIn()
  @OwnAccount()
  @RateLimit(CODE_TRIES)
  @Mutation(() => Boolean, { description: 'Turns two-step sign-in off; needs the password and a code from the app or a recovery code.' })
  async disableTwoFactor(@Viewer() viewer: User, @Args('password') password: string, @Args('code') code: string): Promise<boolean> {
    await this.twoFactor.disable(viewer, password, code);
    return true;
  }

  @SignedIn()
  @OwnAccount()
  @RateLimit(CODE_TRIES)
  @Mutation(() => [String], { description: 'Replaces all recovery codes with ten new ones (the old ones stop working); needs a code from the app.' })
  regenerateRecoveryCodes(@Viewer() viewer: User, @Args('code') code: string): Promise<string[]> {
    return this.twoFactor.regenerateRecoveryCodes(viewer, code);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => Boolean, { description: "Turns off a person's two-step sign-in when they lost their phone and recovery codes. Admins only; audited." })
  async resetTwoFactor(@Viewer() viewer: User, @Args('userId', { type: () => ID }) userId: string): Promise<boolean> {
    await this.twoFactor.resetFor(viewer, userId);
    return true;
  }

  @RequireRoles(Role.ADMIN)
  @Query(() => Boolean, { description: 'Whether admins require two-step sign-in of every staff member. Admins only.' })
  twoFactorRequiredForStaff(): Promise<boolean> {
    return this.twoFactor.requiredForStaff();
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Requires (or stops requiring) two-step sign-in of admins, trainers and reviewers. Admins only.' })
  setTwoFactorPolicy(@Viewer() viewer: User, @Args('requiredForStaff') requiredForStaff: boolean, @Context('req') req: ViewerRequest): Promise<boolean> {
    return this.twoFactor.setPolicy(viewer, requiredForStaff, req);
  }

  @ResolveField('twoFactorEnabled', () => Boolean, { nullable: true, description: 'Whether two-step sign-in is on. Seen by the person and admins only.' })
  twoFactorEnabled(@Parent() user: User, @Context('req') req: ViewerRequest): Promise<boolean | null> {
    return this.users.shown(req, user, 'twoFactorEnabled', () => this.twoFactor.isEnabled(req, user.id));
  }

  @ResolveField('twoFactorRequired', () => Boolean, { nullable: true, description: 'Whether this person must use two-step sign-in. Seen by the person and admins only.' })
  twoFactorRequired(@Parent() user: User, @Context('req') req: ViewerRequest): Promise<boolean | null> {
    return this.users.shown(req, user, 'twoFactorRequired', () => this.twoFactor.requiredFor(user));
  }
}
