import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { SignUpForm } from '../features/accounts/components/sign-up-form';
import { useSession } from '../app/session';
import { usePageTitle } from './use-page-title';

export default function SignUpPage() {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  const location = useLocation();
  const { me } = useSession();
  usePageTitle(t('signUp.title'));
  // Where the visitor was going, e.g. an invitation to accept once they have an account.
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (me) return <Navigate to={from} replace />;
  return (
    <section className="narrow">
      <h1 id="sign-up-title">{t('signUp.title')}</h1>
      <p>{t('signUp.intro')}</p>
      <SignUpForm onDone={() => void navigate(from)} />
      <p>
        {t('signUp.haveAccount')} <Link to="/log-in">{t('signUp.logInInstead')}</Link>
      </p>
    </section>
  );
}
