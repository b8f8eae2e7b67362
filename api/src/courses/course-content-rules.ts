import { createHash } from 'node:crypto';

/**
 * What a course's catalogue card and landing page say about it (outcomes, audience, accent colour),
 * held to the same limits whether they come from content/courses/<slug>/course.yaml or from a trainer's
 * form (dto/course.inputs.ts).
 */
export const COURSE_CONTENT_LIMITS = {
  /** Outcomes listed, each one line. */
  outcomes: 12,
  outcomeLength: 300,
  audienceLength: 2000,
  durationWeeksMax: 52,
};

/** `#` and six hexadecimal digits; stored in lowercase. */
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

/**
 * The accent colour of a course that chose none: the same for a slug on every server and every day, so a
 * course's generated cover never changes by itself. The slug's SHA-256 picks a hue (0–359°); saturation
 * 35 % and lightness 32 % keep every hue calm, not neon, and dark enough for white text on it (contrast
 * of at least 4.5:1, checked for all hues in course-content-rules.test.ts).
 */
export function colorForSlug(slug: string): string {
  const hue = createHash('sha256').update(slug).digest().readUInt16BE(0) % 360;
  return hslToHex(hue, 0.35, 0.32);
}

/** The colour a course shows: the one chosen for it, or the one its slug gives. */
export function courseColor(course: { slug: string; chosenColor: string | null }): string {
  return course.chosenColor ?? colorForSlug(course.slug);
}

export function hslToHex(hue: number, saturation: number, lightness: number): string {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - chroma / 2 * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
