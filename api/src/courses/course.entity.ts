import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CourseKind, CourseStatus } from './course-enums.js';

@ObjectType()
@Entity({ name: 'course' })
export class Course {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field()
  @Column({ type: 'text' })
  summary: string;

  @Field(() => CourseKind)
  @Column({ type: 'varchar', length: 20 })
  kind: CourseKind;

  @Field(() => CourseStatus)
  @Column({ type: 'varchar', length: 20 })
  status: CourseStatus;

  @Field()
  @Column({ type: 'varchar', length: 35 })
  language: string;

  @Field({ description: "The organiser's time zone; live session times are also shown in it." })
  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone: string;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'starts_at', type: 'timestamptz', nullable: true })
  startsAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
