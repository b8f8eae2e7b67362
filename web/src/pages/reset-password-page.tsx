import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ResetPasswordForm } from '../features/accounts/components/reset-password-form';
import { usePageTitle } from './use-page-title';

/** Opened from the emailed link: /reset-password?token=… */
export default function ResetPasswordPage() {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token');
  usePageTitle(t('resetPassword.title'));
  return (
    <section className="narrow">
      <h1 id="reset-password-title">{t('resetPassword.title')}</h1>
      {token ? (
        <>
          <p>{t('resetPassword.intro')}</p>
          <ResetPasswordForm token={token} onDone={() => void navigate('/', { replace: true })} />
        </>
      ) : (
        <p role="alert">{t('resetPassword.badLink')}</p>
      )}
      <p>
        <Link to="/forgot-password">{t('resetPassword.askAgain')}</Link>
      </p>
    </section>
  );
}
