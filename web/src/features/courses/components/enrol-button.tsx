import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../ui/field';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { useEnroll } from '../hooks/use-course-mutations';

export function EnrolButton({ courseId }: { courseId: string }) {
  const { t } = useTranslation('courses');
  const { t: tApp } = useTranslation('app');
  const { enroll, loading } = useEnroll();
  const [error, setError] = useState<string | null>(null);

  async function click() {
    setError(null);
    try {
      await enroll(courseId);
    } catch (e) {
      const code = apiErrorsOf(e)[0]?.code;
      setError(code === 'CONFLICT' ? t('course.notOpen') : tApp(`errors.${code ?? 'UNKNOWN'}`, { defaultValue: tApp('errors.UNKNOWN') }));
    }
  }

  return (
    <>
      <FormAlert message={error} />
      <button type="button" onClick={click} disabled={loading}>
        {loading ? t('course.enrolling') : t('course.enrol')}
      </button>
    </>
  );
}
