import { useQuery } from '@apollo/client/react';
import { SubmissionToGradeDocument } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../ui/empty-state';
import { QueryError } from '../../../ui/query-error';
import { Skeleton } from '../../../ui/skeleton';
import { FadingStatus } from '../../../ui/status';
import { useWhoOf } from '../hooks/use-who-of';
import { GradeForm } from './grade-form';
import { SubmissionView } from './submission-view';

interface Props {
  submissionId: string;
  courseLanguage: string;
  /** Back to the queue of work still to grade. */
  queuePath: string;
  timeZone: string;
  language: string;
}

/**
 * One piece of handed-in work opened from the gradebook: graded already or not, its grade can be changed
 * (the learner sees the new one once released; a released grade changes for them at once).
 */
export function GradedWork({ submissionId, courseLanguage, queuePath, timeZone, language }: Props) {
  const { t } = useTranslation('grading');
  const whoOf = useWhoOf();
  const { data, loading, error, refetch } = useQuery(SubmissionToGradeDocument, { variables: { id: submissionId }, fetchPolicy: 'network-only' });
  const [status, setStatus] = useState<{ message: string; stamp: number } | null>(null);
  const submission = data?.submissionToGrade;

  return (
    <div className="grading-work">
      <p>
        <Link to={queuePath}>{t('regrade.back')}</Link>
      </p>
      {loading && !data ? (
        <Skeleton label={t('app:loading')} />
      ) : error ? (
        <QueryError error={error} />
      ) : !submission ? (
        <EmptyState title={t('regrade.goneTitle')}>
          <p>{t('regrade.goneHint')}</p>
        </EmptyState>
      ) : (
        <>
          <SubmissionView submission={submission} who={whoOf(submission)} timeZone={timeZone} language={language} courseLanguage={courseLanguage} />
          <GradeForm
            key={`${submission.id}:${submission.grade?.version ?? 0}`}
            submission={submission}
            who={whoOf(submission)}
            language={language}
            courseLanguage={courseLanguage}
            onDone={(message) => {
              setStatus({ message, stamp: Date.now() });
              void refetch();
            }}
            onReload={() => void refetch()}
          />
        </>
      )}
      <FadingStatus message={status?.message ?? null} stamp={status?.stamp} seconds={8} />
    </div>
  );
}
