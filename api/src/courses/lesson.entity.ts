import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType()
@Entity({ name: 'lesson' })
export class Lesson {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'module_id', type: 'uuid' })
  moduleId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  position: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Markdown source; exposed by LessonsResolver, since lists load lessons without it. */
  @Column({ type: 'text' })
  body: string;

  /** Rendered and sanitized when the body is written, so reading a lesson costs nothing extra. */
  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'estimated_minutes', type: 'int', nullable: true })
  estimatedMinutes: number | null;
}
