import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requestLoader } from '../platform/common/request-loaders.js';
import { type CoverContentType, coverPath } from './course-cover.js';
import type { CourseCover } from './dto/course-cover.model.js';

/** Course covers as the importer stored them (content/import-courses.ts): what pages show, and the bytes. */
@Injectable()
export class CourseCovers {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A course's cover without its bytes, batched for a list of courses. */
  forCourse(req: object, courseId: string): Promise<CourseCover | null> {
    return requestLoader<string, CourseCover | null>(req, 'course-cover', async (ids) => {
      const rows: { course_id: string; content_type: CoverContentType; sha256: string; width: number; height: number; alt: string }[] =
        await this.db.query(
          `SELECT course_id, content_type, sha256, width, height, alt FROM course_cover WHERE course_id = ANY($1::uuid[])`,
          [ids],
        );
      const byCourse = new Map(
        rows.map((r) => [r.course_id, { url: coverPath(r.course_id, r.sha256, r.content_type), width: r.width, height: r.height, alt: r.alt }]),
      );
      return ids.map((id) => byCourse.get(id) ?? null);
    }).load(courseId);
  }

  /** The image itself, for CourseCoversController; the caller has checked that the viewer may see the course. */
  async image(courseId: string): Promise<{ contentType: CoverContentType; sha256: string; bytes: Buffer } | null> {
    const [row] = await this.db.query(`SELECT content_type, sha256, bytes FROM course_cover WHERE course_id = $1`, [courseId]);
    return row ? { contentType: row.content_type, sha256: row.sha256, bytes: row.bytes } : null;
  }
}
