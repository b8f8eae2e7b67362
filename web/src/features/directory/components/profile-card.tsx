import { useMutation } from '@apollo/client/react';
import { SetFocalPointDocument, type DirectoryProfileFieldsFragment } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { languageName } from '../../../app/language-names';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { ContactDialog } from './contact-dialog';

export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

interface Props {
  profile: DirectoryProfileFieldsFragment;
  /** The viewer: their own card offers no contact; admins mark focal points. */
  viewerId: string | null;
  isAdmin: boolean;
  /** Interface language, for country and language names. */
  language: string;
  headingLevel?: 2 | 3;
}

/** One person in the directory: name, organization, country, expertise, focal point; Contact; for admins, the focal-point mark. */
export function ProfileCard({ profile, viewerId, isAdmin, language, headingLevel = 2 }: Props) {
  const { t } = useTranslation('directory');
  const [contacting, setContacting] = useState(false);
  const [setFocalPoint, { loading: marking }] = useMutation(SetFocalPointDocument, { refetchQueries: ['DirectoryPeople', 'OrganizationFocalPoints'] });
  const { user } = profile;
  const headingId = `person-${user.id}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const own = viewerId === user.id;
  const where = [user.organization?.name, user.country ? countryName(user.country, language) : null].filter(Boolean);
  return (
    <article className="directory-card" aria-labelledby={headingId}>
      <div className="directory-card-head">
        <Heading id={headingId}>{user.displayName}</Heading>
        {profile.isFocalPoint && user.organization && <Badge tone="accent">{t('card.focalPoint')}</Badge>}
        {profile.visibility === 'HIDDEN' && <Badge tone="highlight">{t('card.hidden')}</Badge>}
      </div>
      {where.length > 0 && (
        <p className="directory-card-where">
          {user.organization ? <Link to={`/organizations/${user.organization.id}`}>{user.organization.name}</Link> : null}
          {user.organization && user.country ? ' · ' : null}
          {user.country ? countryName(user.country, language) : null}
        </p>
      )}
      {profile.bio && <p className="directory-card-bio">{profile.bio}</p>}
      {profile.expertise.length > 0 && (
        <ul className="directory-tags" aria-label={t('card.expertise')}>
          {profile.expertise.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      {profile.languages.length > 0 && (
        <p className="directory-card-languages">
          {t('card.languages', { languages: profile.languages.map((code) => languageName(code, language)).join(', ') })}
        </p>
      )}
      <div className="directory-card-actions">
        {!own && viewerId && (
          <Button variant="secondary" size="small" onClick={() => setContacting(true)} aria-label={t('card.contactPerson', { name: user.displayName })}>
            {t('card.contact')}
          </Button>
        )}
        {isAdmin && user.organization && (
          <Button
            variant="quiet"
            size="small"
            disabled={marking}
            onClick={() => void setFocalPoint({ variables: { userId: user.id, isFocalPoint: !profile.isFocalPoint } })}
            aria-label={t(profile.isFocalPoint ? 'card.unmarkPerson' : 'card.markPerson', { name: user.displayName, organization: user.organization.name })}
          >
            {profile.isFocalPoint ? t('card.unmark') : t('card.mark')}
          </Button>
        )}
      </div>
      {!own && viewerId && <ContactDialog userId={user.id} name={user.displayName} open={contacting} onClose={() => setContacting(false)} />}
    </article>
  );
}
