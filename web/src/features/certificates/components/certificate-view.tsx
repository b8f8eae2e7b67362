import { useQuery } from '@apollo/client/react';
import { VerifyCertificateDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCalendarDate } from '@kapwa/shared';
import { QueryError } from '../../../ui/query-error';
import { useViewer } from '../../../app/use-viewer';
import { VerifyForm } from './verify-form';

/** The public page of a certificate: what it says, how to check it, and a clean printout. */
export function CertificateView({ code }: { code: string }) {
  const { t } = useTranslation('certificates');
  const { language } = useViewer();
  const { data, loading, error } = useQuery(VerifyCertificateDocument, { variables: { code } });
  if (loading && !data) return <p className="loading">{t('app:loading')}</p>;
  if (error) return <QueryError error={error} />;
  const certificate = data?.verifyCertificate;
  if (!certificate) {
    return (
      <section aria-labelledby="page-title" className="narrow">
        <h1 id="page-title">{t('notFound.title')}</h1>
        <p>{t('notFound.hint', { code })}</p>
        <VerifyForm initial={code} />
      </section>
    );
  }
  const url = `${window.location.origin}/certificates/${encodeURIComponent(certificate.code)}`;
  return (
    <>
      <article className="certificate" aria-labelledby="page-title">
        <p className="certificate-kicker">{t('view.kicker')}</p>
        <p>{t('view.certifies')}</p>
        <h1 id="page-title" className="certificate-holder">
          {certificate.holderName}
        </h1>
        <p>{t('view.completed')}</p>
        {/* The course's title in its language; the holder's name and the rest in the interface's. */}
        <p className="certificate-course" lang={certificate.course.language}>
          <Link to={`/courses/${certificate.course.slug}`}>{certificate.course.title}</Link>
        </p>
        <dl className="certificate-details">
          <div>
            <dt>{t('view.issued')}</dt>
            {/* The course's calendar date, as a printed certificate says it: the same for every reader, wherever they are. */}
            <dd>{formatCalendarDate(new Date(certificate.issuedAt), certificate.course.timeZone, language, false)}</dd>
          </div>
          <div>
            <dt>{t('view.code')}</dt>
            <dd className="certificate-code">{certificate.code}</dd>
          </div>
          <div>
            <dt>{t('view.verifyAt')}</dt>
            <dd>
              <a href={url}>{url}</a>
            </dd>
          </div>
        </dl>
        <p className="certificate-issuer">{t('view.issuer')}</p>
      </article>
      <p className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('view.print')}
        </button>
      </p>
    </>
  );
}
