import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CoursesModule } from '../courses/courses.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { CourseLiveSessionsResolver, LiveSessionsResolver } from './live-sessions.resolver.js';
import { LiveSessionsService } from './live-sessions.service.js';
import { RemindersService } from './reminders.service.js';

@Module({
  imports: [CoursesModule, AccountsModule],
  controllers: [CalendarController],
  providers: [LiveSessionsService, RemindersService, CalendarService, LiveSessionsResolver, CourseLiveSessionsResolver],
  exports: [LiveSessionsService],
})
export class LiveSessionsModule {}
