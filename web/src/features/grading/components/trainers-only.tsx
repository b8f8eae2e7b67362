import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageCourse, useViewer } from '../../../app/use-viewer';
import { LinkButton } from '../../../ui/button';
import { EmptyState } from '../../../ui/empty-state';

/**
 * Grading and the gradebook for the course's trainers and admins; anyone else is told so (the API refuses
 * them everything anyway).
 */
export function TrainersOnly({ course, children }: { course: { slug: string; myEnrollment?: { role: string } | null }; children: ReactNode }) {
  const { t } = useTranslation('grading');
  const { isAdmin } = useViewer();
  if (canManageCourse(isAdmin, course.myEnrollment)) return children;
  return (
    <section className="narrow">
      <EmptyState headingLevel={1} title={t('notAllowed.title')} action={<LinkButton to={`/courses/${course.slug}`}>{t('notAllowed.back')}</LinkButton>}>
        <p>{t('notAllowed.hint')}</p>
      </EmptyState>
    </section>
  );
}
