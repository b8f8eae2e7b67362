import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { LogInForm } from '../features/accounts/components/log-in-form';
import { useSession } from '../app/session';
import { usePageTitle } from './use-page-title';

export default function LogInPage() {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  const location = useLocation();
  const { me } = useSession();
  usePageTitle(t('logIn.title'));
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (me) return <Navigate to={from} replace />;
  return (
    <section className="narrow">
      <h1 id="log-in-title">{t('logIn.title')}</h1>
      <LogInForm onDone={() => void navigate(from, { replace: true })} />
      <p>
        <Link to="/forgot-password">{t('logIn.forgotPassword')}</Link>
      </p>
      <p>
        {t('logIn.noAccount')} <Link to="/sign-up">{t('logIn.signUpInstead')}</Link>
      </p>
    </section>
  );
}
