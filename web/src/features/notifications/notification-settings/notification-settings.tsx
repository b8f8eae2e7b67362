import { useMutation, useQuery } from '@apollo/client/react';
import { type DigestFrequency, NotificationPreferencesDocument, UpdateNotificationPreferenceDocument, type UpdateNotificationPreferenceInput } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../ui/query-error';
import { Skeleton } from '../../../ui/skeleton';
import { FadingStatus } from '../../../ui/status';

const DIGESTS: DigestFrequency[] = ['DAILY', 'WEEKLY', 'OFF'];
const GROUP_ORDER = ['COMMUNITY', 'NETWORK', 'COURSES', 'SESSIONS', 'GRANTS', 'OTHER'];

/** "DIRECTORY_CONTACT" → "Directory contact": the name of a kind this page has no words for yet. */
export function kindFallback(kind: string): string {
  const words = kind.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The words are in the `network` namespace (features/network/locales): the notification settings, unsubscribe
 * and invitations (one part of the community work) share one namespace, so the first load's table of
 * translation files grows by one namespace, not two (the first load is at its budget).
 *
 * The viewer's notification settings: the community digest (daily, weekly or never, at 07:00 in their
 * zone), every kind's email on or off (each saved at once), and all email off. Every kind the server lists
 * is shown, also those added after this page was written (labelled by their name until translated).
 */
export function NotificationSettings() {
  const { t } = useTranslation('network');
  const { data, loading, error } = useQuery(NotificationPreferencesDocument);
  // The preferences have no id to be matched by: the answer replaces the page's copy.
  const [update, { loading: saving }] = useMutation(UpdateNotificationPreferenceDocument, {
    update(cache, { data: answer }) {
      if (answer) cache.writeQuery({ query: NotificationPreferencesDocument, data: { myNotificationPreferences: answer.updateNotificationPreference } });
    },
  });
  const [status, setStatus] = useState<{ message: string; stamp: number } | null>(null);
  const [failed, setFailed] = useState(false);

  if (loading && !data) return <Skeleton lines={8} label={t('app:loading')} />;
  if (error && !data) return <QueryError error={error} />;
  const prefs = data!.myNotificationPreferences;

  const save = async (input: UpdateNotificationPreferenceInput) => {
    setFailed(false);
    try {
      await update({ variables: { input } });
      setStatus({ message: t('settings.saved'), stamp: Date.now() });
    } catch {
      setFailed(true);
    }
  };
  const groups = GROUP_ORDER.map((group) => ({ group, kinds: prefs.kinds.filter((k) => (GROUP_ORDER.includes(k.group) ? k.group : 'OTHER') === group) })).filter(
    (g) => g.kinds.length > 0,
  );

  return (
    <div className="notification-settings">
      <fieldset>
        <legend>
          <h2>{t('settings.digest.legend')}</h2>
        </legend>
        <p id="digest-hint">{t('settings.digest.hint', { timeZone: prefs.timeZone })}</p>
        {DIGESTS.map((digest) => (
          <label key={digest} className="choice">
            <input
              type="radio"
              name="digest"
              value={digest}
              checked={prefs.digest === digest}
              disabled={saving || prefs.allEmailOff}
              aria-describedby="digest-hint"
              onChange={() => void save({ digest })}
            />{' '}
            {t(`settings.digest.${digest}`)}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>
          <h2>{t('settings.kindsLegend')}</h2>
        </legend>
        {groups.map(({ group, kinds }) => (
          <div key={group} role="group" aria-labelledby={`group-${group}`}>
            <h3 id={`group-${group}`}>{t(`settings.groups.${group}`)}</h3>
            {kinds.map((kind) => (
              <label key={kind.kind} className="choice">
                <input
                  type="checkbox"
                  checked={kind.email && !prefs.allEmailOff}
                  disabled={saving || prefs.allEmailOff}
                  onChange={(event) => void save({ kind: kind.kind, email: event.target.checked })}
                />{' '}
                {t(kind.labelKey, { defaultValue: kindFallback(kind.kind) })}
                {kind.replacedByDigest && !kind.email && prefs.digest !== 'OFF' && <span className="hint"> — {t('settings.replacedByDigest')}</span>}
              </label>
            ))}
          </div>
        ))}
      </fieldset>

      <fieldset>
        <legend>
          <h2>{t('settings.allEmail.label')}</h2>
        </legend>
        <label className="choice">
          <input type="checkbox" checked={prefs.allEmailOff} disabled={saving} aria-describedby="all-email-hint" onChange={(event) => void save({ allEmailOff: event.target.checked })} />{' '}
          {t('settings.allEmail.label')}
        </label>
        <p id="all-email-hint" className="hint">
          {t('settings.allEmail.hint')}
        </p>
      </fieldset>
      {failed && (
        <p role="alert" className="form-alert">
          {t('settings.failed')}
        </p>
      )}
      <FadingStatus message={status?.message ?? null} stamp={status?.stamp} />
    </div>
  );
}
