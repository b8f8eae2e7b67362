import type { GradingSubmissionFieldsFragment } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';

/** Whose work it is, as grading pages name it: the group for group work, else the learner. */
export function useWhoOf() {
  const { t } = useTranslation('grading');
  return (submission: Pick<GradingSubmissionFieldsFragment, 'group' | 'learner'>) =>
    submission.group ? t('queue.group', { group: submission.group }) : submission.learner.displayName;
}
