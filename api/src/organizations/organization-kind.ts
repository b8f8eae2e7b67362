import { registerEnumType } from '@nestjs/graphql';

export enum OrganizationKind {
  NHRI = 'NHRI',
  NGO = 'NGO',
  GOVERNMENT = 'GOVERNMENT',
  UNIVERSITY = 'UNIVERSITY',
  INTERGOVERNMENTAL = 'INTERGOVERNMENTAL',
  OTHER = 'OTHER',
}

registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
