import { useTranslation } from 'react-i18next';
import { MyLearningList } from '../features/courses/components/my-learning-list';
import { usePageTitle } from './use-page-title';

export default function MyLearningPage() {
  const { t } = useTranslation('courses');
  usePageTitle(t('learning.title'));
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('learning.title')}</h1>
      <MyLearningList />
    </section>
  );
}
