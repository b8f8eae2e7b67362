import type { TFunction } from 'i18next';

/** The API's rules for course input (api/src/courses/dto), checked before sending; the API stays the authority. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const COURSE_LIMITS = {
  slugMin: 3, slugMax: 80, titleMin: 3, titleMax: 200, summaryMax: 5000, minutesMin: 1, minutesMax: 600,
  outcomesMax: 12, outcomeMax: 300, audienceMax: 2000,
};

/** What we tell a person about a refused field; `t` is the `courses` namespace. */
export function courseFieldMessage(t: TFunction, field: string, apiMessage?: string): string {
  return t(`errors.${field}`, { ...COURSE_LIMITS, defaultValue: apiMessage ?? t('errors.generic') });
}

/** The outcomes a textarea holds, one per non-empty line. */
export function outcomeLines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** The topics a comma-separated field holds: "reprisals, NHRI mandate" → ["reprisals", "NHRI mandate"] (the API tidies the rest). */
export function topicList(text: string): string[] {
  return text.split(/[,،、，]/).map((topic) => topic.trim()).filter(Boolean);
}

export function checkCourseFields(values: {
  slug: string; title: string; summary: string; startsAt: string; endsAt: string; outcomes?: string; audience?: string;
}): string[] {
  const refused: string[] = [];
  const slug = values.slug.trim();
  if (slug.length < COURSE_LIMITS.slugMin || slug.length > COURSE_LIMITS.slugMax || !SLUG_PATTERN.test(slug)) refused.push('slug');
  const title = values.title.trim().length;
  if (title < COURSE_LIMITS.titleMin || title > COURSE_LIMITS.titleMax) refused.push('title');
  const summary = values.summary.trim().length;
  if (summary < 1 || summary > COURSE_LIMITS.summaryMax) refused.push('summary');
  if (values.startsAt && values.endsAt && values.endsAt < values.startsAt) refused.push('endsAt');
  const outcomes = outcomeLines(values.outcomes ?? '');
  if (outcomes.length > COURSE_LIMITS.outcomesMax || outcomes.some((o) => o.length > COURSE_LIMITS.outcomeMax)) refused.push('outcomes');
  if ((values.audience ?? '').trim().length > COURSE_LIMITS.audienceMax) refused.push('audience');
  return refused;
}

/** "Defenders 2027: the role of NHRIs" → "defenders-2027-the-role-of-nhris", a suggestion for the address. */
export function suggestSlug(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, COURSE_LIMITS.slugMax)
    .replace(/-+$/, '');
}

/** The longest title a module or a lesson may have (AddModuleInput, AddLessonInput). */
export const OUTLINE_TITLE_MAX = 200;

/** Whether the API would refuse this module or lesson title: it needs 1 to 200 characters once trimmed. */
export function outlineTitleRefused(title: string): boolean {
  const length = title.trim().length;
  return length < 1 || length > OUTLINE_TITLE_MAX;
}
