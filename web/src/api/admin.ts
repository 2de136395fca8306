/** Managers' and administrators' API: statistics, incidents, accounts, agencies, holidays. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiPost } from './client';
import type { Account, Agency, AgencyStats, Incident } from './types';

/** Per-agency counts. Documented shape; the API has no such route yet (see the web report). */
export function useAgencyStats() {
  return useQuery({ queryKey: ['stats-agencies'], queryFn: () => apiFetch<AgencyStats[]>('/statistics/agencies'), retry: false });
}

/** GET /api/incidents. */
export function useIncidents() {
  return useQuery({ queryKey: ['incidents'], queryFn: () => apiFetch<{ items: Incident[]; total: number }>('/incidents') });
}

/** POST /api/incidents/:key/retry. */
export function useRetryIncident() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => apiPost<{ key: string; message_vi: string }>(`/incidents/${key}/retry`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['incidents'] }),
  });
}

/** GET /api/admin/users. */
export function useAccounts(q: string) {
  const p = new URLSearchParams({ pageSize: '50' });
  if (q) p.set('q', q);
  return useQuery({ queryKey: ['accounts', q], queryFn: () => apiFetch<{ items: Account[]; total: number }>(`/admin/users?${p.toString()}`) });
}

/** PATCH /api/admin/users/:id. */
export function useUpdateAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      apiFetch<Account>(`/admin/users/${id}`, { method: 'PATCH', body: JSON.stringify(body) }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

/** GET /api/agencies. */
export function useAgencies() {
  return useQuery({ queryKey: ['agencies'], queryFn: () => apiFetch<Agency[]>('/agencies'), staleTime: 300_000 });
}

/** Holidays of a year. Documented shape; the API has no such route yet (see the web report). */
export function useHolidays(year: number) {
  return useQuery({ queryKey: ['holidays', year], queryFn: () => apiFetch<{ date: string; name: string }[]>(`/calendar/holidays?year=${year}`), retry: false });
}
