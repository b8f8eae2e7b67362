import { useMutation } from '@apollo/client/react';
import { DeleteModuleDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../ui/confirm-action';

interface Props {
  module: { id: string; title: string; lessons: readonly unknown[] };
}

/**
 * Removing a module removes its lessons and learners' ticks on them: it asks once more, in the page.
 * The answer is the course's outline with later modules moved up, which updates the page through the cache.
 */
export function RemoveModuleButton({ module }: Props) {
  const { t } = useTranslation('courses');
  const [mutate, { loading }] = useMutation(DeleteModuleDocument);
  return (
    <ConfirmAction
      id={`remove-${module.id}`}
      ask={t('editor.remove')}
      askLabel={t('editor.removeModuleNamed', { title: module.title })}
      askClassName="link-button"
      question={t('editor.removeModuleQuestion', { title: module.title, count: module.lessons.length })}
      confirm={t('editor.removeModuleConfirm')}
      confirming={t('editor.removing')}
      keep={t('editor.keepModule')}
      busy={loading}
      onConfirm={async () => {
        await mutate({ variables: { moduleId: module.id } });
      }}
    />
  );
}
