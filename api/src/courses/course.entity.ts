import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
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

  @Field(() => [String], { description: 'What a learner will be able to do after the course, one line each (up to 12).' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  outcomes: string[];

  @Field(() => [String], { description: 'What the course is about, as short tags (e.g. "reprisals"); offered as expertise to those who complete it.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics: string[];

  @Field(() => String, { nullable: true, description: 'Who the course is for; may have several lines.' })
  @Column({ type: 'text', nullable: true })
  audience: string | null;

  /** The accent colour chosen in the files or by a trainer, or null: `Course.color` then derives one (course-content-rules.ts). */
  @Column({ name: 'color', type: 'varchar', length: 7, nullable: true })
  chosenColor: string | null;

  @Field(() => Int, { nullable: true, description: 'How many weeks the course runs.' })
  @Column({ name: 'duration_weeks', type: 'int', nullable: true })
  durationWeeks: number | null;

  /** Moves whenever its modules, lessons or cover change (database triggers): the key of each process's cached outline (course-outlines.service.ts). */
  @Column({ name: 'outline_version', type: 'bigint', insert: false, update: false })
  outlineVersion: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
