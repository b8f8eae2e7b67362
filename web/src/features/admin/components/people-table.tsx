import type { AdminPersonFieldsFragment } from '@kapwa/graphql';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatInstant } from '../hooks/use-format-instant';

interface Props {
  people: readonly AdminPersonFieldsFragment[];
  meId: string;
  onManage(person: AdminPersonFieldsFragment): void;
}

export function PeopleTable({ people, meId, onManage }: Props) {
  const { t } = useTranslation('admin');
  const formatInstant = useFormatInstant();
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table">
        <caption id={captionId} className="visually-hidden">{t('people.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.name')}</th>
            <th scope="col">{t('people.email')}</th>
            <th scope="col">{t('people.roles')}</th>
            <th scope="col">{t('people.organization')}</th>
            <th scope="col">{t('people.lastSignIn')}</th>
            <th scope="col">{t('people.status')}</th>
            <th scope="col">{t('people.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                {person.displayName} {person.id === meId && t('people.you')}
              </th>
              <td>{person.email}</td>
              <td>{person.roles.length ? person.roles.map((role) => t(`roles.${role}`)).join(', ') : t('people.noRoles')}</td>
              <td>{person.organization?.name ?? t('people.noOrganization')}</td>
              <td>{person.lastSignInAt ? formatInstant(person.lastSignInAt) : t('people.never')}</td>
              <td>{person.suspendedAt ? t('people.suspendedSince', { date: formatInstant(person.suspendedAt) }) : t('people.active')}</td>
              <td>
                <button type="button" className="button-secondary" aria-label={t('people.manageLabel', { name: person.displayName })}
                  onClick={() => onManage(person)}>
                  {t('people.manage')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
