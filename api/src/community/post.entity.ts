import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A post: a thread's opening post or a reply. Markdown source with its sanitized HTML, rendered when
 * written. `body`, `bodyHtml` and `hidden` are resolved by the resolver (a hidden post is empty for all
 * but admins).
 */
@ObjectType()
@Entity({ name: 'post' })
export class Post {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'thread_id', type: 'uuid' })
  threadId: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  /** The thread's first post, written with its title. */
  @Column({ type: 'boolean', default: false })
  opening: boolean;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ name: 'hidden_reason', type: 'text', nullable: true })
  hiddenReason: string | null;

  @Column({ name: 'hidden_by', type: 'uuid', nullable: true })
  hiddenBy: string | null;

  /** Set by search only: a highlighted excerpt (only <mark> tags, the rest escaped). */
  snippet?: string | null;
}

/** An earlier text of an edited post, kept for moderators. */
@ObjectType()
@Entity({ name: 'post_revision' })
export class PostRevision {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId: string;

  @Field({ description: 'The Markdown source as it was before this edit.' })
  @Column({ type: 'text' })
  body: string;

  @Field(() => Date, { description: 'When an edit replaced it.' })
  @Column({ name: 'replaced_at', type: 'timestamptz' })
  replacedAt: Date;
}

/** One person's report of a post, for the moderation queue; one per person and post. */
@ObjectType()
@Entity({ name: 'post_report' })
export class PostReport {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId: string;

  @Column({ name: 'reporter_id', type: 'uuid' })
  reporterId: string;

  @Field()
  @Column({ type: 'text' })
  reason: string;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
