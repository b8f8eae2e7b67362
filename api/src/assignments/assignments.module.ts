import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CoursesModule } from '../courses/courses.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { AssignmentLoaders } from './assignment-loaders.js';
import {
  AssignmentsResolver,
  CourseAssignmentsResolver,
  GradebookResolver,
  GradebookRowsResolver,
  GradesResolver,
  SubmissionsResolver,
} from './assignments.resolver.js';
import { AssignmentsService } from './assignments.service.js';
import { GradebookController } from './gradebook.controller.js';
import { GradingService } from './grading.service.js';
import { SubmissionsService } from './submissions.service.js';

@Module({
  imports: [CoursesModule, AccountsModule, NotificationsModule],
  controllers: [GradebookController],
  providers: [
    AssignmentLoaders,
    AssignmentsService,
    SubmissionsService,
    GradingService,
    AssignmentsResolver,
    SubmissionsResolver,
    GradesResolver,
      CourseAssignmentsResolver,
    GradebookResolver,
    GradebookRowsResolver,
  ],
})
export class AssignmentsModule {}
