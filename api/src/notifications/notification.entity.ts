import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Something a person should know, shown in the app (and usually emailed). */
@ObjectType()
@Entity({ name: 'notification' })
export class Notification {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Field({ description: 'What it is about, e.g. SESSION_REMINDER.' })
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field()
  @Column({ type: 'text' })
  body: string;

  @Field(() => String, { nullable: true, description: 'Path in the web app to open.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  link: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 300 })
  idempotencyKey: string;

  @Field(() => Date)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
