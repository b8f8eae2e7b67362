import { useMutation, useQuery } from '@apollo/client/react';
import { MarkNotificationsReadDocument, UnreadNotificationCountDocument } from '@kapwa/graphql';
import { useEffect, useRef } from 'react';

/** Gentle on slow links: one tiny query a minute, none while the tab is hidden, one more on return. */
export const POLL_MS = 60_000;
const FOCUS_REFRESH_MIN_MS = 15_000;

export function useUnreadCount(): number {
  const { data, refetch } = useQuery(UnreadNotificationCountDocument, {
    pollInterval: POLL_MS,
    skipPollAttempt: () => document.visibilityState === 'hidden',
    notifyOnNetworkStatusChange: false,
  });
  const last = useRef(Date.now());
  useEffect(() => {
    // `focus` and `visibilitychange` often come together: ask once.
    const refresh = () => {
      if (document.visibilityState === 'hidden' || Date.now() - last.current < FOCUS_REFRESH_MIN_MS) return;
      last.current = Date.now();
      void refetch().catch(() => {});
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [refetch]);
  return data?.notifications.unreadCount ?? 0;
}

/** Marks these notifications (or, without ids, all of mine) read; the bell and the list follow. */
export function useMarkRead() {
  const [mutate, { loading }] = useMutation(MarkNotificationsReadDocument);
  async function markRead(ids?: string[]) {
    const readAt = new Date().toISOString();
    await mutate({
      variables: { ids: ids ?? null },
      update(cache) {
        const targets = ids ?? Object.keys(cache.extract() as Record<string, unknown>).filter((key) => key.startsWith('Notification:')).map((key) => key.slice('Notification:'.length));
        for (const id of targets) {
          cache.modify({ id: cache.identify({ __typename: 'Notification', id }), fields: { readAt: (current) => current ?? readAt } });
        }
      },
      refetchQueries: ['UnreadNotificationCount', 'Notifications'],
    });
  }
  return { markRead, loading };
}
