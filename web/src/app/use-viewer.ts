import { useTranslation } from 'react-i18next';
import { browserTimeZone } from '../ui/time-zone-select';
import { useSession } from './session';

/** Who is looking, and how to show them times: their profile's zone, or the browser's when signed out. */
export function useViewer() {
  const { me } = useSession();
  const { i18n } = useTranslation();
  const roles = me?.roles ?? [];
  return {
    me,
    language: i18n.resolvedLanguage ?? 'en',
    timeZone: me?.timeZone ?? browserTimeZone(),
    isAdmin: roles.includes('ADMIN'),
    /** May create courses. */
    isStaff: roles.includes('ADMIN') || roles.includes('TRAINER'),
  };
}

/** Admins, and the course's own trainers, run a course (the API decides; this only shows the links). */
export function canManageCourse(isAdmin: boolean, myEnrollment: { role: string } | null | undefined): boolean {
  return isAdmin || myEnrollment?.role === 'TRAINER';
}
