import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum ResourceKind {
  LINK = 'LINK',
  FILE = 'FILE',
}
registerEnumType(ResourceKind, { name: 'ResourceKind', description: 'A link to elsewhere, or a file kept in Kapwa (an upload).' });

export enum ResourceStatus {
  PUBLISHED = 'PUBLISHED',
  SUGGESTED = 'SUGGESTED',
  REJECTED = 'REJECTED',
}
registerEnumType(ResourceStatus, {
  name: 'ResourceStatus',
  description: 'PUBLISHED: in the library. SUGGESTED: a member suggested it, an admin has not reviewed it yet. REJECTED: declined.',
});

/**
 * One item of the community's shared library. `url` is the link, or for a file the address it is served
 * at (the resolver fills it). `description` is Markdown; its sanitized HTML is rendered when written.
 */
@ObjectType()
@Entity({ name: 'resource' })
export class Resource {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field({ description: 'Markdown source.' })
  @Column({ type: 'text' })
  description: string;

  @Field({ description: 'Sanitized HTML rendered from description.' })
  @Column({ name: 'description_html', type: 'text' })
  descriptionHtml: string;

  @Field(() => ResourceKind)
  @Column({ type: 'varchar', length: 8 })
  kind: ResourceKind;

  /** The link (LINK); null for a FILE, whose address the resolver gives. */
  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ name: 'media_asset_id', type: 'uuid', nullable: true })
  mediaAssetId: string | null;

  @Field({ description: 'The language of the resource itself (a language tag such as "en", "th" or "my").' })
  @Column({ type: 'varchar', length: 35 })
  language: string;

  @Field(() => [String], { description: 'Lower case, without repeats.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Field(() => [String], { description: 'The countries it concerns (ISO 3166-1 alpha-2 codes); empty: any.' })
  @Column({ type: 'varchar', length: 2, array: true, default: () => "'{}'" })
  countries: string[];

  @Field(() => ResourceStatus)
  @Column({ type: 'varchar', length: 10 })
  status: ResourceStatus;

  @Column({ name: 'added_by', type: 'uuid', nullable: true })
  addedBy: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'review_reason', type: 'text', nullable: true })
  reviewReason: string | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
