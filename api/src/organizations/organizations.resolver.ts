import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public, RequireRoles, Viewer, type ViewerRequest } from '../accounts/access.decorators.js';
import type { User } from '../accounts/user.entity.js';
import { Role } from '../accounts/role.js';
import { CreateOrganizationInput } from './dto/create-organization.input.js';
import { UpdateOrganizationInput } from './dto/update-organization.input.js';
import { Organization } from './organization.entity.js';
import { OrganizationsService } from './organizations.service.js';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(private readonly service: OrganizationsService) {}

  /** Public, so the sign-up form can offer the list. */
  @Public()
  @Query(() => [Organization])
  organizations(): Promise<Organization[]> {
    return this.service.list();
  }

  /** Public like the list; null when there is none. Its focal points follow the directory's rule (directory.policy.ts). */
  @Public()
  @Query(() => Organization, { nullable: true })
  organization(@Args('id', { type: () => ID }) id: string, @Context('req') req: ViewerRequest): Promise<Organization | null> {
    return this.service.load(req, id);
  }

  /** Admins vouch for organizations, since membership decides grant eligibility and reviewer conflicts. */
  @RequireRoles(Role.ADMIN)
  @Mutation(() => Organization)
  createOrganization(@Viewer() viewer: User, @Args('input') input: CreateOrganizationInput): Promise<Organization> {
    return this.service.create(viewer, input);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => Organization, { description: 'Changes the fields given. Admins only.' })
  updateOrganization(
    @Viewer() viewer: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOrganizationInput,
  ): Promise<Organization> {
    return this.service.update(viewer, id, input);
  }
}
