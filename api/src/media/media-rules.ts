import { MediaPurpose, type MediaKind } from './media-asset.entity.js';

/**
 * What each purpose accepts, how large, and what is kept after processing: one table, read by the upload
 * endpoint (before any byte is stored), by processing (after the bytes are checked) and by the web client.
 */
export const MB = 1024 * 1024;
export const GB = 1024 * MB;

/** Videos and recordings may be long; documents and pictures are small. */
export const SIZE_LIMITS: Record<MediaKind, number> = { VIDEO: 2 * GB, AUDIO: 2 * GB, IMAGE: 20 * MB, DOCUMENT: 50 * MB };

/** A picture larger than this (width × height) is refused before it is decoded: no decompression bomb reaches ffmpeg's memory. */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** Pictures where they make sense (a photo of handwritten work, a poster in the library); a grant's video is a video. */
export const ACCEPTED_KINDS: Record<MediaPurpose, readonly MediaKind[]> = {
  [MediaPurpose.GRANT_VIDEO]: ['VIDEO'],
  [MediaPurpose.ASSIGNMENT_ATTACHMENT]: ['VIDEO', 'AUDIO', 'IMAGE', 'DOCUMENT'],
  [MediaPurpose.RESOURCE]: ['VIDEO', 'AUDIO', 'IMAGE', 'DOCUMENT'],
};

/**
 * Whether the original bytes of a video or recording stay after processing (for the owner and admins
 * only; others see the renditions). A grant's documentary is evidence the panel may ask to see at full
 * quality, and a library resource may be re-edited: both keep it. An assignment's recording is graded
 * from its rendition, and the original (with whatever the camera wrote into it) is removed.
 * A document has no rendition: it is its own original and is always kept.
 */
export const ORIGINAL_KEPT: Record<MediaPurpose, boolean> = {
  [MediaPurpose.GRANT_VIDEO]: true,
  [MediaPurpose.RESOURCE]: true,
  [MediaPurpose.ASSIGNMENT_ATTACHMENT]: false,
};

/** The declared types a client may announce, and the kind each claims to be. */
const DOCUMENT_TYPES = new Map<string, string>([
  ['application/pdf', 'PDF'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word'],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'PowerPoint'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel'],
  ['application/vnd.oasis.opendocument.text', 'OpenDocument'],
  ['application/vnd.oasis.opendocument.presentation', 'OpenDocument'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'OpenDocument'],
]);

/** Pictures Kapwa accepts (checked again by their bytes). */
export const IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];

/** The kind a declared type claims, or null for a type Kapwa never accepts (SVG and other pictures, archives, programs...). */
export function claimedKind(filetype: string): MediaKind | null {
  const type = filetype.toLowerCase().split(';')[0].trim();
  if (type.startsWith('video/')) return 'VIDEO';
  if (type.startsWith('audio/')) return 'AUDIO';
  if (IMAGE_TYPES.includes(type)) return 'IMAGE';
  if (DOCUMENT_TYPES.has(type)) return 'DOCUMENT';
  return null;
}

export interface Sniffed {
  /** media: a container ffprobe must then confirm; image: a JPEG, PNG or WebP picture; pdf/office: a document. */
  family: 'media' | 'image' | 'pdf' | 'office';
  contentType: string;
}

/**
 * What the first bytes of a file say it is (magic numbers), whatever its name. Null for anything else:
 * a web page renamed .mp4, a program, an SVG or GIF picture.
 */
export function sniff(head: Buffer): Sniffed | null {
  const ascii = (start: number, end: number) => head.subarray(start, end).toString('latin1');
  if (ascii(0, 5) === '%PDF-') return { family: 'pdf', contentType: 'application/pdf' };
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { family: 'image', contentType: 'image/jpeg' };
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { family: 'image', contentType: 'image/png' };
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { family: 'image', contentType: 'image/webp' };
  // Office Open XML and OpenDocument are ZIP files: accepted as documents, never executed or shown inline.
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return { family: 'office', contentType: 'application/octet-stream' };
  if (ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    const audio = brand === 'M4A ' || brand === 'M4B ';
    return { family: 'media', contentType: audio ? 'audio/mp4' : brand.startsWith('qt') ? 'video/quicktime' : 'video/mp4' };
  }
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return { family: 'media', contentType: 'video/webm' };
  if (ascii(0, 4) === 'OggS') return { family: 'media', contentType: 'audio/ogg' };
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'AVI ') return { family: 'media', contentType: 'video/x-msvideo' };
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return { family: 'media', contentType: 'audio/wav' };
  if (ascii(0, 3) === 'ID3' || (head.length >= 2 && head[0] === 0xff && (head[1] & 0xe0) === 0xe0)) return { family: 'media', contentType: 'audio/mpeg' };
  if (ascii(0, 4) === 'fLaC') return { family: 'media', contentType: 'audio/flac' };
  if (head.length >= 1 && head[0] === 0x47 && head.length >= 189 && head[188] === 0x47) return { family: 'media', contentType: 'video/mp2t' };
  return null;
}

export const FAILURE = {
  notAccepted:
    'This file is not a video, a sound recording, a picture (JPEG, PNG, WebP) or a document Kapwa accepts (PDF, Word, PowerPoint, Excel, OpenDocument). Its name may say otherwise, but its contents do not.',
  notForPurpose: 'This kind of file cannot be used here: please upload a video.',
  unreadable:
    'This file could not be read as a video or a recording: it may be damaged, incomplete (the upload stopped before the end of the recording) or not a real video. Try exporting it again from the camera or phone.',
  noStreams: 'This file has neither pictures nor sound that Kapwa can play.',
  documentTooLarge: 'Documents may be at most 50 MB.',
  imageTooLarge: 'Pictures may be at most 20 MB and 50 megapixels.',
  imageUnreadable: 'This picture could not be read: it may be damaged or incomplete. Try saving it again as JPEG or PNG.',
  pdfUnreadable:
    'This PDF could not be read, so its hidden details (author, software, dates) could not be removed. Try saving or exporting it again as PDF.',
  pdfEncrypted: 'This PDF is protected by a password: remove the protection and upload it again.',
  transcodeFailed:
    'Kapwa could not convert this video for playback: it may be damaged or incomplete. Try exporting it again from the camera or phone.',
} as const;
