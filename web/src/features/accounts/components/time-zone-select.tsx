import { currentZoneName, isTimeZone, timeZones } from '@kapwa/shared';
import { useMemo } from 'react';
import type { ControlProps } from '../../../app/forms/field';

/** The browser's own zone, when it is one the API accepts; UTC otherwise. */
export function browserTimeZone(): string {
  const zone = currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone ?? '');
  return zone && isTimeZone(zone) ? zone : 'UTC';
}

/** "UTC+05:45" for Asia/Kathmandu, today (offsets move with daylight saving time). */
function utcOffset(zone: string, now: Date): string {
  try {
    const part = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(now)
      .find((p) => p.type === 'timeZoneName')?.value;
    return part ? part.replace('GMT', 'UTC') : '';
  } catch {
    return '';
  }
}

let labelled: { zone: string; label: string }[] | undefined;

function zoneOptions() {
  if (!labelled) {
    const now = new Date();
    const zones = timeZones();
    labelled = zones.map((zone) => {
      const offset = utcOffset(zone, now);
      const name = zone.replaceAll('_', ' ');
      return { zone, label: offset && offset !== 'UTC' ? `${name} (${offset})` : name };
    });
  }
  return labelled;
}

/** IANA time zones with their current UTC offset. A saved zone missing from the list stays selectable. */
export function TimeZoneSelect({ value, onChange, ...control }: ControlProps & { value: string; onChange(value: string): void }) {
  const options = useMemo(() => {
    const all = zoneOptions();
    return value && !all.some((o) => o.zone === value) ? [{ zone: value, label: value.replaceAll('_', ' ') }, ...all] : all;
  }, [value]);
  return (
    <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
      {options.map(({ zone, label }) => (
        <option key={zone} value={zone}>
          {label}
        </option>
      ))}
    </select>
  );
}
