import type { CourseEditorQuery } from '@kapwa/graphql';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

type Member = NonNullable<CourseEditorQuery['course']>['enrollments'][number];

export function MemberList({ members, language }: { members: readonly Member[]; language: string }) {
  const { t } = useTranslation('courses');
  const captionId = useId();
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  if (members.length === 0) return <p>{t('editor.noMembers')}</p>;
  return (
    // On a phone the table scrolls sideways: a named region in the tab order, so a keyboard can scroll it too.
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table">
        <caption id={captionId} className="visually-hidden">{t('editor.members')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('editor.memberName')}</th>
            <th scope="col">{t('fields.role')}</th>
            <th scope="col">{t('fields.group')}</th>
            <th scope="col">{t('editor.memberProgress')}</th>
            <th scope="col">{t('editor.memberStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id}>
              <th scope="row">{member.user.displayName}</th>
              <td>{t(`roles.${member.role}`)}</td>
              <td>{member.group ?? '—'}</td>
              <td>{member.role === 'LEARNER' ? percent.format(member.progress) : '—'}</td>
              <td>{t(`enrollmentStatus.${member.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
