import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { SessionUser } from '../../../shared/auth/commands';
import type { Role } from '../../../shared/roles';
import { call } from '../api/client';

type AuthState =
  | { status: 'loading' }
  | { status: 'unreachable'; error: unknown }
  | { status: 'setup'; setupCodeRequired: boolean }
  | { status: 'anonymous'; officeName: string | null }
  | { status: 'authenticated'; user: SessionUser };

interface Auth {
  state: AuthState;
  user: SessionUser | null;
  hasRole(...roles: Role[]): boolean;
  login(login: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

async function loadAuthState(): Promise<AuthState> {
  try {
    const setup = await call('setup.status', {});
    if (!setup.initialized) return { status: 'setup', setupCodeRequired: setup.setupCodeRequired };
    const me = await call('auth.me', {});
    return me.user ? { status: 'authenticated', user: me.user } : { status: 'anonymous', officeName: setup.officeName };
  } catch (error) {
    return { status: 'unreachable', error };
  }
}

const authKey = ['auth.state'];

/** Knows whether the office is set up and who is signed in; every screen reads it. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: authKey, queryFn: loadAuthState, staleTime: Infinity, refetchOnWindowFocus: false, retry: false });
  const state = useMemo<AuthState>(() => query.data ?? { status: 'loading' }, [query.data]);

  const refresh = useCallback(async () => {
    await queryClient.refetchQueries({ queryKey: authKey });
  }, [queryClient]);

  const login = useCallback(
    async (loginName: string, password: string) => {
      const result = await call('auth.login', { login: loginName, password });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKey[0] });
      const next: AuthState = { status: 'authenticated', user: result.user };
      queryClient.setQueryData(authKey, next);
      return result.user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await call('auth.logout', {});
    } finally {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKey[0] });
      await refresh();
    }
  }, [queryClient, refresh]);

  const value = useMemo<Auth>(() => {
    const user = state.status === 'authenticated' ? state.user : null;
    return {
      state,
      user,
      hasRole: (...roles) => !!user && roles.some((r) => user.roles.includes(r)),
      login,
      logout,
      refresh,
    };
  }, [state, login, logout, refresh]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
