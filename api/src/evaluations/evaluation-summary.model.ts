import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class EvaluationSummary {
  @Field(() => Int)
  responses: number;

  @Field(() => Float, { nullable: true, description: 'Mean on a 1..5 scale.' })
  relevance: number | null;

  @Field(() => Float, { nullable: true })
  usefulness: number | null;

  @Field(() => [String])
  comments: string[];
}
