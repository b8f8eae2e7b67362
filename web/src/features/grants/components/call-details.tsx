import type { GrantCallDetailsQuery } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkButton } from '../../../ui/button';
import { Card } from '../../../ui/card';
import { CallTime, ClosingCountdown } from './call-times';
import { ApplicationStatusBadge, CallStatusBadge } from './status-badges';

type Call = NonNullable<GrantCallDetailsQuery['grantCall']>;

/** A call's Markdown description, rendered and sanitized by the API as every lesson is. */
export function CallDescription({ html }: { html: string }) {
  if (!html.trim()) return null;
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The criteria with their weight, and each one's share of the score. */
export function CriteriaList({ criteria }: { criteria: Call['criteria'] }) {
  const { t } = useTranslation('grants');
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  return (
    <ol className="grant-criteria">
      {criteria.map((criterion) => (
        <li key={criterion.id}>
          <strong>{criterion.title}</strong>{' '}
          <span className="grant-meta">
            {t('criteria.weight', { weight: criterion.weight, share: total > 0 ? Math.round((100 * criterion.weight) / total) : 0, max: criterion.maxScore })}
          </span>
          {criterion.description && <p>{criterion.description}</p>}
        </li>
      ))}
    </ol>
  );
}

/** The call page: what it funds, how it is judged, who may apply, when, and the way to apply. */
export function CallDetails({ call, timeZone, language }: { call: Call; timeZone: string; language: string }) {
  const { t } = useTranslation('grants');
  const times = { timeZone, callTimeZone: call.timeZone, language };
  return (
    <div className="grant-call">
      <div className="grant-call-main">
        <CallDescription html={call.descriptionHtml} />
        <section aria-labelledby="call-criteria">
          <h2 id="call-criteria">{t('call.criteria')}</h2>
          <CriteriaList criteria={call.criteria} />
        </section>
      </div>
      <aside className="grant-call-side">
        <Card as="section" aria-labelledby="call-when">
          <h2 id="call-when">{t('call.when')}</h2>
          <p>
            <CallStatusBadge status={call.status} /> {call.status === 'OPEN' && <ClosingCountdown closesAt={call.closesAt} />}
          </p>
          <dl className="grant-dates">
            <dt>{t('call.opensAt')}</dt>
            <dd>
              <CallTime at={call.opensAt} {...times} />
            </dd>
            <dt>{t('call.closesAt')}</dt>
            <dd>
              <CallTime at={call.closesAt} {...times} />
            </dd>
          </dl>
        </Card>
        <Card as="section" aria-labelledby="call-who">
          <h2 id="call-who">{t('call.eligibility')}</h2>
          <ul>
            <li>
              {call.eligibleOrganizationKinds.length === 0
                ? t('call.anyOrganization')
                : t('call.organizationKinds', { kinds: call.eligibleOrganizationKinds.map((kind) => t(`kinds.${kind}`)).join(', ') })}
            </li>
            {call.requiredCourse && (
              <li>
                {t('call.requiredCourse')} <Link to={`/courses/${call.requiredCourse.slug}`}>{call.requiredCourse.title}</Link>
              </li>
            )}
          </ul>
        </Card>
        <ApplyPanel call={call} />
      </aside>
    </div>
  );
}

/** "Apply", "Continue your draft", the submitted application, or why the viewer cannot apply. */
export function ApplyPanel({ call }: { call: Pick<Call, 'id' | 'myEligibility' | 'myApplications'> }) {
  const { t } = useTranslation('grants');
  const mine = call.myApplications[0];
  return (
    <Card as="section" aria-labelledby="call-apply" className="grant-apply">
      <h2 id="call-apply">{t('call.apply')}</h2>
      {mine && (
        <p>
          {mine.organization.name} <ApplicationStatusBadge status={mine.status} />
        </p>
      )}
      {mine && mine.status !== 'DRAFT' ? (
        <LinkButton to={`/grants/${call.id}/apply`} variant="secondary">
          {t('call.seeApplication')}
        </LinkButton>
      ) : call.myEligibility.canApply ? (
        <LinkButton to={`/grants/${call.id}/apply`}>{mine ? t('call.continueDraft') : t('call.startApplication')}</LinkButton>
      ) : (
        <p className="grant-reason" data-testid="apply-reason">
          {call.myEligibility.reason ?? t('call.cannotApply')}
        </p>
      )}
    </Card>
  );
}
