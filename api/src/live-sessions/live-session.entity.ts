import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  ABSENT = 'ABSENT',
  EXCUSED = 'EXCUSED',
}
registerEnumType(AttendanceStatus, { name: 'AttendanceStatus' });

/** A live session of a course, kept as a UTC instant; everyone sees it in their own zone. */
@ObjectType()
@Entity({ name: 'live_session' })
export class LiveSession {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => Date)
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Field(() => Int)
  @Column({ name: 'duration_minutes', type: 'int' })
  durationMinutes: number;

  /** Exposed through the resolver: members only. */
  @Column({ name: 'join_url', type: 'varchar', length: 2000, nullable: true })
  joinUrl: string | null;

  /** Exposed through the resolver: members only. */
  @Column({ name: 'recording_url', type: 'varchar', length: 2000, nullable: true })
  recordingUrl: string | null;

  @Field(() => [String])
  @Column({ name: 'breakout_groups', type: 'text', array: true, default: () => "'{}'" })
  breakoutGroups: string[];

  /** Grows with every change of time or cancellation: calendar apps and reminders follow it. */
  @Field(() => Int, { description: 'Version of the session; grows when it is rescheduled or cancelled.' })
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** How long a session lasts: when it ends. */
export function endOf(session: Pick<LiveSession, 'startsAt' | 'durationMinutes'>): Date {
  return new Date(session.startsAt.getTime() + session.durationMinutes * 60_000);
}
