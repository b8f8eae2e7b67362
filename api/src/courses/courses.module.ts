import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AlumniInvitations } from '../network/alumni-invitations.js';
import { CompletionService } from './completion.service.js';
import { CourseImagesController } from './course-images.controller.js';
import { CourseImages } from './course-images.service.js';
import { CourseCovers } from './course-covers.service.js';
import { CourseLoaders } from './course-loaders.js';
import { CourseOutlines } from './course-outlines.service.js';
import { CourseVisibility } from './course-visibility.service.js';
import { CourseStructureService } from './course-structure.service.js';
import { CoursesResolver, LessonsResolver, ModulesResolver } from './courses.resolver.js';
import { CoursesService } from './courses.service.js';
import { EnrollmentsResolver } from './enrollments.resolver.js';
import { EnrollmentsService } from './enrollments.service.js';
import { MembershipNotices } from './membership-notices.service.js';
import { InvitationsResolver } from './invitations.resolver.js';
import { InvitationsService } from './invitations.service.js';

@Module({
  imports: [AccountsModule],
  controllers: [CourseImagesController],
  providers: [
    CourseLoaders,
    CourseCovers,
    CourseImages,
    CourseOutlines,
    CourseVisibility,
    CompletionService,
    AlumniInvitations,
    CoursesService,
    CourseStructureService,
    EnrollmentsService,
    MembershipNotices,
    CoursesResolver,
    ModulesResolver,
    LessonsResolver,
    EnrollmentsResolver,
    InvitationsService,
    InvitationsResolver,
  ],
  exports: [CourseLoaders, CourseVisibility, CoursesService, EnrollmentsService, InvitationsService, CompletionService],
})
export class CoursesModule {}
