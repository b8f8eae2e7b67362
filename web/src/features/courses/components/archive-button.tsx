import { useMutation } from '@apollo/client/react';
import { ArchiveCourseDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { buttonClass } from '../../../ui/button';
import { ConfirmAction } from '../../../ui/confirm-action';

/** Closing a course to new learners is asked once more; the answer's status updates the page through the cache. */
export function ArchiveButton({ courseId }: { courseId: string }) {
  const { t } = useTranslation('courses');
  const [mutate, { loading }] = useMutation(ArchiveCourseDocument);
  return (
    <ConfirmAction
      id={`archive-${courseId}`}
      ask={t('editor.archive')}
      askClassName={buttonClass('secondary')}
      question={t('editor.archiveQuestion')}
      confirm={t('editor.archiveConfirm')}
      confirming={t('editor.archiving')}
      keep={t('editor.keepOpen')}
      busy={loading}
      onConfirm={async () => {
        await mutate({ variables: { courseId } });
      }}
    />
  );
}
