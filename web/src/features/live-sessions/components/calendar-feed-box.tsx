import { useQuery } from '@apollo/client/react';
import { MyCalendarFeedDocument } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { FormAlert, StatusMessage } from '../../../ui/field';
import { useRotateCalendarFeed } from '../hooks/use-session-mutations';

/**
 * My personal calendar feed: every session of my courses, with join links, for a calendar app to
 * subscribe to. The address is the only key to it, hence the warning and the way to replace it.
 */
export function CalendarFeedBox() {
  const { t } = useTranslation('live-sessions');
  const { t: tApp } = useTranslation('app');
  const { data } = useQuery(MyCalendarFeedDocument);
  const { rotate, loading } = useRotateCalendarFeed();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = data?.myCalendarFeedPath;
  if (!path) return null;
  const url = `${window.location.origin}${path}`;
  const webcal = url.replace(/^https?:\/\//, 'webcal://');

  async function copy() {
    setStatus(null);
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t('feed.copied'));
    } catch {
      // No clipboard (insecure origin, old browser): select the text so it can be copied by hand.
      const input = document.getElementById('calendar-feed-url') as HTMLInputElement | null;
      input?.select();
      setStatus(t('feed.copyByHand'));
    }
  }

  async function replace() {
    setStatus(null);
    setError(null);
    try {
      await rotate();
      setStatus(t('feed.replaced'));
    } catch (e) {
      const code = apiErrorsOf(e)[0]?.code ?? 'UNKNOWN';
      setError(tApp(`errors.${code}`, { defaultValue: tApp('errors.UNKNOWN') }));
    }
  }

  return (
    <section aria-labelledby="calendar-feed-title" className="calendar-feed" id="calendar">
      <h2 id="calendar-feed-title">{t('feed.title')}</h2>
      <p>{t('feed.intro')}</p>
      <div className="field">
        <label htmlFor="calendar-feed-url">{t('feed.address')}</label>
        <p id="calendar-feed-warning" className="field-hint">{t('feed.private')}</p>
        <input id="calendar-feed-url" type="text" readOnly value={url} aria-describedby="calendar-feed-warning"
          onFocus={(e) => e.currentTarget.select()} />
      </div>
      <FormAlert message={error} />
      <p className="actions">
        <button type="button" className="button-secondary" onClick={copy}>{t('feed.copy')}</button>
        <a className="button button-secondary" href={webcal}>{t('feed.subscribe')}</a>
        <button type="button" className="button-secondary" onClick={replace} disabled={loading}>
          {loading ? t('feed.replacing') : t('feed.replace')}
        </button>
      </p>
      <p className="small">{t('feed.replaceHint')}</p>
      <StatusMessage message={status} />
    </section>
  );
}
