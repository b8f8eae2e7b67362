import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export enum DirectoryVisibility {
  HIDDEN = 'HIDDEN',
  MEMBERS = 'MEMBERS',
}
registerEnumType(DirectoryVisibility, {
  name: 'DirectoryVisibility',
  valuesMap: { HIDDEN: { description: 'Nobody but admins.' }, MEMBERS: { description: 'Signed-in members of the platform.' } },
});

/**
 * A person's entry in the alumni directory (skills bank). A person without a row has the default
 * profile: empty, HIDDEN, not a focal point (`defaultProfile`).
 */
@ObjectType('Profile', { description: "A person's entry in the alumni directory. Who sees it: directory.policy.ts." })
@Entity({ name: 'directory_profile' })
export class Profile {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Field()
  @Column({ type: 'text', default: '' })
  bio: string;

  @Field(() => [String], { description: 'Tags such as "reprisals" or "digital security"; matched ignoring case.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  expertise: string[];

  @Field(() => [String], { description: 'Languages the person works in, as language tags ("en", "th").' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Field({ description: "Marked by admins: the person to contact at their organization." })
  @Column({ name: 'is_focal_point', type: 'boolean', default: false })
  isFocalPoint: boolean;

  @Field(() => DirectoryVisibility)
  @Column({ type: 'varchar', length: 16, default: DirectoryVisibility.HIDDEN })
  visibility: DirectoryVisibility;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** What a person without a profile row has: nothing written, HIDDEN. */
export function defaultProfile(userId: string): Profile {
  return Object.assign(new Profile(), { userId, bio: '', expertise: [], languages: [], isFocalPoint: false, visibility: DirectoryVisibility.HIDDEN });
}
