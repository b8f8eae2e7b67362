import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public, type ViewerRequest } from '../accounts/access.decorators.js';
import { namesCover } from './course-cover.js';
import { CourseCovers } from './course-covers.service.js';
import { CourseVisibility } from './course-visibility.service.js';
import { canSeeCourse } from './course.policy.js';

/**
 * GET /course-covers/<course id>/<hash prefix>.<ext>: a course's cover, to whoever may see the course
 * (everyone for a published one; a draft's trainers and admins with their bearer token). Anything
 * else, a stale hash included, is a 404 that says no more than "no such cover".
 */
@Controller('course-covers')
export class CourseCoversController {
  constructor(
    private readonly covers: CourseCovers,
    private readonly visibility: CourseVisibility,
  ) {}

  @Public()
  @Get(':courseId/:file')
  async cover(@Param('courseId') courseId: string, @Param('file') file: string, @Req() req: ViewerRequest, @Res() res: Response): Promise<void> {
    const course = await this.visibility.load(req, courseId);
    const image = course ? await this.covers.image(course.id) : null;
    if (!course || !image || !namesCover(file, image)) {
      res.status(404).type('text/plain').set('Cache-Control', 'no-store').send('No such cover.');
      return;
    }
    // The address changes with the image, so it may be kept for ever; by shared caches only when
    // anyone may see the course (a draft's cover was shown to its trainer's token, and stays theirs).
    const audience = canSeeCourse(null, course, null) ? 'public' : 'private';
    res
      .status(200)
      .type(image.contentType)
      .set('Cache-Control', `${audience}, max-age=31536000, immutable`)
      .set('X-Content-Type-Options', 'nosniff')
      .send(image.bytes);
  }
}
