import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CertificateView } from '../features/certificates/components/certificate-view';
import { usePageTitle } from './use-page-title';

export default function CertificatePage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('certificates');
  usePageTitle(t('view.title'));
  return <CertificateView code={code} />;
}
