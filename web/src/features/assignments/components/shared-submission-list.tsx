import type { SharedSubmissionsQuery } from '@kapwa/graphql';
import { formatInstantWithZones, zoneLabel } from '@kapwa/shared';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { MediaAttachments } from '../../../app/media';
import { EmptyState } from '../../../ui/empty-state';
import './assignments.css';

type Shared = NonNullable<SharedSubmissionsQuery['assignment']>['sharedSubmissions'][number];

interface Props {
  submissions: Shared[];
  lang: string;
  timeZone: string;
  courseTimeZone: string;
  language: string;
}

/** The cohort's submitted work, each under its group (or author) and when it was handed in. Never a grade. */
export function SharedSubmissionList({ submissions, lang, timeZone, courseTimeZone, language }: Props) {
  const { t } = useTranslation('assignments');
  if (submissions.length === 0) return <EmptyState title={t('shared.empty')} />;
  return (
    <ol className="shared-submissions">
      {submissions.map((submission) => (
        <li key={submission.id}>
          <article className="shared-submission" aria-labelledby={`shared-${submission.id}`}>
            <h2 id={`shared-${submission.id}`}>{submission.group ? t('shared.group', { group: submission.group }) : submission.learner.displayName}</h2>
            {submission.submittedAt && (
              <p className="small">
                {t(submission.late ? 'submitted.atLate' : 'submitted.at', {
                  time: formatInstantWithZones(new Date(submission.submittedAt), timeZone, courseTimeZone, language, (zone) => zoneLabel(zone, language)),
                })}
                {submission.group && <> · {t('submitted.by', { name: submission.learner.displayName })}</>}
              </p>
            )}
            {/* bodyHtml is sanitized by the API. */}
            <div className="prose" lang={lang} dangerouslySetInnerHTML={{ __html: submission.bodyHtml }} />
            {submission.attachments.length > 0 && (
              <Suspense fallback={null}>
                <MediaAttachments
                  files={submission.attachments}
                  label={t('attachments.sharedLabel', { who: submission.group ? t('shared.group', { group: submission.group }) : submission.learner.displayName })}
                />
              </Suspense>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}
