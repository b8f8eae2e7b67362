import { useMemo } from 'react';
import { useViewer } from '../../../app/use-viewer';

/** An instant as the viewer reads it: their language, their profile's time zone, with the zone named. */
export function useFormatInstant(): (iso: string) => string {
  const { language, timeZone } = useViewer();
  return useMemo(() => {
    // dateStyle/timeStyle cannot be combined with timeZoneName, hence the parts one by one.
    const format = new Intl.DateTimeFormat(language, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    return (iso: string) => format.format(new Date(iso));
  }, [language, timeZone]);
}
