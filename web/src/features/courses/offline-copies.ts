import type { ApolloClient } from '@apollo/client';
import { CourseDocument, LessonDocument, type CourseQuery, type LessonQuery } from '@kapwa/graphql';
import { claimOfflineCopies, deviceStore, savedMediaCache, type KeyValueStore } from '../../app/offline/offline-store';

/**
 * "Save this week for offline": the course's outline and the week's lessons as the API answered them
 * (CourseQuery, LessonQuery) in the device's store, the images the lessons show in Cache Storage (the
 * service worker answers from there when the network is gone). Keys start with the person's id.
 */
export interface SavedCopy<T> {
  data: T;
  /** When it was saved (ISO 8601). */
  savedAt: string;
}

export interface SavedWeek {
  slug: string;
  moduleId: string;
  lessonIds: string[];
  images: string[];
  savedAt: string;
}

const courseKey = (userId: string, slug: string) => `${userId}/course/${slug}`;
const lessonKey = (userId: string, lessonId: string) => `${userId}/lesson/${lessonId}`;
const weekPrefix = (userId: string, slug: string) => `${userId}/week/${slug}/`;

/** The same-origin images a lesson's HTML shows (others are not fetched: they would tell another site who reads). */
export function lessonImages(bodyHtml: string, origin = window.location.origin): string[] {
  const found = new Set<string>();
  for (const [, src] of bodyHtml.matchAll(/<img\b[^>]*?\bsrc="([^"]+)"/gi)) {
    const url = new URL(src.replace(/&amp;/g, '&'), origin);
    if (url.origin === origin) found.add(url.href);
  }
  return [...found];
}

export async function saveWeek(
  client: ApolloClient,
  who: { userId: string; token: string },
  slug: string,
  moduleId: string,
  { store = deviceStore, now = new Date() }: { store?: KeyValueStore; now?: Date } = {},
): Promise<SavedWeek> {
  await claimOfflineCopies(who.userId, who.token, store);
  const { data: outline } = await client.query({ query: CourseDocument, variables: { slug }, fetchPolicy: 'network-only' });
  const module = outline?.course?.modules.find((item) => item.id === moduleId);
  if (!outline?.course || !module) throw new Error('That week is not available.');
  const lessons = await Promise.all(
    module.lessons.map(async (lesson) => {
      const { data } = await client.query({ query: LessonDocument, variables: { id: lesson.id }, fetchPolicy: 'network-only' });
      if (!data?.lesson) throw new Error('A lesson of that week is not available.');
      return data;
    }),
  );
  const images = lessons.flatMap((lesson) => lessonImages(lesson.lesson!.bodyHtml));
  if (images.length > 0) await (await caches.open(savedMediaCache(who.userId))).addAll(images);
  const savedAt = now.toISOString();
  await store.set(courseKey(who.userId, slug), { data: outline, savedAt } satisfies SavedCopy<CourseQuery>);
  for (const lesson of lessons) await store.set(lessonKey(who.userId, lesson.lesson!.id), { data: lesson, savedAt } satisfies SavedCopy<LessonQuery>);
  const week: SavedWeek = { slug, moduleId, lessonIds: lessons.map((lesson) => lesson.lesson!.id), images, savedAt };
  await store.set(`${weekPrefix(who.userId, slug)}${moduleId}`, week);
  return week;
}

export async function savedWeeks(userId: string, slug: string, store: KeyValueStore = deviceStore): Promise<SavedWeek[]> {
  const keys = await store.keys(weekPrefix(userId, slug));
  return (await Promise.all(keys.map((key) => store.get<SavedWeek>(key)))).filter((week): week is SavedWeek => !!week);
}

/** Forgets a saved week: its lessons, its images and, with the last week of the course, the outline. */
export async function removeWeek(userId: string, slug: string, moduleId: string, store: KeyValueStore = deviceStore): Promise<void> {
  const key = `${weekPrefix(userId, slug)}${moduleId}`;
  const week = await store.get<SavedWeek>(key);
  if (!week) return;
  for (const lessonId of week.lessonIds) await store.del(lessonKey(userId, lessonId));
  if (week.images.length > 0 && globalThis.caches) {
    const cache = await caches.open(savedMediaCache(userId));
    await Promise.all(week.images.map((url) => cache.delete(url)));
  }
  await store.del(key);
  if ((await savedWeeks(userId, slug, store)).length === 0) await store.del(courseKey(userId, slug));
}

export const savedCourse = (userId: string, slug: string, store: KeyValueStore = deviceStore) =>
  store.get<SavedCopy<CourseQuery>>(courseKey(userId, slug));

export const savedLesson = (userId: string, lessonId: string, store: KeyValueStore = deviceStore) =>
  store.get<SavedCopy<LessonQuery>>(lessonKey(userId, lessonId));
