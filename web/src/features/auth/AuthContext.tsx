// Holds the current session (the latest LoginResult) and the actions that change it.
// A 401 auth.required from any request drops the session and sends the user to sign-in.
import type { LoginResult, Me } from '@siaga/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, onSessionChange, setCsrfToken } from '../../api/client';
import { hasStoredLanguage, setLanguage } from '../../i18n';
import { authApi } from './auth.api';

export type AuthState =
  | { status: 'loading' }
  | { status: 'signedOut'; reason: 'expired' | 'loggedOut' | 'passwordChanged' | null }
  | { status: 'signedIn'; session: LoginResult };

interface AuthValue {
  state: AuthState;
  accept: (result: LoginResult) => void;
  refresh: (reasonIfGone?: 'passwordChanged') => Promise<void>;
  signOut: (reason?: 'passwordChanged') => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const accept = useCallback((result: LoginResult) => {
    setCsrfToken(result.csrfToken);
    if (result.user && !hasStoredLanguage()) setLanguage(result.user.locale, false);
    setState({ status: 'signedIn', session: result });
  }, []);

  const refresh = useCallback(
    async (reasonIfGone?: 'passwordChanged') => {
      try {
        accept(await authApi.me());
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          setCsrfToken(null);
          setState({ status: 'signedOut', reason: reasonIfGone ?? null });
        } else {
          throw err;
        }
      }
    },
    [accept],
  );

  const signOut = useCallback(async (reason?: 'passwordChanged') => {
    try {
      await authApi.logout();
    } catch {
      // the session may already be gone; signing out locally is what matters
    }
    setCsrfToken(null);
    setState({ status: 'signedOut', reason: reason ?? 'loggedOut' });
  }, []);

  useEffect(() => {
    onSessionChange((code) => {
      if (code !== 'auth.required') {
        // The session still exists but needs another step; /auth/me says which.
        refresh().catch(() => undefined);
        return;
      }
      setCsrfToken(null);
      setState((prev) => (prev.status === 'signedIn' ? { status: 'signedOut', reason: 'expired' } : prev));
    });
    refresh().catch(() => setState({ status: 'signedOut', reason: null }));
    return () => onSessionChange(null);
  }, [refresh]);

  const value = useMemo(() => ({ state, accept, refresh, signOut }), [state, accept, refresh, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only call inside pages rendered for a complete session. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'signedIn' || !state.session.user) throw new Error('useMe without a user');
  return state.session.user;
}

export const HQ_ROLES: readonly string[] = ['hq_admin', 'hq_officer'];
