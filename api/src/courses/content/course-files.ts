import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import { isLocale, isTimeZone, multiLineTextProblem, normalizeText, singleLineTextProblem } from '@kapwa/shared';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { COVER_ALT_MAX, COVER_MAX_BYTES, type CoverImage, readCoverImage } from '../course-cover.js';
import { type CourseImage, imagePathInCourse, LESSON_IMAGE_MAX_BYTES, readLessonImage } from '../course-images.js';
import { markdownImages } from '../../platform/common/markdown.js';
import { tagList } from '../../platform/input/tags.js';
import { COLOR_PATTERN, COURSE_CONTENT_LIMITS } from '../course-content-rules.js';
import { CourseKind, CourseStatus } from '../course-enums.js';
import { SLUG_PATTERN } from '../dto/course.inputs.js';

/** A course read from content/courses/<slug>/, checked and ready to import. */
export interface CourseFile {
  slug: string;
  title: string;
  summary: string;
  kind: CourseKind;
  status: CourseStatus;
  language: string;
  timeZone: string;
  durationWeeks: number;
  startsAt: Date | null;
  /** What a learner will be able to do, one line each. */
  outcomes: string[];
  /** What the course is about, as short tags (platform/input/tags.ts); offered as expertise on completion. */
  topics: string[];
  audience: string | null;
  /** `#rrggbb` in lowercase, or null for the colour the slug gives. */
  color: string | null;
  cover: (CoverImage & { alt: string }) | null;
  /** Slugs of the spaces its alumni are invited into; null when the file does not say (the course keeps its own). */
  networkSpaces: string[] | null;
  modules: {
    title: string;
    part: string | null;
    opensAfterWeeks: number;
    /** `folder`: the lesson file's folder in the course folder, which its images' addresses are relative to. */
    lessons: { title: string; body: string; estimatedMinutes: number | null; folder: string }[];
    assignments: AssignmentFile[];
  }[];
  /** The images its lessons show (course-images.ts), each once. */
  images: (CourseImage & { bytes: Buffer })[];
  /** Live sessions, placed by week and day of the course at a time of day in the course's zone. */
  liveSessions: { title: string; week: number; day: number; time: string; durationMinutes: number; joinUrl: string | null }[];
}

/** An assignment of a module: its instructions in a Markdown file, which is also how the import recognises it. */
export interface AssignmentFile {
  /** The instructions file's path in the course folder: the assignment's key on later imports. */
  file: string;
  title: string;
  instructions: string;
  /** Due at a week and day of the course and a time of day in its zone, like live sessions; null: no due time. */
  due: { week: number; day: number; time: string } | null;
  groupWork: boolean;
  shareWithCohort: boolean;
  required: boolean;
  passPoints: number | null;
  rubric: { title: string; description: string | null; maxPoints: number }[];
}

/** Every problem found in the content, each naming the file and line, so an author can fix them all at once. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`the course content has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** Reads and checks every course folder under `dir`. Throws ContentError listing all problems. */
export function readCourseFiles(dir: string, root = process.cwd()): CourseFile[] {
  if (!existsSync(dir)) throw new ContentError([`${dir}: no such folder`]);
  const problems: string[] = [];
  const courses: CourseFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const folder = join(dir, name);
    if (!statSync(folder).isDirectory()) continue;
    const course = readCourseFolder(folder, name, relative(root, folder) || folder, problems);
    if (course) courses.push(course);
  }
  if (problems.length) throw new ContentError(problems);
  return courses;
}

function readCourseFolder(folder: string, folderName: string, shown: string, problems: string[]): CourseFile | null {
  const yamlPath = join(folder, 'course.yaml');
  const file = `${shown}/course.yaml`;
  if (!existsSync(yamlPath)) {
    problems.push(`${file}: missing (every course folder needs a course.yaml)`);
    return null;
  }
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(yamlPath, 'utf8'), { lineCounter: lines, prettyErrors: false });
  for (const error of doc.errors) {
    const { line, col } = lines.linePos(error.pos[0]);
    problems.push(`${file}:${line}:${col}: ${error.message.split('\n')[0]}`);
  }
  if (doc.errors.length) return null;
  const before = problems.length;

  const at = (node: YamlNode | null | undefined) => {
    const pos = node?.range ? lines.linePos(node.range[0]) : { line: 1, col: 1 };
    return `${file}:${pos.line}:${pos.col}`;
  };
  const problem = (node: YamlNode | null | undefined, path: string, message: string) => problems.push(`${at(node)}: ${path}: ${message}`);

  const top = doc.contents;
  if (!isMap(top)) {
    problem(top, '(top)', 'expected the course fields (slug, title, …)');
    return null;
  }
  const field = (map: YAMLMap, key: string) => map.get(key, true) as YamlNode | undefined;
  const text = (map: YAMLMap, key: string, path: string, { required = true, max = 200 } = {}): string | null => {
    const node = field(map, key);
    const value = node?.toJSON?.();
    if (value === undefined || value === null || value === '') {
      if (required) problem(node ?? map, `${path}${key}`, 'is required');
      return null;
    }
    if (typeof value !== 'string') problem(node, `${path}${key}`, 'must be text');
    else if (value.trim().length > max) problem(node, `${path}${key}`, `must be at most ${max} characters`);
    return typeof value === 'string' ? value.trim() : null;
  };
  const integer = (map: YAMLMap, key: string, path: string, min: number, max: number, required = true): number | null => {
    const node = field(map, key);
    const value = node?.toJSON?.();
    if (value === undefined || value === null) {
      if (required) problem(node ?? map, `${path}${key}`, 'is required');
      return null;
    }
    if (!Number.isInteger(value) || value < min || value > max) {
      problem(node, `${path}${key}`, `must be a whole number from ${min} to ${max}`);
      return null;
    }
    return value;
  };

  const slug = text(top, 'slug', '', { max: 80 });
  if (slug && !SLUG_PATTERN.test(slug)) problem(field(top, 'slug'), 'slug', 'use lowercase letters, digits and single hyphens');
  if (slug && slug !== folderName) problem(field(top, 'slug'), 'slug', `must match its folder name "${folderName}"`);
  const title = text(top, 'title', '');
  const summary = text(top, 'summary', '', { max: 5000 });
  const kind = text(top, 'kind', '') as CourseKind | null;
  if (kind && !Object.values(CourseKind).includes(kind)) problem(field(top, 'kind'), 'kind', 'must be COURSE or REFRESHER');
  const status = (text(top, 'status', '', { required: false }) ?? CourseStatus.DRAFT) as CourseStatus;
  if (status !== CourseStatus.DRAFT && status !== CourseStatus.PUBLISHED) problem(field(top, 'status'), 'status', 'must be DRAFT or PUBLISHED');
  const language = text(top, 'language', '', { max: 35 });
  if (language && !isLocale(language)) problem(field(top, 'language'), 'language', `"${language}" is not a language tag such as "en"`);
  const timeZone = text(top, 'timeZone', '', { max: 64 });
  if (timeZone && !isTimeZone(timeZone)) problem(field(top, 'timeZone'), 'timeZone', `"${timeZone}" is not an IANA time zone such as "Asia/Bangkok"`);
  const durationWeeks = integer(top, 'durationWeeks', '', 1, 52);
  const startsAtText = text(top, 'startsAt', '', { required: false });
  const startsAt = startsAtText ? new Date(startsAtText) : null;
  if (startsAt && Number.isNaN(startsAt.getTime())) problem(field(top, 'startsAt'), 'startsAt', 'must be a date such as 2027-02-01T02:00:00Z');

  const outcomes: string[] = [];
  const outcomesNode = field(top, 'outcomes');
  if (outcomesNode !== undefined && outcomesNode !== null) {
    if (!isSeq(outcomesNode)) problem(outcomesNode, 'outcomes', 'must be a list, one outcome per line starting with "- "');
    else {
      if (outcomesNode.items.length > COURSE_CONTENT_LIMITS.outcomes) problem(outcomesNode, 'outcomes', `list at most ${COURSE_CONTENT_LIMITS.outcomes} outcomes`);
      outcomesNode.items.forEach((item, i) => {
        const value = (item as YamlNode)?.toJSON?.();
        const outcome = typeof value === 'string' ? normalizeText(value) : '';
        const wrong =
          typeof value !== 'string' || !outcome
            ? 'must be a line of text'
            : (singleLineTextProblem(outcome) ??
              (outcome.length > COURSE_CONTENT_LIMITS.outcomeLength ? `must be at most ${COURSE_CONTENT_LIMITS.outcomeLength} characters` : null));
        if (wrong) problem(item as YamlNode, `outcomes[${i}]`, wrong);
        else outcomes.push(outcome);
      });
    }
  }
  let topics: string[] = [];
  const topicsNode = field(top, 'topics');
  if (topicsNode !== undefined && topicsNode !== null) {
    const value = topicsNode.toJSON?.();
    const result = isSeq(topicsNode) && Array.isArray(value) ? tagList(value) : { problem: 'must be a list, one topic per line starting with "- "' };
    if ('problem' in result) problem(topicsNode, 'topics', result.problem);
    else topics = result.tags;
  }
  const audienceText = text(top, 'audience', '', { required: false, max: COURSE_CONTENT_LIMITS.audienceLength });
  const audience = audienceText ? normalizeText(audienceText) : null;
  const audienceProblem = audience && multiLineTextProblem(audience);
  if (audienceProblem) problem(field(top, 'audience'), 'audience', audienceProblem);
  const color = text(top, 'color', '', { required: false, max: 7 });
  if (color && !COLOR_PATTERN.test(color)) problem(field(top, 'color'), 'color', 'must be # and six hexadecimal digits, such as "#2f5f6a" (put it in quotes)');
  const cover = readCover(folder, top, problem, text);
  const networkSpaces = readNetworkSpaces(top, problem, field);

  const modulesNode = field(top, 'modules');
  const modules: CourseFile['modules'] = [];
  const images = new Map<string, (CourseImage & { bytes: Buffer }) | { problem: string }>();
  if (!isSeq(modulesNode) || modulesNode.items.length === 0) {
    problem(modulesNode ?? top, 'modules', 'needs at least one module');
  } else {
    modulesNode.items.forEach((item, m) => {
      const path = `modules[${m}].`;
      if (!isMap(item)) return problem(item as YamlNode, `modules[${m}]`, 'expected title, part, opensAfterWeeks and lessons');
      const moduleTitle = text(item, 'title', path);
      const part = text(item, 'part', path, { required: false });
      const opensAfterWeeks = integer(item, 'opensAfterWeeks', path, 0, (durationWeeks ?? 52) - 1) ?? 0;
      const lessonsNode = field(item, 'lessons');
      const lessons: CourseFile['modules'][number]['lessons'] = [];
      if (!isSeq(lessonsNode) || lessonsNode.items.length === 0) {
        problem(lessonsNode ?? item, `${path}lessons`, 'needs at least one lesson');
      } else {
        lessonsNode.items.forEach((lessonItem, l) => {
          const lessonPath = `${path}lessons[${l}].`;
          if (!isMap(lessonItem)) return problem(lessonItem as YamlNode, `${path}lessons[${l}]`, 'expected file, title and estimatedMinutes');
          const lessonTitle = text(lessonItem, 'title', lessonPath);
          const estimatedMinutes = integer(lessonItem, 'estimatedMinutes', lessonPath, 1, 600, false);
          const fileName = text(lessonItem, 'file', lessonPath, { max: 300 });
          let body = '';
          if (fileName) {
            const found = findInCourse(folder, fileName);
            if ('wrong' in found) {
              problem(field(lessonItem, 'file'), `${lessonPath}file`, found.wrong === 'outside' ? OUTSIDE : `"${fileName}" does not exist`);
            } else {
              body = readFileSync(found.onDisk, 'utf8');
              if (!body.trim()) problem(field(lessonItem, 'file'), `${lessonPath}file`, `"${fileName}" is empty`);
            }
          }
          const lessonFolder = posix.dirname(posix.normalize(fileName ?? '.'));
          for (const wrong of lessonImageProblems(folder, lessonFolder, body, images)) {
            problem(field(lessonItem, 'file'), `${lessonPath}file`, `"${fileName}" ${wrong}`);
          }
          lessons.push({ title: lessonTitle ?? '', body, estimatedMinutes, folder: lessonFolder });
        });
      }
      const assignments = readAssignments(folder, item, path, durationWeeks ?? 52, { problem, text, integer, field });
      modules.push({ title: moduleTitle ?? '', part, opensAfterWeeks, lessons, assignments });
    });
  }
  const liveSessions: CourseFile['liveSessions'] = [];
  const sessionsNode = field(top, 'liveSessions');
  if (sessionsNode !== undefined && sessionsNode !== null) {
    if (!isSeq(sessionsNode)) problem(sessionsNode, 'liveSessions', 'must be a list of sessions');
    else
      sessionsNode.items.forEach((item, i) => {
        const path = `liveSessions[${i}].`;
        if (!isMap(item)) return problem(item as YamlNode, `liveSessions[${i}]`, 'expected title, week, day, time and durationMinutes');
        const sessionTitle = text(item, 'title', path) ?? '';
        if (liveSessions.some((s) => s.title === sessionTitle)) problem(field(item, 'title'), `${path}title`, 'is used by another session of this course');
        const week = integer(item, 'week', path, 1, durationWeeks ?? 52) ?? 1;
        const day = integer(item, 'day', path, 1, 7) ?? 1;
        const time = text(item, 'time', path, { max: 5 }) ?? '00:00';
        if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) problem(field(item, 'time'), `${path}time`, 'must be a time of day such as "11:30"');
        const durationMinutes = integer(item, 'durationMinutes', path, 15, 600) ?? 60;
        const joinUrl = text(item, 'joinUrl', path, { required: false, max: 2000 });
        if (joinUrl && !/^https:\/\/\S+$/.test(joinUrl)) problem(field(item, 'joinUrl'), `${path}joinUrl`, 'must be an https:// address');
        liveSessions.push({ title: sessionTitle, week, day, time, durationMinutes, joinUrl });
      });
  }

  if (problems.length > before) return null;
  return {
    liveSessions,
    slug: slug!,
    title: title!,
    summary: summary!,
    kind: kind!,
    status,
    language: language!,
    timeZone: timeZone!,
    durationWeeks: durationWeeks!,
    startsAt,
    outcomes,
    topics,
    audience,
    color: color ? color.toLowerCase() : null,
    cover,
    networkSpaces,
    modules,
    images: [...images.values()].filter((image): image is CourseImage & { bytes: Buffer } => !('problem' in image)),
  };
}

/**
 * What is wrong with the images a lesson shows, one line each; the images found are added to `images`
 * (by their path in the course folder, each file read and checked once however many lessons show it).
 */
function lessonImageProblems(
  folder: string,
  lessonFolder: string,
  body: string,
  images: Map<string, (CourseImage & { bytes: Buffer }) | { problem: string }>,
): string[] {
  const problems: string[] = [];
  for (const { src, alt } of markdownImages(body)) {
    const named = imagePathInCourse(lessonFolder, src);
    if ('problem' in named) {
      problems.push(`shows the image "${src}", which ${named.problem}`);
      continue;
    }
    if (!alt) problems.push(`shows the image "${src}" without saying what it shows: write it between the brackets, as in ![A map of the region](${src})`);
    if (!images.has(named.path)) images.set(named.path, readImageFile(folder, named.path));
    const image = images.get(named.path)!;
    if ('problem' in image) problems.push(`shows the image "${src}", which ${image.problem}`);
  }
  return problems;
}

function readImageFile(folder: string, path: string): (CourseImage & { bytes: Buffer }) | { problem: string } {
  const found = findInCourse(folder, path);
  if ('wrong' in found) return { problem: found.wrong === 'outside' ? OUTSIDE : `does not exist (looked for ${path} in the course folder)` };
  if (found.size > LESSON_IMAGE_MAX_BYTES) return { problem: 'is larger than 1 MB: make it smaller (learners read on slow connections)' };
  const checked = readLessonImage(readFileSync(found.onDisk));
  return 'problem' in checked ? checked : { path, ...checked };
}

const OUTSIDE = 'must be inside the course folder';

/** A file named in course.yaml or a lesson, relative to the course folder: where it is on disk, or why it is not there. */
function findInCourse(folder: string, name: string): { onDisk: string; size: number } | { wrong: 'outside' | 'missing' } {
  const onDisk = resolve(folder, name);
  if (!onDisk.startsWith(resolve(folder) + sep)) return { wrong: 'outside' };
  const stat = statSync(onDisk, { throwIfNoEntry: false });
  return stat?.isFile() ? { onDisk, size: stat.size } : { wrong: 'missing' };
}

/** `networkSpaces`: a list of space slugs (THEME, COUNTRY or NETWORK spaces), or absent. */
function readNetworkSpaces(top: YAMLMap, problem: Readers['problem'], field: Readers['field']): string[] | null {
  const node = field(top, 'networkSpaces');
  if (node === undefined || node === null) return null;
  if (!isSeq(node)) {
    problem(node, 'networkSpaces', 'must be a list of space slugs, one per line starting with "- "');
    return null;
  }
  const slugs: string[] = [];
  node.items.forEach((item, i) => {
    const value = (item as YamlNode)?.toJSON?.();
    if (typeof value !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) problem(item as YamlNode, `networkSpaces[${i}]`, 'must be a space slug such as "alumni-network"');
    else if (!slugs.includes(value)) slugs.push(value);
  });
  return slugs;
}

interface Readers {
  problem: (node: YamlNode | null | undefined, path: string, message: string) => void;
  text: (map: YAMLMap, key: string, path: string, options?: { required?: boolean; max?: number }) => string | null;
  integer: (map: YAMLMap, key: string, path: string, min: number, max: number, required?: boolean) => number | null;
  field: (map: YAMLMap, key: string) => YamlNode | undefined;
}

/** A module's `assignments:` (see content/README.md), checked by the rules the API applies to assignments. */
function readAssignments(folder: string, module: YAMLMap, modulePath: string, durationWeeks: number, { problem, text, integer, field }: Readers): AssignmentFile[] {
  const node = field(module, 'assignments');
  if (node === undefined || node === null) return [];
  if (!isSeq(node)) {
    problem(node, `${modulePath}assignments`, 'must be a list of assignments');
    return [];
  }
  const flag = (map: YAMLMap, key: string, path: string): boolean => {
    const value = field(map, key)?.toJSON?.();
    if (value !== undefined && value !== null && typeof value !== 'boolean') problem(field(map, key), `${path}${key}`, 'must be true or false');
    return value === true;
  };
  const points = (map: YAMLMap, key: string, path: string, min: number, max: number, required: boolean): number | null => {
    const value = field(map, key)?.toJSON?.();
    if (value === undefined || value === null) {
      if (required) problem(field(map, key) ?? map, `${path}${key}`, 'is required');
      return null;
    }
    if (typeof value !== 'number' || !(value >= min && value <= max)) {
      problem(field(map, key), `${path}${key}`, `must be a number from ${min} to ${max}`);
      return null;
    }
    return value;
  };
  return node.items.flatMap((item, a) => {
    const path = `${modulePath}assignments[${a}].`;
    if (!isMap(item)) {
      problem(item as YamlNode, `${modulePath}assignments[${a}]`, 'expected file, title and rubric');
      return [];
    }
    const title = text(item, 'title', path) ?? '';
    const titleProblem = title && singleLineTextProblem(normalizeText(title));
    if (titleProblem) problem(field(item, 'title'), `${path}title`, titleProblem);
    const file = text(item, 'file', path, { max: 200 }) ?? '';
    let instructions = '';
    if (file) {
      const found = findInCourse(folder, file);
      if ('wrong' in found) problem(field(item, 'file'), `${path}file`, found.wrong === 'outside' ? OUTSIDE : `"${file}" does not exist`);
      else {
        instructions = normalizeText(readFileSync(found.onDisk, 'utf8'));
        if (!instructions) problem(field(item, 'file'), `${path}file`, `"${file}" is empty`);
        else if (instructions.length > 50_000) problem(field(item, 'file'), `${path}file`, `"${file}" is longer than 50,000 characters`);
        else if (multiLineTextProblem(instructions)) problem(field(item, 'file'), `${path}file`, `"${file}": ${multiLineTextProblem(instructions)}`);
      }
    }
    const dueWeek = integer(item, 'dueWeek', path, 1, durationWeeks, false);
    const dueDay = integer(item, 'dueDay', path, 1, 7, dueWeek !== null) ?? 7;
    const dueTime = text(item, 'dueTime', path, { required: false, max: 5 }) ?? '23:59';
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(dueTime)) problem(field(item, 'dueTime'), `${path}dueTime`, 'must be a time of day such as "23:59"');
    const rubricNode = field(item, 'rubric');
    const rubric: AssignmentFile['rubric'] = [];
    if (!isSeq(rubricNode) || rubricNode.items.length === 0 || rubricNode.items.length > 20) {
      problem(rubricNode ?? item, `${path}rubric`, 'needs 1 to 20 criteria');
    } else {
      rubricNode.items.forEach((criterion, c) => {
        const criterionPath = `${path}rubric[${c}].`;
        if (!isMap(criterion)) return problem(criterion as YamlNode, `${path}rubric[${c}]`, 'expected title, description and maxPoints');
        const description = text(criterion, 'description', criterionPath, { required: false, max: 2000 });
        rubric.push({
          title: text(criterion, 'title', criterionPath) ?? '',
          description: description ? normalizeText(description) : null,
          maxPoints: points(criterion, 'maxPoints', criterionPath, 0.01, 1000, true) ?? 1,
        });
      });
    }
    const maxPoints = rubric.reduce((sum, c) => sum + c.maxPoints, 0);
    return [
      {
        file,
        title: normalizeText(title),
        instructions,
        due: dueWeek === null ? null : { week: dueWeek, day: dueDay, time: dueTime },
        groupWork: flag(item, 'groupWork', path),
        shareWithCohort: flag(item, 'shareWithCohort', path),
        required: flag(item, 'required', path),
        passPoints: points(item, 'passPoints', path, 0, maxPoints, false),
        rubric,
      },
    ];
  });
}

/**
 * `cover: cover.jpg` and `coverAlt: "…"`: an image in the course folder, checked by its content
 * (course-cover.ts). A cover needs its alternative text; alternative text without a cover is a mistake too.
 */
function readCover(
  folder: string,
  top: YAMLMap,
  problem: (node: YamlNode | null | undefined, path: string, message: string) => void,
  text: (map: YAMLMap, key: string, path: string, options?: { required?: boolean; max?: number }) => string | null,
): CourseFile['cover'] {
  const fileName = text(top, 'cover', '', { required: false, max: 300 });
  const alt = text(top, 'coverAlt', '', { required: !!fileName, max: COVER_ALT_MAX });
  const altProblem = alt && singleLineTextProblem(normalizeText(alt));
  if (altProblem) problem(top.get('coverAlt', true) as YamlNode, 'coverAlt', altProblem);
  if (!fileName) {
    if (alt) problem(top.get('coverAlt', true) as YamlNode, 'coverAlt', 'describes a cover, but there is no cover: name its file in "cover"');
    return null;
  }
  const read = (): CoverImage | { problem: string } => {
    const found = findInCourse(folder, fileName);
    if ('wrong' in found) return { problem: found.wrong === 'outside' ? OUTSIDE : `"${fileName}" does not exist` };
    if (found.size > COVER_MAX_BYTES) return { problem: `"${fileName}" is larger than 2 MB` };
    const checked = readCoverImage(readFileSync(found.onDisk));
    return 'problem' in checked ? { problem: `"${fileName}" ${checked.problem}` } : checked;
  };
  const image = read();
  if ('problem' in image) {
    problem(top.get('cover', true) as YamlNode, 'cover', image.problem);
    return null;
  }
  return alt && !altProblem ? { ...image, alt: normalizeText(alt) } : null;
}
