import type {
  ChangePasswordRequest,
  CurrentUser,
  LoginRequest,
  LogoutResponse,
  SessionResponse,
} from '@ntm/server/contract/auth';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Flex, Spin } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { apiGet, apiSend, setUnauthenticatedHandler } from '../api/client';

export type { CurrentUser };
export type Permission = CurrentUser['permissions'][number];

export const authKeys = { me: () => ['auth', 'me'] as const };

const signedOut: SessionResponse = { user: null, csrfToken: null };

export function sessionQuery() {
  return queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => apiGet<SessionResponse>('/auth/me', {}, signal),
    staleTime: 5 * 60_000,
  });
}

export function useSession() {
  return useQuery(sessionQuery());
}

/** The signed-in user, or null (not signed in, or still loading). */
export function useCurrentUser(): CurrentUser | null {
  return useSession().data?.user ?? null;
}

export function can(user: CurrentUser | null, permission: Permission): boolean {
  return user?.permissions.includes(permission) ?? false;
}

/**
 * Shows its children to a signed-in user; anyone else goes to the sign-in page, which brings
 * them back here afterwards. Any 401 from the API (an expired session) signs the page out.
 */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const session = useSession();
  const location = useLocation();
  useEffect(() => {
    setUnauthenticatedHandler(() => client.setQueryData(authKeys.me(), signedOut));
    return () => setUnauthenticatedHandler(() => {});
  }, [client]);
  if (session.isPending) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  const data = session.data ?? signedOut;
  if (data.user === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/dang-nhap?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** Signing in or out changes what every query may return: the cache starts afresh. */
function useFreshSession() {
  const client = useQueryClient();
  return (session: SessionResponse) => {
    client.clear();
    client.setQueryData(authKeys.me(), session);
  };
}

export function useSignIn() {
  const fresh = useFreshSession();
  return useMutation({
    mutationFn: (request: LoginRequest) => apiSend<SessionResponse>('POST', '/auth/login', request),
    onSuccess: fresh,
  });
}

export function useSignOut() {
  const fresh = useFreshSession();
  return useMutation({
    mutationFn: (everywhere: boolean) =>
      apiSend<LogoutResponse>('POST', everywhere ? '/auth/logout-all' : '/auth/logout'),
    onSettled: () => fresh(signedOut),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (request: ChangePasswordRequest) => apiSend<LogoutResponse>('PUT', '/auth/password', request),
  });
}
