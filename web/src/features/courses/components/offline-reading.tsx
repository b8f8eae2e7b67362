import { useApolloClient } from '@apollo/client/react';
import { formatInstant } from '@kapwa/shared';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readToken, isTabOnlySession } from '../../../app/auth-token';
import { useSession } from '../../../app/session';
import { useViewer } from '../../../app/use-viewer';
import { Button } from '../../../ui/button';
import { removeWeek, savedWeeks, saveWeek, type SavedWeek } from '../offline-copies';

/** Shown above a page drawn from the device's saved copy. */
export function OfflineNotice({ savedAt }: { savedAt: string }) {
  const { t } = useTranslation('courses');
  const { timeZone, language } = useViewer();
  return (
    <p className="offline-notice" role="status">
      {t('offline.showingCopy', { date: formatInstant(new Date(savedAt), timeZone, language) })}
    </p>
  );
}

/**
 * The weeks of a course saved on this device, with saving and removing. Not offered on a shared
 * computer (a tab-only session): what is saved outlives the tab.
 */
export function useSavedWeeks(slug: string, readerId: string | null) {
  const { me } = useSession();
  const client = useApolloClient();
  const [weeks, setWeeks] = useState<SavedWeek[]>([]);
  const reload = useCallback(() => {
    if (!readerId) return setWeeks([]);
    void savedWeeks(readerId, slug).then(setWeeks, () => setWeeks([]));
  }, [readerId, slug]);
  useEffect(reload, [reload]);
  const token = readToken();
  const canSave = !!me && !!token && !isTabOnlySession() && typeof indexedDB !== 'undefined';
  return {
    weeks,
    canSave,
    save: async (moduleId: string) => {
      if (!me || !token) return;
      await saveWeek(client, { userId: me.id, token }, slug, moduleId);
      reload();
    },
    remove: async (moduleId: string) => {
      if (!readerId) return;
      await removeWeek(readerId, slug, moduleId);
      reload();
    },
  };
}

export type SavedWeeks = ReturnType<typeof useSavedWeeks>;

/** A week's "Save this week for offline", or when it is saved, since when and "Remove". */
export function SaveWeek({ moduleId, saved }: { moduleId: string; saved: SavedWeeks }) {
  const { t } = useTranslation('courses');
  const { timeZone, language } = useViewer();
  const [state, setState] = useState<'idle' | 'saving' | 'failed'>('idle');
  const week = saved.weeks.find((item) => item.moduleId === moduleId);
  async function run(action: () => Promise<void>) {
    setState('saving');
    try {
      await action();
      setState('idle');
    } catch {
      setState('failed');
    }
  }
  if (week) {
    return (
      <p className="week-offline">
        <span role="status">{t('offline.savedOn', { date: formatInstant(new Date(week.savedAt), timeZone, language) })}</span>{' '}
        <Button variant="secondary" size="small" onClick={() => void run(() => saved.remove(moduleId))} disabled={state === 'saving'}>
          {t('offline.remove')}
        </Button>
      </p>
    );
  }
  if (!saved.canSave) return null;
  return (
    <p className="week-offline">
      <Button variant="secondary" size="small" onClick={() => void run(() => saved.save(moduleId))} disabled={state === 'saving'}>
        {state === 'saving' ? t('offline.saving') : t('offline.save')}
      </Button>
      {state === 'failed' && (
        <span className="field-error" role="alert">
          {' '}
          {t('offline.saveFailed')}
        </span>
      )}
    </p>
  );
}
