// A learner attaches a short video to their work, hands it in, and the course's trainer plays it at the
// grading desk: the upload control, processing, the assignments rule of media access and the player, end to end.
import { expect } from '@jest/globals';
import { addCourseMember, courseModuleIds, createAdminAccount, createAssignment, enrol, publishedCourse, signUp } from './api.js';
import { logIn, useBrowser, withPage } from './browser.js';
import { smallVideo } from './videos.js';

const browser = useBrowser();
const TIMEOUT = { timeout: 15_000 };

/** Plays a <video> muted for a moment: how far it got, and from where. */
function play(video) {
  return video.evaluate(async (element) => {
    element.muted = true;
    await element.play();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return { time: element.currentTime, src: element.currentSrc };
  });
}

test('a learner attaches a video to their work and submits; the trainer plays it at the grading desk', async () => {
  const admin = await createAdminAccount();
  const course = await publishedCourse(admin.token, { title: `Interviews with defenders ${Date.now()}` });
  const [week] = await courseModuleIds(admin.token, course.slug);
  const trainer = await signUp({ displayName: 'Trainer Ratana', timeZone: 'Asia/Bangkok' });
  await addCourseMember(admin.token, { courseId: course.id, userId: trainer.user.id, role: 'TRAINER' });
  const learner = await signUp({ displayName: 'Kyaw (pseudonym)', timeZone: 'Asia/Yangon' });
  await enrol(learner.token, course.id);
  const title = 'Interview a defender';
  const assignment = await createAssignment(admin.token, { courseId: course.id, moduleId: week, title });
  const video = smallVideo('interview.mp4');

  await withPage(browser(), 'learner attaches a video', async (page) => {
    await logIn(page, learner);
    await page.goto(`/courses/${course.slug}/assignments/${assignment.id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor(TIMEOUT);
    await page.getByLabel('Your answer').fill('The interview is attached.');

    await page.getByLabel('Attach a file (video, recording or document)').setInputFiles(video);
    const files = page.getByRole('list', { name: 'Files attached to this work' });
    await files.getByText('interview.mp4').waitFor({ timeout: 30_000 });
    // Processed by the worker, it plays in the draft.
    await files.getByLabel('Video: interview.mp4').waitFor({ timeout: 60_000 });
    await page.getByTestId('save-state').filter({ hasText: /^Saved \d\d:\d\d$/ }).waitFor(TIMEOUT);

    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, submit' }).click();
    await page.getByTestId('submitted-at').filter({ hasText: /^Submitted / }).waitFor(TIMEOUT);
    const handedIn = page.getByRole('list', { name: 'Files handed in with this work' });
    await handedIn.getByLabel('Video: interview.mp4').waitFor(TIMEOUT);
    await expect(handedIn.getByRole('button', { name: /Remove/ }).count()).resolves.toBe(0);
  });

  await withPage(browser(), 'trainer plays the attachment', async (page) => {
    await logIn(page, trainer);
    await page.goto(`/courses/${course.slug}/grading`);
    await page.getByRole('heading', { level: 2, name: 'Kyaw (pseudonym)' }).waitFor(TIMEOUT);
    const files = page.getByRole('list', { name: 'Files attached by Kyaw (pseudonym)' });
    const player = files.getByLabel('Video: interview.mp4');
    await player.waitFor(TIMEOUT);
    const playing = await play(player);
    expect(playing.time).toBeGreaterThan(0.5);
    expect(playing.src).toMatch(/\/media\/[0-9a-f-]{36}\/video\?/);
    // Audio only, for a slow link.
    await files.getByRole('button', { name: 'Audio only (for slow connections)' }).click();
    await files.locator('audio').waitFor(TIMEOUT);
  });
}, 180_000);
