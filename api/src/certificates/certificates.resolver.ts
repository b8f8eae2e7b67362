import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '../accounts/access.decorators.js';
import { RateLimit } from '../platform/rate-limits/rate-limit.js';
import { Course } from '../courses/course.entity.js';
import { CourseLoaders } from '../courses/course-loaders.js';
import { Enrollment } from '../courses/enrollment.entity.js';
import { Certificate } from './certificate.entity.js';
import { CertificatesService } from './certificates.service.js';

@Resolver(() => Certificate)
export class CertificatesResolver {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly loaders: CourseLoaders,
  ) {}

  /** Public: anyone holding a code (an employer, a funder) can check a certificate is genuine. */
  @Public()
  @RateLimit({ key: 'verify-certificate', points: 30, durationSeconds: 600, per: 'address' })
  @Query(() => Certificate, { nullable: true })
  verifyCertificate(@Args('code') code: string): Promise<Certificate | null> {
    return this.certificates.verify(code);
  }

  @ResolveField('course', () => Course)
  async course(@Parent() certificate: Certificate, @Context('req') req: object): Promise<Course> {
    return (await this.loaders.course(req, certificate.courseId))!;
  }
}

/** Certificates add the `certificate` field to enrolments. */
@Resolver(() => Enrollment)
export class EnrollmentCertificateResolver {
  constructor(private readonly certificates: CertificatesService) {}

  @ResolveField('certificate', () => Certificate, { nullable: true })
  certificate(@Parent() enrollment: Enrollment, @Context('req') req: object): Promise<Certificate | null> {
    return this.certificates.forEnrollment(req, enrollment.id);
  }
}
