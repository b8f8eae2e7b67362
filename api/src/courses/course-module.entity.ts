import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A week or unit of a course. Called Module in the API; CourseModule here to stay clear of Nest's modules. */
@ObjectType('Module')
@Entity({ name: 'course_module' })
export class CourseModule {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  position: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { nullable: true, description: "A grouping label such as 'Part One'." })
  @Column({ type: 'varchar', length: 200, nullable: true })
  part: string | null;

  @Field(() => Date, { nullable: true, description: 'Learners see lessons only once this time has passed.' })
  @Column({ name: 'opens_at', type: 'timestamptz', nullable: true })
  opensAt: Date | null;
}
