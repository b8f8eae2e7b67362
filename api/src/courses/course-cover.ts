import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';

/**
 * A course's cover image: a JPEG, PNG or WebP of at most 2 MB, named in course.yaml, kept in the
 * course_cover table and served by CourseImagesController at coverPath(). What a file is comes from
 * its first bytes, never from its name: an HTML page called cover.jpg is refused.
 */
export const COVER_MAX_BYTES = 2 * 1024 * 1024;
/** Wider or taller images are refused: browsers decode every pixel, and a cover is shown at most page-wide. */
export const COVER_MAX_SIDE = 6000;
export const COVER_ALT_MAX = 300;

/** The image types accepted, with the extension their address ends in. */
export const COVER_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export type CoverContentType = keyof typeof COVER_TYPES;

/** Characters of the SHA-256 in the address: a new image gets a new address, so the old one may be cached for ever. */
const HASH_IN_PATH = 16;

export interface CoverImage {
  contentType: CoverContentType;
  bytes: Buffer;
  sha256: string;
  width: number;
  height: number;
}

/** The image type its magic bytes say, or null for anything else. */
export function coverTypeOf(bytes: Uint8Array): CoverContentType | null {
  const starts = (offset: number, ...signature: number[]) => signature.every((byte, i) => bytes[offset + i] === byte);
  if (starts(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  // RIFF....WEBP
  if (starts(0, 0x52, 0x49, 0x46, 0x46) && starts(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

/**
 * The checked image, or what is wrong with it in words an author can act on. Lesson images
 * (course-images.ts) pass the same checks with their own size limit.
 */
export function readCoverImage(bytes: Buffer, { maxBytes = COVER_MAX_BYTES, what = 'a cover' } = {}): CoverImage | { problem: string } {
  if (bytes.length > maxBytes) return { problem: `is ${sizeInWords(bytes.length)}; ${what} may be at most ${sizeInWords(maxBytes)}` };
  const contentType = coverTypeOf(bytes);
  if (!contentType) return { problem: 'is not a JPEG, PNG or WebP image (judged by its content, not its name)' };
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return { problem: `looks like ${COVER_TYPES[contentType].toUpperCase()} but its size cannot be read: the file may be damaged` };
  }
  if (size.type !== COVER_TYPES[contentType]) return { problem: 'is not a JPEG, PNG or WebP image (judged by its content, not its name)' };
  // EXIF orientations 5–8 turn the picture a quarter: it is shown with width and height swapped.
  const [width, height] = (size.orientation ?? 1) >= 5 ? [size.height, size.width] : [size.width, size.height];
  if (!(width > 0 && height > 0)) return { problem: 'has no width or height' };
  if (width > COVER_MAX_SIDE || height > COVER_MAX_SIDE) return { problem: `is ${width}×${height} pixels; ${what} may be at most ${COVER_MAX_SIDE} pixels on each side` };
  return { contentType, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), width, height };
}

function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The last part of a course picture's address, `<hash prefix>.<ext>`: a new image gets a new name. Lesson images (course-images.ts) are named the same way. */
export function imageFileName(image: { sha256: string; contentType: CoverContentType }): string {
  return `${image.sha256.slice(0, HASH_IN_PATH)}.${COVER_TYPES[image.contentType]}`;
}

/** What a requested file name asks for (imageFileName's parts), or null when it cannot name an image. */
export function parseImageFileName(file: string): { hashPrefix: string; contentType: CoverContentType } | null {
  const match = new RegExp(`^([0-9a-f]{${HASH_IN_PATH}})\\.([a-z]+)$`).exec(file);
  const contentType = match && (Object.keys(COVER_TYPES) as CoverContentType[]).find((type) => COVER_TYPES[type] === match[2]);
  return match && contentType ? { hashPrefix: match[1], contentType } : null;
}

/** Where the API serves a course's cover, relative to its origin (the web app reaches it through the same origin). */
export function coverPath(courseId: string, sha256: string, contentType: CoverContentType): string {
  return `/course-covers/${courseId}/${imageFileName({ sha256, contentType })}`;
}

/** Whether a requested file name (`<hash prefix>.<ext>`) names this image. */
export function namesCover(file: string, image: { sha256: string; contentType: CoverContentType }): boolean {
  return file === imageFileName(image);
}
