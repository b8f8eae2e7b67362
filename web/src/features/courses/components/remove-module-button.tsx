import { useMutation } from '@apollo/client/react';
import { DeleteModuleDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { RemoveDialog } from './remove-dialog';

interface Props {
  module: { id: string; title: string; lessons: readonly unknown[] };
  open: boolean;
  onClose(): void;
  onRemoved(): void;
}

/**
 * Removing a module removes its lessons and learners' ticks on them: it asks once more. The answer is
 * the course's outline with later modules moved up, which updates the page through the cache.
 */
export function RemoveModuleDialog({ module, open, onClose, onRemoved }: Props) {
  const { t } = useTranslation('courses');
  const [mutate, { loading }] = useMutation(DeleteModuleDocument);
  return (
    <RemoveDialog
      open={open}
      title={t('editor.removeModuleTitle')}
      question={t('editor.removeModuleQuestion', { title: module.title, count: module.lessons.length })}
      confirm={t('editor.removeModuleConfirm')}
      confirming={t('editor.removing')}
      keep={t('editor.keepModule')}
      busy={loading}
      onClose={onClose}
      onConfirm={async () => {
        await mutate({ variables: { moduleId: module.id } });
        onRemoved();
      }}
    />
  );
}
