import type { GradingSubmissionFieldsFragment } from '@kapwa/graphql';
import { formatInstant, zoneLabel } from '@kapwa/shared';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/badge';

interface Props {
  submission: GradingSubmissionFieldsFragment;
  who: string;
  timeZone: string;
  language: string;
  courseLanguage: string;
}

const size = (bytes: number, language: string) =>
  new Intl.NumberFormat(language, { style: 'unit', unit: bytes < 1e6 ? 'kilobyte' : 'megabyte', maximumFractionDigits: 1 }).format(
    bytes < 1e6 ? bytes / 1e3 : bytes / 1e6,
  );

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
          <h3>{t('queue.attachments')}</h3>
          <ul className="attachment-list">
            {submission.attachments.map((file) => (
              <li key={file.id}>
                <span>{file.filename}</span> <span className="small">({size(file.sizeBytes, language)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
