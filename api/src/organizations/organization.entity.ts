import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationKind } from './organization-kind.js';

/** An NHRI, NGO or other body people work for. Unique by name (ignoring case) within a country. */
@ObjectType()
@Entity({ name: 'organization' })
export class Organization {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field()
  @Column({ type: 'char', length: 2 })
  country: string;

  @Field(() => OrganizationKind)
  @Column({ type: 'varchar', length: 20 })
  kind: OrganizationKind;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
