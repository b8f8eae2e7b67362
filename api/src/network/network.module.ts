import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module.js';
import { CourseNetworkResolver, NetworkResolver } from './network.resolver.js';
import { SpaceInvitationsService } from './space-invitations.service.js';

/** Course to network: a course's network spaces and the invitations made when its learners complete it. */
@Module({
  imports: [CoursesModule],
  providers: [SpaceInvitationsService, NetworkResolver, CourseNetworkResolver],
})
export class NetworkModule {}
