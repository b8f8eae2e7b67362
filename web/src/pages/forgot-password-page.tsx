import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ForgotPasswordForm } from '../features/accounts/components/forgot-password-form';
import { usePageTitle } from './use-page-title';

export default function ForgotPasswordPage() {
  const { t } = useTranslation('accounts');
  usePageTitle(t('forgotPassword.title'));
  return (
    <section className="narrow">
      <h1 id="forgot-password-title">{t('forgotPassword.title')}</h1>
      <p>{t('forgotPassword.intro')}</p>
      <ForgotPasswordForm />
      <p>
        <Link to="/log-in">{t('forgotPassword.backToLogIn')}</Link>
      </p>
    </section>
  );
}
