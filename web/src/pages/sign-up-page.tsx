import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { SignUpForm } from '../features/accounts/components/sign-up-form';
import { useSession } from '../features/accounts/hooks/session';
import { usePageTitle } from './use-page-title';

export default function SignUpPage() {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  const { me } = useSession();
  usePageTitle(t('signUp.title'));
  if (me) return <Navigate to="/" replace />;
  return (
    <section className="narrow">
      <h1 id="sign-up-title">{t('signUp.title')}</h1>
      <p>{t('signUp.intro')}</p>
      <SignUpForm onDone={() => void navigate('/')} />
      <p>
        {t('signUp.haveAccount')} <Link to="/log-in">{t('signUp.logInInstead')}</Link>
      </p>
    </section>
  );
}
