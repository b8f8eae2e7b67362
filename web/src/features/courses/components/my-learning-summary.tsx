import { useTranslation } from 'react-i18next';
import { MyLearningList } from './my-learning-list';

/** The dashboard's short "My learning": loaded on its own, so the signed-out home page never fetches it. */
export default function MyLearningSummary() {
  const { t } = useTranslation('courses');
  return (
    <section aria-labelledby="my-learning-summary" className="dashboard-section">
      <h2 id="my-learning-summary">{t('learning.title')}</h2>
      <MyLearningList limit={3} headingLevel={3} />
    </section>
  );
}
