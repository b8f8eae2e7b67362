// Runs every benchmark in turn (or those named: `node bench/run.mjs media`) and prints its figures.
// Figures, not pass/fail: compare runs yourself.
import { benchCourseOutline } from './course-outline.mjs';
import { benchForum } from './forum.mjs';
import { benchGradingQueue } from './grading-queue.mjs';
import { benchMediaUpload } from './media-upload.mjs';
import { benchPageTimings } from './page-timings.mjs';

const BENCHES = { outline: benchCourseOutline, grading: benchGradingQueue, media: benchMediaUpload, forum: benchForum, pages: benchPageTimings };
const chosen = process.argv.slice(2);
for (const [name, bench] of Object.entries(BENCHES)) {
  if (!chosen.length || chosen.includes(name)) await bench();
}
