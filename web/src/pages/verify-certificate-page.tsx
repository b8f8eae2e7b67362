import { useTranslation } from 'react-i18next';
import { VerifyForm } from '../features/certificates/components/verify-form';
import { usePageTitle } from './use-page-title';

export default function VerifyCertificatePage() {
  const { t } = useTranslation('certificates');
  usePageTitle(t('verify.title'));
  return (
    <section className="narrow">
      <VerifyForm heading="h1" />
      <p>{t('verify.intro')}</p>
    </section>
  );
}
