import { spawn } from 'node:child_process';

/** Debian's binaries (apt-get install -y ffmpeg); FFMPEG / FFPROBE may point elsewhere. */
export const FFMPEG = process.env.FFMPEG || 'ffmpeg';
export const FFPROBE = process.env.FFPROBE || 'ffprobe';

export class ToolError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

/** Runs a tool to its end; its standard output, or a ToolError with the end of its error output. */
export function run(command: string, args: string[], timeoutMs = 60 * 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    // Only the end is kept: ffmpeg can write a lot, and memory must not grow with the file.
    child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => (clearTimeout(timer), reject(new ToolError(`${command} could not start: ${error.message}`, ''))));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out).toString());
      else reject(new ToolError(`${command} ended with ${signal ?? `code ${code}`}`, err));
    });
  });
}

export interface Probe {
  durationSeconds: number | null;
  video: { codec: string; width: number; height: number } | null;
  audio: { codec: string } | null;
  format: string;
}

/** What ffprobe finds in a file; a ToolError when it cannot read it as media at all. */
export async function probe(file: string): Promise<Probe> {
  const json = JSON.parse(await run(FFPROBE, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], 120_000));
  const streams: { codec_type: string; codec_name: string; width?: number; height?: number; disposition?: { attached_pic?: number } }[] = json.streams ?? [];
  // A cover picture in a recording is no video.
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const duration = Number(json.format?.duration);
  return {
    durationSeconds: Number.isFinite(duration) && duration > 0 ? Math.round(duration * 1000) / 1000 : null,
    video: video ? { codec: video.codec_name, width: video.width ?? 0, height: video.height ?? 0 } : null,
    audio: audio ? { codec: audio.codec_name } : null,
    format: String(json.format?.format_name ?? ''),
  };
}

/**
 * Options that drop every tag of the source (global, per stream, chapters), so no place, camera, phone or
 * time of filming travels into a rendition; bitexact leaves out the encoder's own stamp too.
 */
const STRIP = ['-map_metadata', '-1', '-map_chapters', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];

/** H.264 at 360 lines, ~400 kbps with ~48 kbps AAC sound, moov first so playback starts before the end arrives. */
export function lowBitrateVideoArgs(input: string, output: string, hasAudio: boolean): string[] {
  return [
    '-nostdin', '-y', '-v', 'error', '-i', input,
    '-map', '0:v:0', ...(hasAudio ? ['-map', '0:a:0'] : []),
    ...STRIP,
    '-vf', "scale=-2:'min(360,ih)':flags=bicubic,format=yuv420p",
    '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-b:v', '350k', '-maxrate', '400k', '-bufsize', '800k', '-g', '48',
    ...(hasAudio ? ['-c:a', 'aac', '-b:a', '48k', '-ac', '1'] : []),
    '-movflags', '+faststart', '-f', 'mp4', output,
  ];
}

/** Sound only, mono AAC ~48 kbps in MP4 (plays in every browser), for links too slow for pictures. */
export function audioOnlyArgs(input: string, output: string): string[] {
  return ['-nostdin', '-y', '-v', 'error', '-i', input, '-map', '0:a:0', '-vn', ...STRIP, '-c:a', 'aac', '-b:a', '48k', '-ac', '1', '-movflags', '+faststart', '-f', 'mp4', output];
}

/** One frame a second in (or halfway through a shorter video), as a 360-line JPEG. */
export function thumbnailArgs(input: string, output: string, durationSeconds: number | null): string[] {
  const at = Math.min(1, (durationSeconds ?? 0) / 2);
  return ['-nostdin', '-y', '-v', 'error', '-ss', at.toFixed(3), '-i', input, '-map', '0:v:0', ...STRIP, '-frames:v', '1', '-vf', "scale=-2:'min(360,ih)'", '-q:v', '5', '-f', 'image2', '-c:v', 'mjpeg', output];
}

/**
 * A picture re-encoded from its pixels alone, at most 2048 pixels on its longer side: JPEG stays JPEG, PNG and
 * WebP become WebP (transparency kept). Nothing of the source's EXIF, XMP, ICC or text chunks is copied, so no
 * GPS position, camera, phone or time of taking survives. ffmpeg turns the picture upright by its EXIF
 * orientation first, so dropping that tag leaves it the right way up.
 */
export function imageArgs(input: string, output: string, format: 'jpeg' | 'webp'): string[] {
  const fit = "scale='min(2048,iw)':'min(2048,ih)':force_original_aspect_ratio=decrease";
  const encode = format === 'jpeg' ? ['-vf', `${fit},format=yuvj420p`, '-c:v', 'mjpeg', '-q:v', '3', '-f', 'image2'] : ['-vf', fit, '-c:v', 'libwebp', '-quality', '82', '-f', 'webp'];
  return ['-nostdin', '-y', '-v', 'error', '-i', input, '-map', '0:v:0', ...STRIP, '-frames:v', '1', ...encode, output];
}

/** A picture's thumbnail: a 360-line JPEG (smaller pictures keep their size). */
export function imageThumbnailArgs(input: string, output: string): string[] {
  return ['-nostdin', '-y', '-v', 'error', '-i', input, '-map', '0:v:0', ...STRIP, '-frames:v', '1', '-vf', "scale=-2:'min(360,ih)',format=yuvj420p", '-q:v', '5', '-f', 'image2', '-c:v', 'mjpeg', output];
}
