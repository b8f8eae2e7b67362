import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum SpaceKind {
  COURSE = 'COURSE',
  THEME = 'THEME',
  COUNTRY = 'COUNTRY',
  NETWORK = 'NETWORK',
}
registerEnumType(SpaceKind, { name: 'SpaceKind' });

/** Where people talk: one per course (its members only), or a theme, country or network (any signed-in member). */
@ObjectType()
@Entity({ name: 'space' })
export class Space {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  slug: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field(() => SpaceKind)
  @Column({ type: 'varchar', length: 16 })
  kind: SpaceKind;

  @Column({ name: 'course_id', type: 'uuid', nullable: true })
  courseId: string | null;

  @Field({ description: 'Only its members (and admins) read it; others do not see it at all. COURSE spaces: always their course\'s members.' })
  @Column({ name: 'members_only', type: 'boolean', default: false })
  membersOnly: boolean;

  @Field(() => String, { nullable: true, description: "A COUNTRY space's country (ISO 3166-1 alpha-2, e.g. TH): its alumni are invited into it. One space per country." })
  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'space_member' })
export class SpaceMember {
  @PrimaryColumn({ name: 'space_id', type: 'uuid' })
  spaceId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;
}
