import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requestLoader } from '../platform/common/request-loaders.js';
import { Organization } from '../organizations/organization.entity.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { ViewerRequest } from './access.decorators.js';
import { listedToMembers, trainedByViewer } from './person-relations.js';
import { Role } from './role.js';
import { User } from './user.entity.js';
import { contextOf, HIDDEN_VALUE, type PrivateUserField, seesEverything, visibleDisplayName, visibleUserFields } from './user.policy.js';

/**
 * Every private field of every `User`, on every path, passes the name policy here. A field added to
 * `User` later belongs here too (the privacy walk fails for a field the policy does not know).
 */
@Resolver(() => User)
export class UserResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField('displayName', () => String, { description: 'The name everyone else sees. May be a pseudonym.' })
  displayName(@Parent() user: User, @Context('req') req: ViewerRequest): string {
    return visibleDisplayName(req.viewer ?? null, user);
  }

  @ResolveField('email', () => String, { nullable: true, description: 'Visible only to the user and to admins; null for everyone else.' })
  email(@Parent() user: User, @Context('req') req: ViewerRequest): Promise<string | null> {
    return this.shown(req, user, 'email', () => user.email);
  }

  @ResolveField('country', () => String, { nullable: true, description: "The person, admins and their courses' trainers; null for others." })
  country(@Parent() user: User, @Context('req') req: ViewerRequest): Promise<string | null> {
    return this.shown(req, user, 'country', () => user.country);
  }

  @ResolveField('timeZone', () => String, { description: 'The person and admins; the default zone for everyone else.' })
  timeZone(@Parent() user: User, @Context('req') req: ViewerRequest): Promise<string> {
    return this.shown(req, user, 'timeZone', () => user.timeZone);
  }

  @ResolveField('locale', () => String, { description: 'The person and admins; the default language for everyone else.' })
  locale(@Parent() user: User, @Context('req') req: ViewerRequest): Promise<string> {
    return this.shown(req, user, 'locale', () => user.locale);
  }

  @ResolveField('roles', () => [Role], { description: 'The person and admins; empty for everyone else.' })
  roles(@Parent() user: User, @Context('req') req: ViewerRequest): Promise<Role[]> {
    return this.shown(req, user, 'roles', () => user.roles);
  }

  @ResolveField('organization', () => Organization, { nullable: true, description: "The person, admins and their courses' trainers." })
  organization(@Parent() user: User, @Context('req') req: ViewerRequest): Promise<Organization | null> {
    return this.shown(req, user, 'organization', () => (user.organizationId ? this.organizations.load(req, user.organizationId) : null));
  }

  @ResolveField('emailVerified', () => Boolean, { nullable: true, description: 'Whether the email address is confirmed. The person and admins; null for everyone else.' })
  emailVerified(@Parent() user: User, @Context('req') req: ViewerRequest): Promise<boolean | null> {
    return this.shown(req, user, 'emailVerified', () => user.emailVerifiedAt != null);
  }

  @ResolveField('lastSignInAt', () => Date, { nullable: true, description: 'The person and admins; null for everyone else.' })
  lastSignInAt(@Parent() user: User, @Context('req') req: ViewerRequest): Promise<Date | null> {
    return this.shown(req, user, 'lastSignInAt', () => user.lastSignInAt);
  }

  @ResolveField('suspendedAt', () => Date, { nullable: true, description: 'When the account was suspended; null when it is not. The person and admins.' })
  suspendedAt(@Parent() user: User, @Context('req') req: ViewerRequest): Promise<Date | null> {
    return this.shown(req, user, 'suspendedAt', () => user.suspendedAt);
  }

  /** Exposed for the two-step sign-in fields (two-factor.resolver.ts), so they pass the same policy. */
  async shown<F extends PrivateUserField, V>(
    req: ViewerRequest,
    user: User,
    field: F,
    value: () => V | Promise<V>,
  ): Promise<V | (typeof HIDDEN_VALUE)[F]> {
    const viewer = req.viewer ?? null;
    const context = contextOf(user);
    const asks = !context && !!viewer && !seesEverything(viewer, user);
    const trainsThem = asks ? await this.trainsPerson(req, viewer.id, user.id) : false;
    const listed = asks && !trainsThem ? await this.listedPerson(req, user.id) : false;
    return visibleUserFields(viewer, user, { trainsThem, listed, context }).has(field) ? value() : HIDDEN_VALUE[field];
  }

  /** "Is this person listed in the directory to signed-in members?", for every person of a response in one query. */
  private listedPerson(req: object, userId: string): Promise<boolean> {
    return requestLoader<string, boolean>(req, 'person-listed-to-members', async (ids) => {
      const listed = await listedToMembers(this.db, ids);
      return ids.map((id) => listed.has(id));
    }).load(userId);
  }

  /** "Does the viewer train a course this person belongs to?", for every person of a response in one query. */
  private trainsPerson(req: object, viewerId: string, userId: string): Promise<boolean> {
    return requestLoader<string, boolean>(req, 'viewer-trains-person', async (ids) => {
      const trained = await trainedByViewer(this.db, viewerId, ids);
      return ids.map((id) => trained.has(id));
    }).load(userId);
  }
}
