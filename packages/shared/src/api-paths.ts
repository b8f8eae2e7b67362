/**
 * What the API answers over plain HTTP beside GraphQL's pages: every other GET a browser makes for a page
 * is the web app's. The API serving the built app (api/src/platform/web), the web dev server's proxy
 * (web/vite.config.ts), the service worker's page fallback (web/src/sw.ts) and nginx (docker/nginx.conf,
 * which a test compares) all go by this one list.
 */
export const API_PATH_PREFIXES = ['graphql', 'health', 'calendar', 'media', 'uploads', 'my-data', 'course-covers', 'course-images', 'email'] as const;

const GRADEBOOK = String.raw`courses/[^/]+/gradebook\.csv$`;

/** A course's gradebook download; the rest of /courses/… is the app's own pages. */
export const GRADEBOOK_PATH = new RegExp(`^/${GRADEBOOK}`);

/** Every path the API answers (a prefix above, as a whole path segment, or the gradebook download). */
export const API_PATH = new RegExp(`^/((${API_PATH_PREFIXES.join('|')})(/|$)|${GRADEBOOK})`);
