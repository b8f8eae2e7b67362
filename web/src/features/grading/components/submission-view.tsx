import type { GradingSubmissionFieldsFragment } from '@kapwa/graphql';
import { formatInstant, zoneLabel } from '@kapwa/shared';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { MediaAttachments } from '../../../app/media';
import { Badge } from '../../../ui/badge';
import { Skeleton } from '../../../ui/skeleton';

interface Props {
  submission: GradingSubmissionFieldsFragment;
  who: string;
  timeZone: string;
  language: string;
  courseLanguage: string;
}

/** The work being graded: whose it is, when it came (in the grader's zone), late or not, the text and its attachments. */
export function SubmissionView({ submission, who, timeZone, language, courseLanguage }: Props) {
  const { t } = useTranslation('grading');
  return (
    <section className="submission-view" aria-labelledby={`submission-${submission.id}-heading`}>
      <h2 id={`submission-${submission.id}-heading`} tabIndex={-1}>
        {who}
      </h2>
      <p className="small">
        <span lang={courseLanguage}>{submission.assignment.title}</span>
        {submission.group && submission.learner && (
          <>
            {' · '}
            {t('queue.submittedBy', { name: submission.learner.displayName })}
          </>
        )}
      </p>
      <p className="submission-meta">
        {submission.submittedAt && (
          <span>
            {t('queue.submittedAt', {
              when: `${formatInstant(new Date(submission.submittedAt), timeZone, language)} (${zoneLabel(timeZone, language)})`,
            })}
          </span>
        )}{' '}
        {submission.late && <Badge tone="danger">{t('queue.late')}</Badge>}
      </p>
      <div className="prose submission-body" dangerouslySetInnerHTML={{ __html: submission.bodyHtml }} />
      {submission.attachments.length > 0 && (
        <>
          <h3 id={`submission-${submission.id}-files`}>{t('queue.attachments')}</h3>
          <Suspense fallback={<Skeleton label={t('app:loading')} />}>
            <MediaAttachments files={submission.attachments} label={t('queue.attachmentsOf', { who })} />
          </Suspense>
        </>
      )}
    </section>
  );
}
