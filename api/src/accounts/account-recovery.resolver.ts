import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { RateLimit } from '../platform/rate-limits/rate-limit.js';
import { OwnAccount, Public, SignedIn, Viewer, type ViewerRequest } from './access.decorators.js';
import { AccountRecoveryService } from './account-recovery.service.js';
import { AuthPayload } from './dto/auth-payload.model.js';
import type { User } from './user.entity.js';

@Resolver()
export class AccountRecoveryResolver {
  constructor(private readonly recovery: AccountRecoveryService) {}

  @Public()
  @RateLimit({
    key: 'password-reset-request',
    points: (limits) => limits.passwordResetsPerAddressPerHour,
    durationSeconds: 3600,
    per: 'address',
    message: 'Too many password reset requests from this network. Please wait {wait}.',
  })
  @Mutation(() => Boolean, { description: 'Always true, whether or not the email has an account; a link is emailed if it does.' })
  requestPasswordReset(@Args('email') email: string): Promise<boolean> {
    return this.recovery.requestPasswordReset(email);
  }

  @Public()
  @RateLimit({ key: 'password-reset', points: 30, durationSeconds: 3600, per: 'address' })
  @Mutation(() => AuthPayload, { description: 'The token from the emailed link: single use, expires; every other session of the account ends.' })
  async resetPassword(
    @Args('token') token: string,
    @Args('newPassword') newPassword: string,
    @Context('req') req: ViewerRequest,
  ): Promise<AuthPayload> {
    const payload = await this.recovery.resetPassword(token, newPassword);
    req.viewer = payload.user; // the rest of this response is seen by the account's owner
    return payload;
  }

  @SignedIn()
  @OwnAccount()
  @Mutation(() => Boolean, {
    description: 'Ends every session, this one included (tokens issued before stop working): log in again with the new password.',
  })
  changePassword(
    @Viewer() viewer: User,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
    @Context('req') req: ViewerRequest,
  ): Promise<boolean> {
    return this.recovery.changePassword(viewer, currentPassword, newPassword, req.ip ?? 'unknown');
  }

  @SignedIn()
  @OwnAccount()
  @Mutation(() => Boolean, { description: 'Ends every session of the viewer, including this one.' })
  logOutEverywhere(@Viewer() viewer: User): Promise<boolean> {
    return this.recovery.logOutEverywhere(viewer);
  }

  @SignedIn()
  @OwnAccount()
  @RateLimit({ key: 'resend-verification', points: 5, durationSeconds: 3600, per: 'viewer' })
  @Mutation(() => Boolean, { description: 'Emails a new confirmation link, unless the address is confirmed already.' })
  async resendVerificationEmail(@Viewer() viewer: User): Promise<boolean> {
    if (viewer.emailVerifiedAt) return false;
    await this.recovery.sendVerification(viewer.id);
    return true;
  }

  @Public()
  @RateLimit({ key: 'email-link', points: 30, durationSeconds: 3600, per: 'address' })
  @Mutation(() => Boolean, { description: 'The token from the link emailed to confirm an address.' })
  verifyEmail(@Args('token') token: string): Promise<boolean> {
    return this.recovery.verifyEmail(token);
  }

  @SignedIn()
  @OwnAccount()
  @RateLimit({ key: 'email-change', points: 5, durationSeconds: 3600, per: 'viewer' })
  @Mutation(() => Boolean, {
    description: 'Emails a confirmation link to the new address and a notice to the current one; the email changes once confirmed.',
  })
  requestEmailChange(
    @Viewer() viewer: User,
    @Args('newEmail') newEmail: string,
    @Args('password') password: string,
    @Context('req') req: ViewerRequest,
  ): Promise<boolean> {
    return this.recovery.requestEmailChange(viewer, newEmail, password, req.ip ?? 'unknown');
  }

  @Public()
  @RateLimit({ key: 'email-link', points: 30, durationSeconds: 3600, per: 'address' })
  @Mutation(() => Boolean, { description: 'The token from the link emailed to the new address: switches the account to it.' })
  confirmEmailChange(@Args('token') token: string): Promise<boolean> {
    return this.recovery.confirmEmailChange(token);
  }
}
