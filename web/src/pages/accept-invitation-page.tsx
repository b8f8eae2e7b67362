import { useMutation } from '@apollo/client/react';
import { AcceptCourseInvitationDocument } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { FormAlert } from '../ui/field';
import { useSession } from '../app/session';
import { usePageTitle } from './use-page-title';

/** The link in an invitation email: log in or sign up first, then join with one press. */
export default function AcceptInvitationPage() {
  const { t } = useTranslation('courses');
  const { me, loading: sessionLoading } = useSession();
  const location = useLocation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [accept, { loading, data, error }] = useMutation(AcceptCourseInvitationDocument);
  const [tried, setTried] = useState(false);
  usePageTitle(t('invitations.accept.title'));
  const here = `${location.pathname}${location.search}`;
  const joined = data?.acceptCourseInvitation.course;

  return (
    <section className="narrow" aria-labelledby="accept-title">
      <h1 id="accept-title">{t('invitations.accept.title')}</h1>
      {!token ? (
        <p role="alert">{t('invitations.accept.missing')}</p>
      ) : joined ? (
        <p role="status">
          {t('invitations.accept.joined', { title: joined.title })} <Link to={`/courses/${joined.slug}`}>{t('invitations.accept.open')}</Link>
        </p>
      ) : sessionLoading ? (
        <p className="loading">{t('app:loading')}</p>
      ) : !me ? (
        <>
          <p>{t('invitations.accept.intro')}</p>
          <p>
            <Link to="/log-in" state={{ from: here }}>{t('invitations.accept.logIn')}</Link>
            {' · '}
            <Link to="/sign-up" state={{ from: here }}>{t('invitations.accept.signUp')}</Link>
          </p>
        </>
      ) : (
        <>
          {tried && error && <FormAlert message={t('invitations.accept.failed')} />}
          <button type="button" disabled={loading} onClick={() => { setTried(true); void accept({ variables: { token } }).catch(() => undefined); }}>
            {loading ? t('invitations.accept.joining') : t('invitations.accept.join')}
          </button>
        </>
      )}
    </section>
  );
}
