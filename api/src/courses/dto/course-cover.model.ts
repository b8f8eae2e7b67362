import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "A course's cover image, served by the API itself." })
export class CourseCover {
  @Field({ description: 'Path on the API\'s origin, e.g. "/course-covers/<course id>/<hash>.jpg"; a new image gets a new path.' })
  url: string;

  @Field(() => Int, { description: 'In pixels, as the image is shown.' })
  width: number;

  @Field(() => Int, { description: 'In pixels, as the image is shown.' })
  height: number;

  @Field({ description: 'Text for people who cannot see the image.' })
  alt: string;
}
