import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { conflict } from '../platform/errors/errors.js';
import { byKeys, requestLoader } from '../platform/common/request-loaders.js';
import { isUniqueViolation } from '../platform/errors/errors.js';
import { CreateOrganizationInput } from './dto/create-organization.input.js';
import { Organization } from './organization.entity.js';

@Injectable()
export class OrganizationsService {
  constructor(@InjectRepository(Organization) private readonly organizations: Repository<Organization>) {}

  list(): Promise<Organization[]> {
    return this.organizations.find({ order: { country: 'ASC', name: 'ASC' } });
  }

  exists(id: string): Promise<boolean> {
    return this.organizations.existsBy({ id });
  }

  async create(input: CreateOrganizationInput): Promise<Organization> {
    try {
      return await this.organizations.save(this.organizations.create(input));
    } catch (err) {
      if (isUniqueViolation(err, 'organization_name_country_key')) {
        throw conflict(`An organization named "${input.name}" already exists in this country.`, 'name');
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
