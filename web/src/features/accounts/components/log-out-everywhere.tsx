import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmAction } from '../../../ui/confirm-action';
import { useLogOutEverywhere } from '../hooks/use-recovery-mutations';

/** Ends every session on every device, this one included. */
export function LogOutEverywhere() {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  const { logOutEverywhere, loading } = useLogOutEverywhere();
  return (
    <section aria-labelledby="log-out-everywhere-title">
      <h2 id="log-out-everywhere-title">{t('logOutEverywhere.title')}</h2>
      <p>{t('logOutEverywhere.intro')}</p>
      <ConfirmAction
        id="log-out-everywhere"
        ask={t('logOutEverywhere.ask')}
        question={t('logOutEverywhere.question')}
        confirm={t('logOutEverywhere.confirm')}
        confirming={t('logOutEverywhere.confirming')}
        keep={t('logOutEverywhere.keep')}
        busy={loading}
        onConfirm={async () => {
          await logOutEverywhere();
          void navigate('/log-in', { replace: true });
        }}
      />
    </section>
  );
}
