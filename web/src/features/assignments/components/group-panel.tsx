import type { SubmissionFieldsFragment } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';

interface Props {
  group: string;
  submission: SubmissionFieldsFragment | null | undefined;
  when(iso: string): string;
}

/** Group work: whose text it is, who has written in it so far, and who saved it last and when. */
export function GroupPanel({ group, submission, when }: Props) {
  const { t } = useTranslation('assignments');
  const contributors = submission?.contributors ?? [];
  return (
    <div className="assignment-group" data-testid="group-panel">
      <p className="assignment-group-name">{t('group.name', { group })}</p>
      <p className="small">{t('group.intro')}</p>
      {contributors.length > 0 ? (
        <p>
          {t('group.contributors')}: {contributors.map((person) => person.displayName).join(', ')}
        </p>
      ) : (
        <p>{t('group.nobodyYet')}</p>
      )}
      {submission?.lastEditor && <p>{t('group.lastEdit', { name: submission.lastEditor.displayName, time: when(submission.updatedAt) })}</p>}
    </div>
  );
}
