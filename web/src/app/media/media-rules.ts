/**
 * What the server accepts for each purpose (api/src/media/media-rules.ts), checked before a byte is sent so
 * nobody waits an hour on a slow link to learn that a file is too large. The server checks again.
 */
export type MediaPurpose = 'ASSIGNMENT_ATTACHMENT' | 'GRANT_VIDEO' | 'RESOURCE';
type Kind = 'VIDEO' | 'AUDIO' | 'IMAGE' | 'DOCUMENT';

const MB = 1024 * 1024;
export const SIZE_LIMITS: Record<Kind, number> = { VIDEO: 2 * 1024 * MB, AUDIO: 2 * 1024 * MB, IMAGE: 20 * MB, DOCUMENT: 50 * MB };
const ACCEPTED: Record<MediaPurpose, Kind[]> = {
  GRANT_VIDEO: ['VIDEO'],
  ASSIGNMENT_ATTACHMENT: ['VIDEO', 'AUDIO', 'IMAGE', 'DOCUMENT'],
  RESOURCE: ['VIDEO', 'AUDIO', 'IMAGE', 'DOCUMENT'],
};
const IMAGES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const DOCUMENTS: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  odp: 'application/vnd.oasis.opendocument.presentation',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};
const MEDIA_EXTENSIONS: Record<string, string> = {
  mp4: 'video/mp4', m4v: 'video/mp4', mov: 'video/quicktime', webm: 'video/webm', mkv: 'video/x-matroska', avi: 'video/x-msvideo', '3gp': 'video/3gpp',
  mp3: 'audio/mpeg', m4a: 'audio/mp4', wav: 'audio/wav', ogg: 'audio/ogg', opus: 'audio/ogg', flac: 'audio/flac',
};

/** The type to announce for a file: the browser's, or one from its extension when the browser knows none. */
export function fileType(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  return DOCUMENTS[extension] ?? MEDIA_EXTENSIONS[extension] ?? IMAGES[extension] ?? 'application/octet-stream';
}

function kindOf(type: string): Kind | null {
  if (type.startsWith('video/')) return 'VIDEO';
  if (type.startsWith('audio/')) return 'AUDIO';
  if (Object.values(IMAGES).includes(type)) return 'IMAGE';
  return Object.values(DOCUMENTS).includes(type) ? 'DOCUMENT' : null;
}

export type FileProblem = { problem: 'type' } | { problem: 'size'; limitMb: number } | { problem: 'empty' };

/** Why a file cannot be uploaded for this purpose, or null when it may. */
export function fileProblem(file: { name: string; type: string; size: number }, purpose: MediaPurpose): FileProblem | null {
  const kind = kindOf(fileType(file));
  if (!kind || !ACCEPTED[purpose].includes(kind)) return { problem: 'type' };
  if (file.size === 0) return { problem: 'empty' };
  if (file.size > SIZE_LIMITS[kind]) return { problem: 'size', limitMb: SIZE_LIMITS[kind] / MB };
  return null;
}

/** The `accept` attribute of the file input for a purpose. */
export function acceptFor(purpose: MediaPurpose): string {
  const kinds = ACCEPTED[purpose];
  return [
    ...(kinds.includes('VIDEO') ? ['video/*'] : []),
    ...(kinds.includes('AUDIO') ? ['audio/*'] : []),
    ...(kinds.includes('IMAGE') ? [...new Set(Object.values(IMAGES))] : []),
    ...(kinds.includes('DOCUMENT') ? Object.keys(DOCUMENTS).map((extension) => `.${extension}`) : []),
  ].join(',');
}

/** Bytes a second over the last few seconds, from samples of (time ms, bytes sent). */
export function speedOf(samples: { at: number; bytes: number }[]): number | null {
  if (samples.length < 2) return null;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const seconds = (last.at - first.at) / 1000;
  return seconds > 0 ? (last.bytes - first.bytes) / seconds : null;
}
