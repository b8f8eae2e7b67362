import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './session';

export function RequireSession({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const { t } = useTranslation('app');
  const location = useLocation();
  if (loading) return <p className="loading">{t('loading')}</p>;
  if (!me) return <Navigate to="/log-in" replace state={{ from: location.pathname }} />;
  return children;
}
