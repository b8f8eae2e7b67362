import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CoverContentType } from './course-cover.js';

/** Course covers as the importer stored them (content/import-courses.ts): what pages show, and the bytes. */
@Injectable()
export class CourseCovers {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The image itself, for CourseImagesController; the caller has checked that the viewer may see the course. */
  async image(courseId: string): Promise<{ contentType: CoverContentType; sha256: string; bytes: Buffer } | null> {
    const [row] = await this.db.query(`SELECT content_type, sha256, bytes FROM course_cover WHERE course_id = $1`, [courseId]);
    return row ? { contentType: row.content_type, sha256: row.sha256, bytes: row.bytes } : null;
  }
}
