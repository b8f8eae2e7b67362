import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public, RequireRoles } from '../accounts/access.decorators.js';
import { Role } from '../accounts/role.js';
import { CreateOrganizationInput } from './dto/create-organization.input.js';
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

  /** Admins vouch for organizations, since membership decides grant eligibility and reviewer conflicts. */
  @RequireRoles(Role.ADMIN)
  @Mutation(() => Organization)
  createOrganization(@Args('input') input: CreateOrganizationInput): Promise<Organization> {
    return this.service.create(input);
  }
}
