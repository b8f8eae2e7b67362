import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public, type ViewerRequest } from '../accounts/access.decorators.js';
import { namesCover } from './course-cover.js';
import { CourseCovers } from './course-covers.service.js';
import { CourseImages } from './course-images.service.js';
import { CourseVisibility } from './course-visibility.service.js';
import type { Course } from './course.entity.js';
import { canSeeCourse } from './course.policy.js';

/**
 * A course's pictures, to whoever may see the course (everyone for a published one; a draft's trainers
 * and admins with their bearer token). Anything else, a stale hash included, is a 404 that says no more
 * than "no such image".
 *
 * - GET /course-covers/<course id>/<hash prefix>.<ext>: its cover;
 * - GET /course-images/<course id>/<hash prefix>.<ext>: an image its lessons show. Only lessons the
 *   viewer may read carry the address, and the address carries 64 bits of the image's SHA-256.
 */
@Controller()
export class CourseImagesController {
  constructor(
    private readonly covers: CourseCovers,
    private readonly images: CourseImages,
    private readonly visibility: CourseVisibility,
  ) {}

  @Public()
  @Get('course-covers/:courseId/:file')
  async cover(@Param('courseId') courseId: string, @Param('file') file: string, @Req() req: ViewerRequest, @Res() res: Response): Promise<void> {
    const course = await this.visibility.load(req, courseId);
    const image = course ? await this.covers.image(course.id) : null;
    send(res, course, image && namesCover(file, image) ? image : null, 'No such cover.');
  }

  @Public()
  @Get('course-images/:courseId/:file')
  async lessonImage(@Param('courseId') courseId: string, @Param('file') file: string, @Req() req: ViewerRequest, @Res() res: Response): Promise<void> {
    const course = await this.visibility.load(req, courseId);
    send(res, course, course ? await this.images.image(course.id, file) : null, 'No such image.');
  }
}

function send(res: Response, course: Course | null, image: { contentType: string; bytes: Buffer } | null, missing: string): void {
  if (!course || !image) {
    res.status(404).type('text/plain').set('Cache-Control', 'no-store').send(missing);
    return;
  }
  // The address changes with the image, so it may be kept for ever; by shared caches only when
  // anyone may see the course (a draft's image was shown to its trainer's token, and stays theirs).
  const audience = canSeeCourse(null, course, null) ? 'public' : 'private';
  res
    .status(200)
    .type(image.contentType)
    .set('Cache-Control', `${audience}, max-age=31536000, immutable`)
    .set('X-Content-Type-Options', 'nosniff')
    .send(image.bytes);
}
