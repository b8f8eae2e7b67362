import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each page names itself in the tab title, which screen readers announce on navigation. */
export function usePageTitle(title: string) {
  const { t } = useTranslation('app');
  const app = t('name');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
