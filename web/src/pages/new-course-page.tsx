import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CourseForm } from '../features/courses/components/course-form';
import { useViewer } from '../app/use-viewer';
import { usePageTitle } from './use-page-title';

export default function NewCoursePage() {
  const { t } = useTranslation('courses');
  const navigate = useNavigate();
  const { isStaff, timeZone, language } = useViewer();
  usePageTitle(t('newCourse.title'));
  return (
    <section className="narrow">
      <h1 id="page-title">{t('newCourse.title')}</h1>
      {isStaff ? (
        <>
          <p>{t('newCourse.intro')}</p>
          <CourseForm timeZone={timeZone} language={language} onDone={(slug) => void navigate(`/courses/${slug}/edit`)} />
        </>
      ) : (
        <p role="alert" className="form-alert">
          {t('newCourse.notAllowed')} <Link to="/courses">{t('catalogue.back')}</Link>
        </p>
      )}
    </section>
  );
}
