import { useMutation } from '@apollo/client/react';
import { DeleteLessonDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { RemoveDialog } from './remove-dialog';

interface Props {
  courseId: string;
  lesson: { id: string; title: string };
  open: boolean;
  onClose(): void;
  onRemoved(): void;
}

/**
 * Removing a lesson loses learners' ticks on it: it asks once more. The answer is the module with its
 * remaining lessons (later ones moved up), which updates the outline through the cache.
 */
export function RemoveLessonDialog({ courseId, lesson, open, onClose, onRemoved }: Props) {
  const { t } = useTranslation('courses');
  const [mutate, { loading }] = useMutation(DeleteLessonDocument);
  return (
    <RemoveDialog
      open={open}
      title={t('editor.removeLessonTitle')}
      question={t('editor.removeLessonQuestion', { title: lesson.title })}
      confirm={t('editor.removeLessonConfirm')}
      confirming={t('editor.removing')}
      keep={t('editor.keepLesson')}
      busy={loading}
      onClose={onClose}
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
        onRemoved();
      }}
    />
  );
}
