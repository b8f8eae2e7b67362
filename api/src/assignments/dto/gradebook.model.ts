import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Course } from '../../courses/course.entity.js';
import { Assignment } from '../assignment.entity.js';
import { SubmissionStatus } from '../submission.entity.js';

@ObjectType({ description: "One learner's work on one assignment." })
export class GradebookCell {
  @Field(() => ID)
  assignmentId: string;

  @Field(() => ID, { nullable: true, description: 'Null when nothing was begun.' })
  submissionId: string | null;

  @Field(() => SubmissionStatus, { nullable: true })
  status: SubmissionStatus | null;

  @Field(() => Float, { nullable: true, description: 'The grade, released or not.' })
  score: number | null;

  @Field()
  late: boolean;

  @Field()
  released: boolean;
}

@ObjectType()
export class GradebookRow {
  /** Exposed as `learner` by the resolver, through the name policy. */
  learnerId: string;

  @Field(() => String, { nullable: true, description: "The learner's enrolment group." })
  group: string | null;

  @Field(() => [GradebookCell], { description: 'In the order of Gradebook.assignments.' })
  cells: GradebookCell[];
}

@ObjectType({ description: "Learners × assignments of a course; its trainers and admins only." })
export class Gradebook {
  @Field(() => Course)
  course: Course;

  @Field(() => [Assignment])
  assignments: Assignment[];

  @Field(() => [GradebookRow])
  rows: GradebookRow[];
}
