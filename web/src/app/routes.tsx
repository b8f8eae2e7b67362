import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';

type PageModule = { default: ComponentType };
/** A lazy page that can also be fetched ahead of rendering (alongside its translations). */
export type LazyPage = LazyExoticComponent<ComponentType> & { preload(): Promise<PageModule> };

function page(load: () => Promise<PageModule>): LazyPage {
  return Object.assign(lazy(load), { preload: load });
}

/**
 * Every page is its own chunk, fetched when first visited: the first load carries only the shell.
 * A capability adds its pages here, with the translation namespaces the page renders: the route
 * waits for them (see app.tsx), so no untranslated key shows while a feature's text loads.
 */
export interface PageRoute {
  path: string;
  page: LazyPage;
  /** Send signed-out visitors to the log-in page. */
  requiresSession?: boolean;
  /** The page uses GraphQL hooks: load the data layer first (see app/data). */
  data?: boolean;
  /** Translation namespaces the page (and what it renders directly) uses, beyond the shell's (i18n.ts). */
  ns?: string[];
}

const grantsPages = page(() => import('../pages/grants-routes'));
// The community's pages behind one chunk (pages/community-routes.tsx), the moderation queue with them.
const community = { page: page(() => import('../pages/community-routes')), requiresSession: true, data: true, ns: ['community'] };
const directoryPages = page(() => import('../pages/directory-routes'));
const networkDigestsPages = page(() => import('../pages/network-digests-routes'));

export const ROUTES: PageRoute[] = [
  { path: '/', page: page(() => import('../pages/home-page')), ns: ['welcome'] },
  { path: '/sign-up', page: page(() => import('../pages/sign-up-page')), data: true, ns: ['accounts'] },
  { path: '/log-in', page: page(() => import('../pages/log-in-page')), data: true, ns: ['accounts'] },
  { path: '/forgot-password', page: page(() => import('../pages/forgot-password-page')), data: true, ns: ['accounts'] },
  { path: '/reset-password', page: page(() => import('../pages/reset-password-page')), data: true, ns: ['accounts'] },
  { path: '/verify-email', page: page(() => import('../pages/verify-email-page')), data: true, ns: ['accounts'] },
  { path: '/confirm-email', page: page(() => import('../pages/confirm-email-page')), data: true, ns: ['accounts'] },
  { path: '/profile', page: page(() => import('../pages/profile-page')), requiresSession: true, data: true, ns: ['accounts', 'live-sessions', 'media'] },
  { path: '/courses', page: page(() => import('../pages/courses-page')), data: true, ns: ['courses', 'certificates'] },
  { path: '/courses/new', page: page(() => import('../pages/new-course-page')), requiresSession: true, data: true, ns: ['courses'] },
  { path: '/courses/:slug', page: page(() => import('../pages/course-page')), data: true, ns: ['courses', 'live-sessions', 'assignments'] },
  { path: '/courses/:slug/sessions', page: page(() => import('../pages/course-schedule-page')), data: true, ns: ['live-sessions', 'courses', 'assignments'] },
  { path: '/courses/:slug/lessons/:lessonId', page: page(() => import('../pages/lesson-page')), data: true, ns: ['courses', 'assignments'] },
  { path: '/courses/:slug/assignments', page: page(() => import('../pages/course-assignments-page')), data: true, ns: ['assignments', 'courses'] },
  { path: '/courses/:slug/assignments/:assignmentId', page: page(() => import('../pages/assignment-page')), data: true, ns: ['assignments', 'courses', 'media'] },
  { path: '/courses/:slug/assignments/:assignmentId/shared', page: page(() => import('../pages/shared-submissions-page')), data: true, ns: ['assignments', 'courses', 'media'] },
  { path: '/courses/:slug/edit', page: page(() => import('../pages/course-editor-page')), requiresSession: true, data: true, ns: ['courses'] },
  { path: '/courses/:slug/grading', page: page(() => import('../pages/course-grading-page')), requiresSession: true, data: true, ns: ['grading', 'courses', 'media'] },
  { path: '/courses/:slug/gradebook', page: page(() => import('../pages/course-gradebook-page')), requiresSession: true, data: true, ns: ['grading', 'courses'] },
  { path: '/courses/:slug/evaluation', page: page(() => import('../pages/course-evaluation-page')), requiresSession: true, data: true, ns: ['courses'] },
  { path: '/learning', page: page(() => import('../pages/my-learning-page')), requiresSession: true, data: true, ns: ['courses'] },
  { path: '/notifications', page: page(() => import('../pages/notifications-page')), requiresSession: true, data: true },
  { path: '/certificates', page: page(() => import('../pages/verify-certificate-page')), ns: ['certificates'] },
  { path: '/certificates/:code', page: page(() => import('../pages/certificate-page')), data: true, ns: ['certificates'] },
  { path: '/admin', page: page(() => import('../pages/admin-page')), requiresSession: true, data: true, ns: ['admin'] },
  { path: '/admin/people', page: page(() => import('../pages/admin-people-page')), requiresSession: true, data: true, ns: ['admin'] },
  { path: '/admin/organizations', page: page(() => import('../pages/admin-organizations-page')), requiresSession: true, data: true, ns: ['admin', 'accounts'] },
  { path: '/admin/audit', page: page(() => import('../pages/admin-audit-page')), requiresSession: true, data: true, ns: ['admin'] },
  { path: '/admin/design', page: page(() => import('../pages/admin-design-page')), requiresSession: true, data: true, ns: ['admin'] },
  // Every small-grants page behind one chunk (pages/grants-routes.tsx): two entries here, not nine.
  { path: '/grants/*', page: grantsPages, data: true, ns: ['grants', 'media'] },
  { path: '/case-studies', page: grantsPages, data: true, ns: ['grants', 'media'] },
  { path: '/community/*', ...community },
  { path: '/admin/moderation', ...community },
  // The resource library's pages behind one chunk (pages/resources-routes.tsx).
  { path: '/resources/*', page: page(() => import('../pages/resources-routes')), data: true, ns: ['resources', 'media'] },
  // The alumni directory and organizations' pages behind one chunk (pages/directory-routes.tsx).
  { path: '/directory/*', page: directoryPages, data: true, ns: ['directory', 'accounts'] },
  { path: '/organizations/:id', page: directoryPages, data: true, ns: ['directory', 'accounts'] },
  // Notification settings, unsubscribe and invitations into spaces: one chunk (pages/network-digests-routes.tsx,
  // which asks for a session where one is needed; its pages wait for their `network` words themselves).
  { path: '/settings/notifications', page: networkDigestsPages, data: true },
  { path: '/unsubscribe', page: networkDigestsPages },
  { path: '/invitations/spaces', page: networkDigestsPages, data: true },
  { path: '/invitations/accept', page: page(() => import('../pages/accept-invitation-page')), data: true, ns: ['courses'] },
  { path: '*', page: page(() => import('../pages/not-found-page')) },
];
