import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import { AuditAction, AuditSubject } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { conflict, isUniqueViolation, notFound } from '../platform/errors/errors.js';
import { byKeys, requestLoader } from '../platform/common/request-loaders.js';
import { CreateOrganizationInput } from './dto/create-organization.input.js';
import { UpdateOrganizationInput } from './dto/update-organization.input.js';
import { Organization } from './organization.entity.js';

// A focal point per organization (the person admins and reviewers contact) is planned; it will be
// set here and audited like the other changes.
@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Organization[]> {
    return this.organizations.find({ order: { country: 'ASC', name: 'ASC' } });
  }

  exists(id: string): Promise<boolean> {
    return this.organizations.existsBy({ id });
  }

  create(admin: User, input: CreateOrganizationInput): Promise<Organization> {
    return this.write(input.name, async (tx) => {
      const organization = tx.create(Organization, input);
      await tx.save(organization);
      await this.audit.record(tx, {
        actorId: admin.id,
        action: AuditAction.ORGANIZATION_CREATED,
        subjectType: AuditSubject.ORGANIZATION,
        subjectId: organization.id,
        data: { name: organization.name, country: organization.country, kind: organization.kind },
      });
      return organization;
    });
  }

  update(admin: User, id: string, input: UpdateOrganizationInput): Promise<Organization> {
    return this.write(input.name, async (tx) => {
      const organization = await tx.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!organization) throw notFound('That organization');
      const from: Partial<Organization> = {};
      const to: Partial<Organization> = {};
      for (const field of ['name', 'country', 'kind'] as const) {
        const value = input[field];
        if (value !== undefined && value !== organization[field]) {
          Object.assign(from, { [field]: organization[field] });
          Object.assign(to, { [field]: value });
        }
      }
      if (Object.keys(to).length === 0) return organization;
      await tx.update(Organization, { id }, to);
      await this.audit.record(tx, {
        actorId: admin.id,
        action: AuditAction.ORGANIZATION_UPDATED,
        subjectType: AuditSubject.ORGANIZATION,
        subjectId: id,
        data: { from, to },
      });
      return { ...organization, ...to };
    });
  }

  /** A change and its audit event in one transaction; a name taken in the country is a CONFLICT on `name`. */
  private async write<T>(name: string | undefined, change: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(change);
    } catch (err) {
      if (isUniqueViolation(err, 'organization_name_country_key')) {
        const what = name === undefined ? 'An organization with this name' : `An organization named "${name}"`;
        throw conflict(`${what} already exists in this country.`, 'name');
      }
      throw err;
    }
  }

  /** Batched look-up by id for the lifetime of one request. */
  load(req: object, id: string): Promise<Organization | null> {
    return requestLoader<string, Organization | null>(req, 'organization-by-id', async (ids) =>
      byKeys(ids, await this.organizations.findBy({ id: In([...ids]) }), (o) => o.id),
    ).load(id);
  }
}
