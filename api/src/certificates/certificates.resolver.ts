import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public, type ViewerRequest } from '../accounts/access.decorators.js';
import { RateLimit } from '../platform/rate-limits/rate-limit.js';
import { Course } from '../courses/course.entity.js';
import { CourseVisibility } from '../courses/course-visibility.service.js';
import { Enrollment } from '../courses/enrollment.entity.js';
import { Certificate } from './certificate.entity.js';
import { CertificatesService } from './certificates.service.js';

@Resolver(() => Certificate)
export class CertificatesResolver {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly visibility: CourseVisibility,
  ) {}

  /** Public: anyone holding a code (an employer, a funder) can check a certificate is genuine. */
  @Public()
  @RateLimit({ key: 'verify-certificate', points: 30, durationSeconds: 600, per: 'address' })
  @Query(() => Certificate, { nullable: true, description: 'Null when no certificate has this code, or its course is not open to the viewer.' })
  async verifyCertificate(@Args('code') code: string, @Context('req') req: ViewerRequest): Promise<Certificate | null> {
    const certificate = await this.certificates.verify(code);
    // A certificate names its course: one taken back to draft is not to be shown through it.
    return certificate && (await this.visibility.load(req, certificate.courseId)) ? certificate : null;
  }

  @ResolveField('course', () => Course)
  course(@Parent() certificate: Certificate, @Context('req') req: ViewerRequest): Promise<Course> {
    return this.visibility.require(req, certificate.courseId);
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
