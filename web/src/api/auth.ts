/** The signed-in account (GET /api/me), login and logout. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch, apiPost } from './client';

/** GET /api/me. */
export interface Me {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  citizenId: string | null;
  roles: string[];
  memberships: { agencyCode: string; role: string }[];
  groups: string[];
}

/** Roles that work in an agency's inbox. */
export const OFFICER_ROLES = ['one-stop', 'specialist', 'section-head', 'agency-head'];

async function fetchMe(): Promise<Me | null> {
  try {
    return await apiFetch<Me>('/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** The current account, or null for a visitor. */
export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** True when `me` holds any of `roles`. */
export function hasAnyRole(me: Me | null | undefined, roles: readonly string[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r));
}

/** The page a user lands on after login, by role. */
export function homeOf(me: Me): string {
  if (hasAnyRole(me, OFFICER_ROLES)) return '/can-bo';
  if (hasAnyRole(me, ['analyst'])) return '/phan-tich';
  if (hasAnyRole(me, ['manager', 'admin'])) return '/quan-ly';
  return '/ho-so-cua-toi';
}

/** POST /api/auth/login; refreshes `me`. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => apiPost<Me>('/auth/login', body),
    onSuccess: (me) => {
      client.clear();
      client.setQueryData(['me'], me);
    },
  });
}

/** POST /api/auth/logout; forgets every cached answer. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<unknown>('/auth/logout'),
    onSettled: () => {
      client.clear();
      client.setQueryData(['me'], null);
    },
  });
}

/** A sign-in method the server offers (GET /api/auth/providers). */
export interface SignInProvider {
  id: string;
  kind: 'credentials' | 'redirect';
  label: string;
  startUrl?: string;
}

/** The sign-in methods to show on the login page (VNeID when the server has it configured). */
export function useSignInProviders() {
  return useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: async () => (await apiFetch<{ providers: SignInProvider[] }>('/auth/providers')).providers,
    staleTime: 5 * 60_000,
  });
}
