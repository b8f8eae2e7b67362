import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  ADMIN = 'ADMIN',
  TRAINER = 'TRAINER',
  REVIEWER = 'REVIEWER',
}

registerEnumType(Role, { name: 'Role' });
