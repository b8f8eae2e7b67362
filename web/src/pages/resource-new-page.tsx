import { useTranslation } from 'react-i18next';
import { useViewer } from '../app/use-viewer';
import { ResourceForm } from '../features/resources/components/resource-form';
import { Breadcrumbs } from '../ui/breadcrumbs';
import { usePageTitle } from './use-page-title';
import '../features/resources/resources.css';

/** Admins and trainers add a resource to the library; members suggest one for an admin to review. */
export default function ResourceNewPage() {
  const { t } = useTranslation('resources');
  const { language, isStaff } = useViewer();
  const title = isStaff ? t('form.addTitle') : t('form.suggestTitle');
  usePageTitle(title);
  return (
    <section aria-labelledby="page-title" className="resources-page">
      <Breadcrumbs label={t('breadcrumbs')} items={[{ label: t('library.title'), to: '/resources' }, { label: title }]} />
      <h1 id="page-title">{title}</h1>
      <ResourceForm mode={isStaff ? 'add' : 'suggest'} language={language} />
    </section>
  );
}
