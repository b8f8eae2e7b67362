// Runs every benchmark in turn and prints its figures. Figures, not pass/fail: compare runs yourself.
import { benchCourseOutline } from './course-outline.mjs';
import { benchGradingQueue } from './grading-queue.mjs';

await benchCourseOutline();
await benchGradingQueue();
