import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType()
@Entity({ name: 'certificate' })
export class Certificate {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Field({ description: 'Short public code; the public verifyCertificate query takes it.' })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Field(() => Date)
  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  /** The holder's display name when the certificate was issued: what the certificate says. */
  @Field()
  @Column({ name: 'holder_name', type: 'varchar', length: 80 })
  holderName: string;
}
