import { useMutation } from '@apollo/client/react';
import { ReleaseGradesDocument } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../ui/confirm-action';
import { FadingStatus } from '../../../ui/status';

interface Props {
  assignments: readonly { id: string; title: string }[];
  courseLanguage: string;
}

/** Per assignment: release every saved grade to its learners at once (they are notified), after asking. */
export function ReleaseGrades({ assignments, courseLanguage }: Props) {
  const { t } = useTranslation('grading');
  const [release, { loading }] = useMutation(ReleaseGradesDocument);
  const [status, setStatus] = useState<{ message: string; stamp: number } | null>(null);
  if (!assignments.length) return null;
  return (
    <section className="release-grades" aria-labelledby="release-heading">
      <h2 id="release-heading">{t('release.heading')}</h2>
      <p className="small">{t('release.intro')}</p>
      <ul className="release-list">
        {assignments.map((assignment) => (
          <li key={assignment.id}>
            <span lang={courseLanguage}>{assignment.title}</span>
            <ConfirmAction id={`release-${assignment.id}`} ask={t('release.ask')} askFor={assignment.title} askForLang={courseLanguage}
              askClassName="btn btn-secondary btn-small" question={t('release.question', { title: assignment.title })} confirm={t('release.confirm')}
              confirming={t('release.releasing')} keep={t('release.keep')} busy={loading}
              onConfirm={async () => {
                const count = (await release({ variables: { assignmentId: assignment.id } })).data?.releaseGrades ?? 0;
                setStatus({ message: t('release.done', { count, title: assignment.title }), stamp: Date.now() });
              }} />
          </li>
        ))}
      </ul>
      <FadingStatus message={status?.message ?? null} stamp={status?.stamp} seconds={10} />
    </section>
  );
}
