import { useMutation } from '@apollo/client/react';
import { DeleteLessonDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../ui/confirm-action';

interface Props {
  courseId: string;
  lesson: { id: string; title: string };
}

/**
 * Removing a lesson loses learners' ticks on it: it asks once more, in the page. The answer is the module
 * with its remaining lessons (later ones moved up), which updates the outline through the cache.
 */
export function RemoveLessonButton({ courseId, lesson }: Props) {
  const { t } = useTranslation('courses');
  const [mutate, { loading }] = useMutation(DeleteLessonDocument);
  return (
    <ConfirmAction
      id={`remove-${lesson.id}`}
      ask={t('editor.remove')}
      askLabel={t('editor.removeLessonNamed', { title: lesson.title })}
      askClassName="link-button"
      question={t('editor.removeLessonQuestion', { title: lesson.title })}
      confirm={t('editor.removeLessonConfirm')}
      confirming={t('editor.removing')}
      keep={t('editor.keepLesson')}
      busy={loading}
      onConfirm={async () => {
        await mutate({
          variables: { lessonId: lesson.id },
          update(cache) {
            cache.modify({
              id: cache.identify({ __typename: 'Course', id: courseId }),
              fields: { lessonCount: (count: number) => Math.max(0, count - 1) },
            });
          },
        });
      }}
    />
  );
}
