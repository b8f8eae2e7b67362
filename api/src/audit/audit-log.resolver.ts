import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireRoles, type ViewerRequest } from '../accounts/access.decorators.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { Role } from '../accounts/role.js';
import { User } from '../accounts/user.entity.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { badUserInput } from '../platform/errors/errors.js';
import { AuditSubject } from './audit-action.js';
import { AuditEventConnection } from './audit-event-connection.model.js';
import { AuditEvent } from './audit-event.entity.js';
import { auditDetails, AuditLogService, organizationIdsIn } from './audit-log.service.js';

@Resolver(() => AuditEvent)
export class AuditLogResolver {
  constructor(
    private readonly log: AuditLogService,
    private readonly accounts: AccountsService,
    private readonly organizations: OrganizationsService,
  ) {}

  @RequireRoles(Role.ADMIN)
  @Query(() => AuditEventConnection, {
    description: 'Admins only: role changes, grade releases, grant decisions, moderation, sign-ins from new places.',
  })
  auditLog(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first = 50,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<AuditEventConnection> {
    if (first < 1 || first > 100) throw badUserInput('first', 'Ask for between 1 and 100 events at a time.');
    return this.log.page(first, after);
  }

  // The fields below are reached only through auditLog, which admits admins alone.

  @ResolveField('actor', () => User, { nullable: true, description: 'Who made the change; null for the system or a deleted account.' })
  actor(@Parent() event: AuditEvent, @Context('req') req: ViewerRequest): Promise<User | null> | null {
    return event.actorId ? this.accounts.load(req, event.actorId) : null;
  }

  @ResolveField('subjectName', () => String, { nullable: true, description: 'The display name of the person, or the name of the organization, it is about.' })
  async subjectName(@Parent() event: AuditEvent, @Context('req') req: ViewerRequest): Promise<string | null> {
    if (event.subjectType === AuditSubject.USER) return (await this.accounts.load(req, event.subjectId))?.displayName ?? null;
    if (event.subjectType === AuditSubject.ORGANIZATION) return (await this.organizations.load(req, event.subjectId))?.name ?? null;
    return null;
  }

  @ResolveField('details', () => String, { nullable: true, description: 'What changed, in short (roles before → after, the reason of a suspension).' })
  async details(@Parent() event: AuditEvent, @Context('req') req: ViewerRequest): Promise<string | null> {
    const names = new Map<string, string>();
    for (const id of organizationIdsIn(event)) {
      const organization = await this.organizations.load(req, id);
      if (organization) names.set(id, organization.name);
    }
    return auditDetails(event, names);
  }
}
