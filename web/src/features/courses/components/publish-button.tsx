import { useMutation } from '@apollo/client/react';
import { PublishCourseDocument } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { Button } from '../../../ui/button';
import { FormAlert } from '../../../ui/field';

/** Publishes a draft, or with `again` opens an archived course once more. */
export function PublishButton({ courseId, again = false }: { courseId: string; again?: boolean }) {
  const { t } = useTranslation('courses');
  const { t: tApp } = useTranslation('app');
  const [mutate, { loading }] = useMutation(PublishCourseDocument);
  const [error, setError] = useState<string | null>(null);

  async function publish() {
    setError(null);
    try {
      await mutate({ variables: { courseId } });
    } catch (e) {
      const [first] = apiErrorsOf(e);
      // CONFLICT says what is missing (e.g. no lessons yet): the API's sentence is the useful one.
      setError(first?.code === 'CONFLICT' ? t('editor.cannotPublish', { reason: first.message }) : tApp(`errors.${first?.code ?? 'UNKNOWN'}`, { defaultValue: tApp('errors.UNKNOWN') }));
    }
  }

  return (
    <div className="publish">
      <FormAlert message={error} />
      <Button onClick={() => void publish()} disabled={loading}>
        {loading ? t('editor.publishing') : t(again ? 'editor.publishAgain' : 'editor.publish')}
      </Button>
    </div>
  );
}
