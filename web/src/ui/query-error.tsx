import { useTranslation } from 'react-i18next';
import { apiErrorsOf } from '../app/forms/api-errors';

const KNOWN = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'TOO_MANY_REQUESTS', 'NETWORK', 'SERVER']);

/** A query that failed, in words: the app's per-code messages. */
export function QueryError({ error }: { error: unknown }) {
  const { t } = useTranslation('app');
  const code = apiErrorsOf(error)[0]?.code ?? 'UNKNOWN';
  return (
    <p role="alert" className="form-alert">
      {t(`errors.${KNOWN.has(code) ? code : 'UNKNOWN'}`)}
    </p>
  );
}
