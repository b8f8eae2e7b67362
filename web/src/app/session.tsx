import type { MeFieldsFragment } from '@kapwa/graphql';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { readToken, writeToken } from './auth-token';
import { loadDataLayer, type DataLayer } from './data/data-boundary';
import { interfaceLanguageFor } from './i18n';

export interface Session {
  /** The signed-in user, or null. */
  me: MeFieldsFragment | null;
  /** True while a stored token is being checked on page load. */
  loading: boolean;
  /** Call with the payload of signUp/logIn; `shared`: a shared computer, keep nothing once the tab closes. */
  start(payload: { token: string; user: MeFieldsFragment }, options?: { shared?: boolean }): Promise<void>;
  /** Forget the token and everything fetched with it. */
  end(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

interface Props {
  children: ReactNode;
  /** The GraphQL layer; loaded only when there is a session to check. */
  load?: () => Promise<DataLayer>;
}

export function SessionProvider({ children, load = loadDataLayer }: Props) {
  const { i18n } = useTranslation();
  const [token, setToken] = useState(readToken);
  const [me, setMe] = useState<MeFieldsFragment | null>(null);
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    if (!token) {
      setMe(null);
      setChecked(true);
      return;
    }
    let stop: (() => void) | undefined;
    let cancelled = false;
    void load().then((data) => {
      if (cancelled) return;
      stop = data.watchMe({
        onMe(user) {
          if (!user) {
            // A stored token the API no longer accepts: drop it and carry on signed out.
            writeToken(null);
            setToken(null);
          }
          setMe(user);
          setChecked(true);
        },
        onError() {
          // Offline or API down: keep the token, show the signed-out shell until it answers.
          setChecked(true);
        },
      });
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [token, load]);

  // The interface follows the signed-in user's language.
  const locale = me?.locale;
  useEffect(() => {
    const language = interfaceLanguageFor(locale);
    if (language && language !== i18n.resolvedLanguage) void i18n.changeLanguage(language);
  }, [locale, i18n]);

  const start = useCallback<Session['start']>(
    async ({ token: newToken, user }, { shared = false } = {}) => {
      const data = await load();
      writeToken(newToken, { shared });
      await data.startSessionData(user, newToken);
      setMe(user);
      setToken(newToken);
    },
    [load],
  );

  const end = useCallback<Session['end']>(async () => {
    writeToken(null);
    setToken(null);
    setMe(null);
    await (await load()).endSessionData();
  }, [load]);

  const value = useMemo(() => ({ me, loading: !!token && !checked, start, end }), [me, token, checked, start, end]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside <SessionProvider>');
  return session;
}
