import { cityOf, currentZoneName, isTimeZone, timeZones, zoneName } from '@kapwa/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlProps } from './field';

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

const labelled = new Map<string, { zone: string; label: string }[]>();
/** Zone → offset today, the same in every language. */
let offsets: Map<string, string> | undefined;

/**
 * Each zone as a place in the reader's language with its offset today: "Myanmar Time (UTC+06:30)".
 * Where two zones share a name ("Central Time"), the city from the zone's id tells them apart. Sorted
 * as the reader's language sorts.
 */
export function zoneOptions(language: string): { zone: string; label: string }[] {
  let options = labelled.get(language);
  if (!options) {
    offsets ??= new Map(timeZones().map((zone) => [zone, utcOffset(zone, new Date())]));
    const named = timeZones().map((zone) => ({ zone, name: zoneName(zone, language), offset: offsets!.get(zone) }));
    const count = new Map<string, number>();
    for (const { name } of named) count.set(name, (count.get(name) ?? 0) + 1);
    options = named.map(({ zone, name, offset }) => {
      const place = count.get(name)! > 1 ? `${name} · ${cityOf(zone)}` : name;
      return { zone, label: offset && offset !== 'UTC' ? `${place} (${offset})` : place };
    });
    const collator = new Intl.Collator(language);
    options.sort((a, b) => collator.compare(a.label, b.label));
    labelled.set(language, options);
  }
  return options;
}

/** Time zones by place, with their current UTC offset. A saved zone missing from the list stays selectable. */
export function TimeZoneSelect({ value, onChange, ...control }: ControlProps & { value: string; onChange(value: string): void }) {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const options = useMemo(() => {
    const all = zoneOptions(language);
    return value && !all.some((o) => o.zone === value) ? [{ zone: value, label: zoneName(value, language) }, ...all] : all;
  }, [value, language]);
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
