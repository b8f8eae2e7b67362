import { Args, Context, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedIn, Viewer, type ViewerRequest } from '../accounts/access.decorators.js';
import { Course } from '../courses/course.entity.js';
import type { User } from '../accounts/user.entity.js';
import { SubmitEvaluationInput } from './dto/submit-evaluation.input.js';
import { EvaluationSummary } from './evaluation-summary.model.js';
import { EvaluationsService } from './evaluations.service.js';

@Resolver()
export class EvaluationsResolver {
  constructor(private readonly evaluations: EvaluationsService) {}

  @SignedIn()
  @Mutation(() => Boolean)
  submitEvaluation(@Viewer() viewer: User, @Args('input') input: SubmitEvaluationInput): Promise<boolean> {
    return this.evaluations.submit(viewer, input);
  }

  @SignedIn()
  @Query(() => EvaluationSummary)
  evaluationSummary(@Viewer() viewer: User, @Args('courseId', { type: () => ID }) courseId: string): Promise<EvaluationSummary> {
    return this.evaluations.summary(viewer, courseId);
  }
}

@ObjectType('MyEvaluation')
export class MyEvaluation {
  @Field(() => Int)
  relevance: number;

  @Field(() => Int)
  usefulness: number;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field(() => Date)
  submittedAt: Date;
}

/** Evaluations add the viewer's own answer to courses, so the form can show it. */
@Resolver(() => Course)
export class CourseEvaluationResolver {
  constructor(private readonly evaluations: EvaluationsService) {}

  @ResolveField('myEvaluation', () => MyEvaluation, { nullable: true, description: "The viewer's own evaluation of this course." })
  myEvaluation(@Parent() course: Course, @Context('req') req: ViewerRequest): Promise<MyEvaluation | null> | null {
    return req.viewer ? this.evaluations.mine(req.viewer.id, course.id) : null;
  }
}
