import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public, type ViewerRequest } from '../accounts/access.decorators.js';
import { CourseVisibility } from '../courses/course-visibility.service.js';
import { CalendarService } from './calendar.service.js';
import { LiveSessionsService } from './live-sessions.service.js';

/** .ics files: a calendar app cannot send a bearer token, so the session file is public and the feed carries its own secret. */
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly sessions: LiveSessionsService,
    private readonly visibility: CourseVisibility,
  ) {}

  /** One session, without its join link: the details anyone who may see its course finds on the course's page. */
  @Public()
  @Get('sessions/:file')
  async session(@Param('file') file: string, @Req() req: ViewerRequest, @Res() res: Response): Promise<void> {
    const session = await this.sessions.byId(file.replace(/\.ics$/, ''));
    const course = session ? await this.visibility.load(req, session.courseId) : null;
    if (!session || !course) {
      res.status(404).type('text/plain').send('No such session.');
      return;
    }
    this.send(res, await this.calendar.render(session.title, [session], false), `${session.id}.ics`);
  }

  /** A person's feed of every session in their courses, with join links. */
  @Public()
  @Get('feed/:file')
  async feed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const userId = await this.calendar.userForToken(file.replace(/\.ics$/, ''));
    if (!userId) {
      res.status(404).type('text/plain').send('No such calendar: the address may have been replaced.');
      return;
    }
    this.send(res, await this.calendar.render('Kapwa live sessions', await this.sessions.forMember(userId), true), 'kapwa.ics');
  }

  private send(res: Response, body: string, filename: string): void {
    res
      .status(200)
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${filename}"`)
      .set('Cache-Control', 'private, max-age=300')
      .send(body);
  }
}
