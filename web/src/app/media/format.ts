import { useTranslation } from 'react-i18next';

/** Sizes and durations in the reader's language ("3.2 MB", "about 4 min"). */
export function useFormat() {
  const { t, i18n } = useTranslation('media');
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return {
    bytes(value: number): string {
      const units = ['B', 'KB', 'MB', 'GB'] as const;
      let unit = 0;
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
      }
      return t(`units.${units[unit]}`, { value: number.format(value) });
    },
    duration(seconds: number): string {
      if (seconds < 60) return t('units.seconds', { value: number.format(Math.ceil(seconds)) });
      if (seconds < 3600) return t('units.minutes', { value: number.format(Math.ceil(seconds / 60)) });
      return t('units.hours', { value: number.format(Math.round((seconds / 3600) * 10) / 10) });
    },
  };
}
