import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the service worker downloads ahead (its precache): the app shell and what reading a saved week
 * needs, not every page of the app. The whole app is ~2 MB before compression, which a learner on a
 * 400 kbps link would pay on their first visit and again, file by file, after each release; the pages
 * they actually open are kept as they open them (sw.ts caches /assets/ as they are fetched).
 *
 * Reads the build's manifest (.vite/manifest.json) for the files the entry, the data layer and the
 * course and lesson pages import, with their styles.
 */
export const OFFLINE_READING_CHUNKS = ['src/app/data/data-layer.tsx', 'src/pages/course-page.tsx', 'src/pages/lesson-page.tsx'];
/** The translation namespaces of the course and lesson pages (routes.tsx), besides the shell's own. */
export const OFFLINE_READING_NAMESPACES = ['app', 'courses', 'live-sessions', 'assignments', 'media'];

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** The files (paths in dist) that the entry and the offline-reading pages load, statically. */
export function offlineReadingFiles(dist: string): Set<string> {
  const manifest: Record<string, ManifestChunk> = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`offline precache: the build has no ${key}`);
    seen.add(key);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of Object.keys(manifest)) if (manifest[key].isEntry) visit(key);
  for (const key of OFFLINE_READING_CHUNKS) visit(key);
  return files;
}

/** Keeps in the precache list what is not under /assets/, plus the offline-reading files and translations. */
export function offlinePrecache(dist: string) {
  return <Entry extends { url: string }>(entries: Entry[]) => {
    const reading = offlineReadingFiles(dist);
    const translation = /^assets\/t\/[^/]+\/([^/]+)\/[^/]+\.json$/;
    const manifest = entries.filter(({ url }) => {
      if (!url.startsWith('assets/')) return true;
      const ns = translation.exec(url)?.[1];
      return ns ? OFFLINE_READING_NAMESPACES.includes(ns) : reading.has(url);
    });
    return { manifest, warnings: [] as string[] };
  };
}
