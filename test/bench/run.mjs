// Runs every benchmark in turn and prints its figures. Figures, not pass/fail: compare runs yourself.
import { benchCourseOutline } from './course-outline.mjs';

await benchCourseOutline();
