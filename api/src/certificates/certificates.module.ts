import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module.js';
import { CertificatesResolver, EnrollmentCertificateResolver } from './certificates.resolver.js';
import { CertificatesService } from './certificates.service.js';

@Module({
  imports: [CoursesModule],
  providers: [CertificatesService, CertificatesResolver, EnrollmentCertificateResolver],
  exports: [CertificatesService],
})
export class CertificatesModule {}
