import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type CoverContentType, parseImageFileName } from './course-cover.js';
import { type CourseImage, lessonImageResolver } from './course-images.js';
import { renderMarkdown } from '../platform/common/markdown.js';

/** The images of a course as the importer stored them (content/import-courses.ts), without their bytes. */
export async function courseImagesOf(db: Pick<EntityManager, 'query'>, courseId: string): Promise<CourseImage[]> {
  const rows: { path: string; content_type: CoverContentType; sha256: string; width: number; height: number }[] = await db.query(
    `SELECT path, content_type, sha256, width, height FROM course_image WHERE course_id = $1`,
    [courseId],
  );
  return rows.map((row) => ({ path: row.path, contentType: row.content_type, sha256: row.sha256, width: row.width, height: row.height }));
}

/** A lesson body written in the app, rendered with the course's images (its file taken to be in lessons/). */
export async function renderLessonBody(db: Pick<EntityManager, 'query'>, courseId: string, body: string): Promise<string> {
  return renderMarkdown(body, { images: lessonImageResolver(courseId, await courseImagesOf(db, courseId)) });
}

@Injectable()
export class CourseImages {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The image a file name (`<hash prefix>.<ext>`) names, for CourseImagesController; the caller has checked that the viewer may see the course. */
  async image(courseId: string, file: string): Promise<{ contentType: CoverContentType; bytes: Buffer } | null> {
    const wanted = parseImageFileName(file);
    if (!wanted) return null;
    const [row] = await this.db.query(
      `SELECT content_type, bytes FROM course_image WHERE course_id = $1 AND left(sha256, 16) = $2 AND content_type = $3 LIMIT 1`,
      [courseId, wanted.hashPrefix, wanted.contentType],
    );
    return row ? { contentType: row.content_type, bytes: row.bytes } : null;
  }
}
