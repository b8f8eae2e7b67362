import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { signUp } from './api.js';
import { logIn, useBrowser, withPage } from './browser.js';

const browser = useBrowser();

/** Eight seconds of 720p video with sound (about 7 MB: two tus chunks), filmed "in Bangkok" with "a Canon". */
function makeVideo() {
  const file = join(mkdtempSync(join(tmpdir(), 'kapwa-upload-story-')), 'rally.mp4');
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=330',
    '-t', '8', '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '18', '-pix_fmt', 'yuv420p', '-c:a', 'aac',
    '-metadata', 'location=+13.7563+100.5018/', '-metadata', 'make=Canon', '-metadata', 'model=EOS', '-movflags', 'use_metadata_tags', file,
  ]);
  return file;
}

test('a video uploaded over a connection that drops, and a reload, arrives whole, is processed and plays (video and audio only)', async () => {
  const person = await signUp({ displayName: 'Malai (pseudonym)' });
  const video = makeVideo();
  await withPage(
    browser(),
    'upload that survives a dropped connection',
    async (page) => {
      await logIn(page, person);
      await page.goto('/profile#profile-uploads');
      const section = page.getByRole('region', { name: 'My uploads' });

      // The first chunk gets through; then the connection drops for every later one.
      let patches = 0;
      let creations = 0;
      let dropping = true;
      page.on('request', (request) => {
        if (request.url().includes('/uploads') && request.method() === 'POST') creations++;
      });
      await page.route('**/uploads/**', async (route) => {
        if (route.request().method() === 'PATCH' && ++patches > 1 && dropping) return route.abort('connectionreset');
        return route.continue();
      });
      await section.getByLabel('Choose a file').setInputFiles(video);
      await section.getByText('Connection lost: trying again…').waitFor({ timeout: 20_000 });
      const progress = section.getByRole('progressbar');
      const sent = Number(await progress.getAttribute('aria-valuenow'));
      expect(sent).toBeGreaterThan(0);
      expect(sent).toBeLessThan(100);

      // The person gives up and reloads. Choosing the same file again continues where it stopped.
      await page.reload();
      dropping = false;
      await section.getByText('An upload was interrupted.', { exact: false }).waitFor({ timeout: 15_000 });
      await section.getByLabel('Choose a file').setInputFiles(video);
      await section.getByText('Ready.').waitFor({ timeout: 60_000 });
      expect(creations).toBe(1); // resumed: never a second upload

      // The player starts with the low-bitrate rendition, and plays.
      const player = section.getByLabel('Video: rally.mp4');
      await player.waitFor({ timeout: 15_000 });
      const playing = await player.evaluate(async (element) => {
        element.muted = true;
        await element.play();
        await new Promise((resolve) => setTimeout(resolve, 1500));
        return { time: element.currentTime, src: element.currentSrc, width: element.videoWidth, height: element.videoHeight };
      });
      expect(playing.time).toBeGreaterThan(0.5);
      expect(playing.src).toMatch(/\/media\/[0-9a-f-]{36}\/video\?/);
      expect(playing.height).toBe(360);

      // Audio only, for a very slow link: the same recording without pictures.
      await section.getByRole('button', { name: 'Audio only (for slow connections)' }).click();
      const audio = section.locator('audio');
      const heard = await audio.evaluate(async (element) => {
        element.muted = true;
        await element.play();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return { time: element.currentTime, src: element.currentSrc };
      });
      expect(heard.time).toBeGreaterThan(0.3);
      expect(heard.src).toMatch(/\/media\/[0-9a-f-]{36}\/audio\?/);
    },
    { viewport: { width: 360, height: 740 } },
  );
}, 120_000);
