// Videos made by ffmpeg for stories that upload one: nothing binary is kept in the repository.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Three seconds of small video (640×360) with sound, in a fresh folder, named `filename`. */
export function smallVideo(filename) {
  const file = join(mkdtempSync(join(tmpdir(), 'kapwa-story-video-')), filename);
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440',
    '-t', '3', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', file,
  ]);
  return file;
}
