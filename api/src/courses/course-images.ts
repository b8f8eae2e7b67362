import { posix } from 'node:path';
import type { ResolvedImage } from '../platform/common/markdown.js';
import { type CoverContentType, type CoverImage, imageFileName, readCoverImage } from './course-cover.js';

/**
 * Images in lessons: files in the course folder that a lesson shows with `![description](../images/map.png)`,
 * imported with the course into the course_image table and served by CourseImagesController at
 * courseImagePath(), to whoever may see the course. An image's address in a lesson is relative to the
 * lesson's file, as any Markdown editor previews it; lessons written in the app are taken to be in
 * `lessons/`, where the course's files keep theirs. Images from other sites are never shown: they would
 * tell that site who reads, and would not be there offline.
 */

/** Smaller than a cover's limit: a lesson is read over slow connections, a whole week of them saved at once. */
export const LESSON_IMAGE_MAX_BYTES = 1024 * 1024;
/** Where lessons written in the app are taken to be, for their images' addresses. */
export const LESSONS_FOLDER = 'lessons';

export interface CourseImage {
  /** The file's path in the course folder, `/`-separated, such as `images/map.png`: how lessons name it. */
  path: string;
  contentType: CoverContentType;
  sha256: string;
  width: number;
  height: number;
}

export function readLessonImage(bytes: Buffer): CoverImage | { problem: string } {
  return readCoverImage(bytes, { maxBytes: LESSON_IMAGE_MAX_BYTES, what: 'an image in a lesson' });
}

/**
 * The course-folder path an image address in a lesson names, or why it names none: an address of another
 * site (or any scheme), one from the root, or one that leaves the course folder.
 */
export function imagePathInCourse(lessonFolder: string, src: string): { path: string } | { problem: string } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    return { problem: 'is on another site: put the image in the course folder, so it shows offline and tells no other site who reads' };
  }
  let decoded: string;
  try {
    decoded = decodeURI(src.split(/[?#]/)[0]);
  } catch {
    return { problem: 'is not a valid address' };
  }
  if (!decoded || decoded.startsWith('/')) return { problem: 'must be a path relative to the lesson file, such as ../images/map.png' };
  const path = posix.normalize(posix.join(lessonFolder, decoded));
  if (path === '..' || path.startsWith('../') || posix.isAbsolute(path)) return { problem: 'must be inside the course folder' };
  return { path };
}

/** Where the API serves an image of a course, relative to its origin; a new image gets a new address. */
export function courseImagePath(courseId: string, image: Pick<CourseImage, 'sha256' | 'contentType'>): string {
  return `/course-images/${courseId}/${imageFileName(image)}`;
}

/** For renderMarkdown: a lesson's image addresses, resolved against the course's images. */
export function lessonImageResolver(courseId: string, images: readonly CourseImage[], lessonFolder = LESSONS_FOLDER): (src: string) => ResolvedImage | null {
  const byPath = new Map(images.map((image) => [image.path, image]));
  return (src) => {
    const named = imagePathInCourse(lessonFolder, src);
    const image = 'path' in named ? byPath.get(named.path) : undefined;
    return image ? { url: courseImagePath(courseId, image), width: image.width, height: image.height } : null;
  };
}
